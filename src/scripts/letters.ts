/**
 * The letter island: fills the server-rendered letter as the reader types. Values go into the page
 * only through textContent (markup stays text), nothing is stored, and the only request it ever
 * makes is the site's own checker data when a draft link from the checker asks for a prefill
 * (src/components/letters/prefill.ts, loaded only then).
 */
import { blankFor, displayValue, type LetterField } from '../lib/letters/fill';
import { downloadName, txtContent } from '../lib/letters/text';
import { announce, downloadText, printTool, reveal } from '../components/letters/dom';

const root = document.querySelector<HTMLElement>('[data-letter]');
if (root) init(root);

function init(root: HTMLElement) {
  const fields = JSON.parse(root.dataset.fields ?? '[]') as LetterField[];
  const byId = new Map(fields.map((f) => [f.id, f]));
  const form = root.querySelector<HTMLElement>('[data-form]')!;
  const letter = root.querySelector<HTMLElement>('[data-letter-text]')!;
  const status = root.querySelector<HTMLElement>('[data-status]');
  const input = (id: string) => form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-f="${id}"]`);

  const render = (id: string) => {
    const field = byId.get(id);
    const el = input(id);
    if (!field || !el) return;
    const value = displayValue(el.value, field);
    for (const span of letter.querySelectorAll<HTMLElement>(`[data-f="${id}"]`)) {
      span.textContent = value || blankFor(field);
      span.classList.toggle('blank', !value);
      span.classList.toggle('filled', !!value);
    }
  };

  form.addEventListener('input', (e) => {
    const id = (e.target as HTMLElement).dataset.f;
    if (id) render(id);
  });
  fields.forEach((f) => render(f.id));
  reveal(root);

  const text = () => letter.textContent ?? '';
  root.querySelector('[data-act="copy"]')?.addEventListener('click', () => {
    const done = () => announce(status, '已复制全文。可以粘贴到官方 App 客服、邮件或短信里。');
    const fallback = () => {
      // Older in-app browsers lack the Clipboard API: select the letter and use the copy command.
      const range = document.createRange();
      range.selectNodeContents(letter);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      if (document.execCommand('copy')) done();
      else announce(status, '没能自动复制。信件文字已选中，请长按或按 Ctrl+C 复制。');
    };
    if (navigator.clipboard) navigator.clipboard.writeText(text()).then(done, fallback);
    else fallback();
  });
  root.querySelector('[data-act="print"]')?.addEventListener('click', printTool);
  root.querySelector('[data-act="download"]')?.addEventListener('click', () => {
    const name = downloadName(root.dataset.letter ?? '', 'txt');
    downloadText(name, txtContent(text()), 'text/plain;charset=utf-8');
    announce(status, `已生成文件 ${name}。`);
  });

  // Only a draft link from the checker loads the prefill code and fetches the role's verdicts.
  const roles = root.dataset.prefillRoles;
  if (roles && /[?&](role|did)=/.test(location.search)) {
    void import('../components/letters/prefill').then((m) =>
      m.prefill({ search: location.search, roles: roles.split(','), fields: byId, input, render, note: form.querySelector<HTMLElement>('[data-prefill-note]')! }),
    );
  }
}
