/**
 * The interactive checker on /checker/: reads the form, keeps its state in the URL
 * (?role=…&did=…), fetches the chosen role's verdicts from /checker/data/<role>.json (same origin)
 * and shows a summary and one card per selected action. Plain TypeScript, no framework.
 *
 * Everything shown is built with createElement/textContent: nothing from the URL or the data file
 * is ever parsed as HTML, and only site-relative links are made (readRoleData drops the rest).
 */
import { complaintDraftHref, parseState, serializeState, type CheckerState, type Vocabulary } from '../lib/checker/state';
import { evaluate, pairKey, summarise, VERDICT_LABELS, type Verdict } from '../lib/checker/evaluate';
import { readRoleData, roleDataUrl, type LinkData, type RoleData, type VerdictData } from '../lib/checker/data';
import { paragraphs } from '../lib/checker/pages';
import { BADGE_CLASS, ICON_CLASS, VERDICT_CLASS } from '../components/checker/verdict-style';

type Tag = keyof HTMLElementTagNameMap;

function el<K extends Tag>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function badge(verdict: Verdict): HTMLElement {
  const { label, icon } = VERDICT_LABELS[verdict];
  const b = el('p', `${BADGE_CLASS} ${VERDICT_CLASS[verdict]} m-0 px-2`);
  b.dataset.verdict = verdict;
  const i = el('span', `${ICON_CLASS} h-6 w-6 text-sm`, `${icon}\uFE0E`);
  i.setAttribute('aria-hidden', 'true');
  const t = el('span');
  t.append(el('span', 'sr-only', '判断：'), label);
  b.append(i, t);
  return b;
}

function linkList(title: string, links: LinkData[]): HTMLElement | undefined {
  if (!links.length) return undefined;
  const wrap = el('div', 'mt-2');
  wrap.append(el('p', 'm-0 font-bold', title));
  const ul = el('ul', 'm-0 list-none p-0');
  for (const l of links) {
    const a = el('a', 'inline-block py-1.5', l.text);
    a.href = l.href;
    const li = el('li');
    li.append(a);
    ul.append(li);
  }
  wrap.append(ul);
  return wrap;
}

function card(label: string, v: VerdictData): HTMLElement {
  const li = el('li', 'checker-card rounded-lg border-2 border-line p-3');
  li.append(el('h3', 'm-0 text-lg font-bold', label), badge(v.verdict), el('p', 'm-0 mt-2 font-bold', v.headline));
  for (const p of paragraphs(v.why)) li.append(el('p', 'm-0 mt-1', p));
  if (v.limits.length) {
    li.append(el('p', 'm-0 mt-2 font-bold', '要满足这些条件：'));
    const ul = el('ul', 'm-0 list-disc pl-6');
    for (const l of v.limits) ul.append(el('li', '', l));
    li.append(ul);
  }
  if (v.say) {
    const d = el('details', 'mt-2');
    d.append(el('summary', 'cursor-pointer py-2 font-bold', '你可以这样说'), el('p', 'm-0 border-l-4 border-brand pl-3', v.say));
    li.append(d);
  }
  for (const part of [linkList('依据：', v.cites), linkList('下一步：', v.next)]) if (part) li.append(part);
  const more = el('a', 'tap font-bold', '看完整说明 →');
  more.href = v.href;
  li.append(more);
  return li;
}

