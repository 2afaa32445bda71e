/**
 * Prefill from the checker's 「生成投诉草稿」 link (?role=<role>&did=<actions>): fetches the role's
 * verdict data from this site and writes the violations into the form. Loaded by the letter island
 * only when the address carries such a link, so other letter pages never download it.
 */
import type { LetterField } from '../../lib/letters/fill';
import { isRoleData, prefillFromData, prefillRequest } from '../../lib/letters/violations';
import { roleDataUrl } from '../../lib/checker/data';

export interface PrefillContext {
  search: string;
  roles: string[];
  fields: ReadonlyMap<string, LetterField>;
  input(id: string): HTMLInputElement | HTMLTextAreaElement | null;
  render(id: string): void;
  /** Where the outcome is told, gently. */
  note: HTMLElement;
}

const GENTLE = '这个链接里的自查结果没能识别，已略过。“违规行为及依据”可以自己填写，或回到自查工具重新选择。';

export async function prefill({ search, roles, fields, input, render, note }: PrefillContext): Promise<void> {
  const say = (message: string) => {
    note.textContent = message;
    note.hidden = false;
  };
  const req = prefillRequest(search, roles);
  if (!req.asked) return;
  const target = input('violations');
  const field = fields.get('violations');
  if (!req.role || !target || !field) return say(GENTLE);
  try {
    const res = await fetch(roleDataUrl(req.role));
    const data: unknown = res.ok ? await res.json() : null;
    if (!isRoleData(data)) return say(GENTLE);
    const result = prefillFromData(search, roles, data, field.max);
    if (!result.count) return say(GENTLE);
    target.value = result.text;
    render('violations');
    // The complaint to the lender asks who is complaining; the checker already knows the role.
    const role = input('myRole');
    const roleField = fields.get('myRole');
    if (role && roleField && !role.value && typeof data.roleLabel === 'string') {
      role.value = data.roleLabel.slice(0, roleField.max);
      render('myRole');
    }
    say(
      `已按自查结果填入 ${result.count} 项违规行为及依据，请核对；也可以修改。` +
        (result.partial ? '链接里有一部分内容没能识别，已略过。' : ''),
    );
  } catch {
    say(GENTLE);
  }
}
