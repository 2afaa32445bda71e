/**
 * The /search/ page: reads ?q=, who= and type= from the address, shows every result (ten at a
 * time) with its title, the question heading it matched and a highlighted excerpt, and keeps the
 * address in step so the search can be shared. Results are announced in a polite live region.
 *
 * `data-search-state` on the results list is "busy" while a search runs and "done" once the list
 * shows the results for the current query (tests and the evaluation script wait for it).
 */
import { loadSearch } from './search-client';
import { debounce, el, excerptNodes } from './search-render';
import { normalizeQuery } from '../lib/search/normalize';
import { filtersFor, readState, stateToSearch, type SearchState } from '../lib/search/state';
import type { RankedHit, SearchItem } from '../lib/search/engine';

const PAGE_SIZE = 10;

export function startSearchPage(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-search-form="page"]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const status = document.querySelector<HTMLElement>('#search-status');
  const more = document.querySelector<HTMLButtonElement>('button[data-search-more]');
  const filters = document.querySelector<HTMLElement>('[data-search-filters]');
  const browse = document.querySelector<HTMLElement>('[data-search-browse]');
  const examples = document.querySelector<HTMLElement>('[data-search-examples]');
  if (!form || !input || !list || !status || !more || !filters || !browse || !examples) return;

  filters.hidden = false;
  const noJs = document.querySelector<HTMLElement>('[data-search-nojs]');
  if (noJs) noJs.hidden = true;
  const searcher = loadSearch();
  searcher.catch(() => undefined);

  let state: SearchState = readState(new URLSearchParams(location.search));
  let ranked: RankedHit[] = [];
  let shown = 0;
  let seq = 0;

  const radios = () => [...filters.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  function showState() {
    input!.value = state.q;
    for (const r of radios()) r.checked = r.value === (r.name === 'who' ? state.who : state.type);
  }
  function readForm(): SearchState {
    const pick = (name: string) => radios().find((r) => r.name === name && r.checked)?.value ?? 'all';
    return readState(new URLSearchParams({ q: input!.value, who: pick('who'), type: pick('type') }));
  }
  function setListState(s: 'busy' | 'done' | 'error') {
    list!.setAttribute('data-search-state', s);
    if (s === 'busy') list!.setAttribute('aria-busy', 'true');
    else list!.removeAttribute('aria-busy');
  }

  function row(item: SearchItem): HTMLLIElement {
    const li = el('li', 'rounded-lg border border-line p-3');
    const title = el('a', 'inline-block py-1 text-lg font-bold', item.title);
    title.href = item.url;
    li.append(title);
    if (item.kind) li.append(el('span', 'ml-2 inline-block rounded-full border border-line px-2 text-sm text-muted', item.kind));
    if (item.heading) {
      const h = el('a', 'inline-block py-2');
      h.href = item.heading.url;
      h.append(el('span', 'text-muted', '问题：'), document.createTextNode(item.heading.title));
      const p = el('p', 'm-0');
      p.append(h);
      li.append(p);
    }
    if (item.excerpt.length > 0) {
      const p = el('p', 'm-0 mt-1 text-[0.95rem]');
      p.append(excerptNodes(item.excerpt));
      li.append(p);
    }
    return li;
  }

  async function showMore() {
    const mine = seq;
    const items = await (await searcher).load(ranked, shown, shown + PAGE_SIZE);
    if (mine !== seq) return;
    const rows = items.map(row);
    list!.append(...rows);
    shown += items.length;
    more!.hidden = shown >= ranked.length;
    // Keyboard and screen-reader users continue at the first new result.
    rows[0]?.querySelector('a')?.focus();
  }

  async function run() {
    const mine = ++seq;
    setListState('busy');
    if (!normalizeQuery(state.q)) {
      ranked = [];
      shown = 0;
      list!.replaceChildren();
      more!.hidden = true;
      status!.textContent = '';
      browse!.hidden = false;
      examples!.hidden = false;
      setListState('done');
      return;
    }
    try {
      const s = await searcher;
      const found = await s.rank(state.q, filtersFor(state));
      if (mine !== seq) return;
      const items = await s.load(found, 0, PAGE_SIZE);
      if (mine !== seq) return;
      ranked = found;
      shown = items.length;
      list!.replaceChildren(...items.map(row));
    } catch (e) {
      console.error('搜索出错：', e);
      if (mine !== seq) return;
      ranked = [];
      shown = 0;
      list!.replaceChildren();
      more!.hidden = true;
      status!.textContent = '搜索暂时用不了。请稍后再试，或者从下面的文章找起。';
      browse!.hidden = false;
      setListState('error');
      return;
    }
    const n = ranked.length;
    more!.hidden = shown >= n;
    status!.textContent =
      n > 0 ? `找到 ${n} 条结果` : `没有找到和「${state.q.trim()}」有关的内容。换个说法试试，或者从下面的文章找起。`;
    browse!.hidden = n > 0;
    examples!.hidden = n > 0;
    setListState('done');
  }

  function update(replace: boolean) {
    state = readForm();
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void run();
  }

  const typed = debounce(() => update(true), 150);
  input.addEventListener('input', (e) => {
    // While a Chinese input method is composing, the box holds pinyin; wait for the characters.
    if ((e as InputEvent).isComposing) return;
    seq += 1; // results still on their way are for an older query now
    setListState('busy');
    searcher.then((s) => s.preload(input.value)).catch(() => undefined);
    typed();
  });
  input.addEventListener('compositionend', () => input.dispatchEvent(new Event('input')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update(false);
  });
  filters.addEventListener('change', () => update(true));
  more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => {
    state = readState(new URLSearchParams(location.search));
    showState();
    void run();
  });

  showState();
  void run();
}