function init(form: HTMLElement): void {
  const results = document.getElementById('checker-results');
  const pick = <T extends HTMLElement>(name: string) => document.querySelector<T>(`[data-checker-${name}]`);
  const note = pick('note');
  const summary = pick('summary');
  const error = pick('error');
  const cards = pick<HTMLOListElement>('cards');
  const draft = pick<HTMLAnchorElement>('draft');
  const copyButton = pick<HTMLButtonElement>('copy');
  const printButton = pick<HTMLButtonElement>('print');
  const copied = pick('copied');
  const urlBox = pick('urlbox');
  const urlInput = document.getElementById('checker-url') as HTMLInputElement | null;
  const bar = pick('bar');
  const mini = pick('mini');
  const title = document.getElementById('checker-results-title');
  if (!results || !note || !summary || !error || !cards || !draft || !copyButton || !printButton || !copied || !urlBox || !urlInput || !bar || !mini || !title) return;

  const radios = [...form.querySelectorAll<HTMLInputElement>('input[name="role"]')];
  // Checkboxes carry no name: nothing is submitted, and a shared name would be invalid HTML.
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[data-did]')];
  // The canonical order is actions.yaml's (as in the data files and the letters), not the grouped
  // order on screen, so the same selection always gives the same link whoever builds it.
  const canonical = [...boxes].sort((a, b) => Number(a.dataset.order) - Number(b.dataset.order));
  const vocab: Vocabulary = { roles: radios.map((r) => r.value), actions: canonical.map((b) => b.value) };
  const labelOf = new Map(boxes.map((b) => [b.value, b.dataset.label ?? b.value]));
  const cache = new Map<string, Promise<RoleData | undefined>>();
  let generation = 0;

  const load = (role: string): Promise<RoleData | undefined> => {
    let p = cache.get(role);
    if (!p) {
      p = fetch(roleDataUrl(role), { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.json() : undefined))
        .then((json: unknown) => readRoleData(json, role))
        .catch(() => undefined);
      // A failed load may be a dropped connection: let the next change try again.
      p.then((d) => d || cache.delete(role));
      cache.set(role, p);
    }
    return p;
  };

  const read = (): CheckerState => ({
    role: radios.find((r) => r.checked)?.value,
    did: boxes.filter((b) => b.checked).map((b) => b.value),
  });

  const say = (node: HTMLElement, text: string) => {
    // Only touch the live region when the words change, so screen readers are not told twice.
    if (node.textContent !== text) node.textContent = text;
  };

  const update = async (): Promise<void> => {
    const mine = ++generation;
    const state = read();
    history.replaceState(history.state, '', `${location.pathname}${serializeState(state, vocab)}`);
    urlBox.hidden = true;
    copied.textContent = '';
    error.hidden = true;
    const roleLabel = radios.find((r) => r.checked)?.dataset.label;
    title.textContent = roleLabel ? `结果：${roleLabel}` : '结果';

    if (!state.role) {
      cards.replaceChildren();
      draft.hidden = true;
      say(summary, state.did.length ? '请先在第一步选出你是谁，才能看到结果。' : '先选出你是谁，再勾选催收员做过的事。');
      mini.textContent = '还没选身份';
      return;
    }
    if (!cache.has(state.role)) say(summary, '正在载入……');
    const data = await load(state.role);
    if (mine !== generation) return;
    if (!data) {
      cards.replaceChildren();
      draft.hidden = true;
      say(summary, '结果没能载入。');
      const a = el('a', 'underline', '打开这个身份的全部判断');
      a.href = `/checker/${state.role}/`;
      error.replaceChildren('请检查网络后再勾选一次，或者', a, '。');
      error.hidden = false;
      mini.textContent = '结果没能载入';
      return;
    }
    const table = new Map<string, VerdictData & { roles: string[] }>();
    for (const [action, v] of Object.entries(data.verdicts)) table.set(pairKey(data.role, action), { ...v, roles: [data.role] });
    const e = evaluate(table, data.role, state.did, vocab.actions);
    say(summary, summarise(e, e.results.length));
    mini.textContent = e.results.length ? `已勾选 ${e.results.length} 项，${e.notAllowed} 项不被允许` : '还没有勾选';
    cards.replaceChildren(...e.results.map((r) => card(labelOf.get(r.action) ?? r.action, r.rule)));
    const href = complaintDraftHref(data.role, e.results, vocab);
    draft.hidden = !href;
    if (href) draft.href = href;
  };

  // Show what the URL asked for (as far as it makes sense), then let the form drive.
  const initial = parseState(location.search, vocab);
  for (const r of radios) r.checked = r.value === initial.role;
  for (const b of boxes) b.checked = initial.did.includes(b.value);
  note.hidden = !initial.dropped;
  results.hidden = false;
  bar.hidden = false;

  form.addEventListener('change', () => void update());

  copyButton.addEventListener('click', async () => {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      urlBox.hidden = true;
      copied.textContent = '已复制结果链接，可以粘贴给别人或存起来。';
    } catch {
      // No clipboard (old in-app browsers, plain http): show the link ready to copy by hand.
      urlInput.value = url;
      urlBox.hidden = false;
      urlInput.focus();
      urlInput.select();
      copied.textContent = '请复制下面的链接。';
    }
  });
  printButton.addEventListener('click', () => window.print());

  void update();
}

const form = document.querySelector<HTMLElement>('[data-checker]');
if (form) init(form);
