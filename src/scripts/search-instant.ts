/**
 * Instant results under a search box (header, home page, 404): up to five pages as the reader
 * types, each with the question heading it matched, and a link to all results on /search/.
 *
 * Keyboard: ↓ from the box moves into the results, ↑/↓ move between them, Esc closes the panel
 * and returns to the box, Enter in the box submits the form to /search/?q= as without JavaScript.
 */
import { loadSearch } from './search-client';
import { debounce, el } from './search-render';
import { normalizeQuery } from '../lib/search/normalize';

const MAX_ITEMS = 5;

/** The panel, its list, the link to all results and a polite live region, built on first use. */
function buildPanel(box: HTMLElement, input: HTMLInputElement) {
  const panel = el(
    'div',
    // Full width on phones; on wider screens at least 26rem, growing leftwards from the header box.
    'search-panel absolute top-full right-0 z-40 mt-1 max-h-[70vh] w-full overflow-y-auto rounded-md border-2 border-line bg-paper shadow-lg sm:w-[max(100%,26rem)]',
  );
  panel.id = `${input.id}-panel`;
  panel.hidden = true;
  panel.dataset['searchPanel'] = '';
  const list = el('ul', 'm-0 list-none p-0');
  list.setAttribute('aria-label', '搜索结果');
  list.dataset['searchList'] = '';
  const more = el('a', 'block min-h-11 border-t-2 border-line bg-panel px-3 py-2 font-bold', '查看全部结果');
  more.href = '/search/';
  panel.append(list, more);
  const status = el('p', 'sr-only');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  box.append(panel, status);
  input.setAttribute('aria-controls', panel.id);
  return { panel, list, more, status };
}

export function attachInstant(form: HTMLFormElement, input: HTMLInputElement): void {
  const found = form.closest<HTMLElement>('[data-search-box]');
  if (!found || found.dataset['searchReady']) return;
  const box: HTMLElement = found;
  box.dataset['searchReady'] = 'true';
  const { panel, list, more, status } = buildPanel(box, input);

  let seq = 0;
  let shownFor = '';
  const searcher = loadSearch();
  searcher.catch(() => undefined);

  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a[href]')];
  const open = () => {
    if (shownFor) panel.hidden = false;
  };
  const close = () => {
    panel.hidden = true;
  };

  async function run() {
    const raw = input.value;
    const mine = ++seq;
    if (!normalizeQuery(raw)) {
      shownFor = '';
      list.replaceChildren();
      close();
      status.textContent = '';
      box.setAttribute('data-search-state', 'done');
      return;
    }
    let items;
    let total;
    try {
      const s = await searcher;
      const ranked = await s.rank(raw);
      // Don't download page data for a query the reader has already typed past.
      if (mine !== seq) return;
      total = ranked.length;
      items = await s.brief(ranked, 0, MAX_ITEMS);
    } catch (e) {
      console.error('搜索出错：', e);
      if (mine !== seq) return;
      status.textContent = '搜索暂时用不了，按回车到搜索页再试。';
      box.setAttribute('data-search-state', 'error');
      return;
    }
    if (mine !== seq) return;
    shownFor = raw;
    const rows = items.map((item) => {
      const a = el('a', 'block min-h-11 px-3 py-2 no-underline hover:bg-panel focus:bg-panel');
      a.href = item.heading?.url ?? item.url;
      a.append(el('span', 'block font-bold text-ink', item.title));
      if (item.heading) a.append(el('span', 'block text-sm text-muted', item.heading.title));
      const li = el('li', 'border-b border-line last:border-b-0');
      li.append(a);
      return li;
    });
    if (rows.length === 0) {
      rows.push(el('li', 'px-3 py-2 text-muted', '没有找到相关内容。换个说法试试，比如「联系人 还钱」。'));
    }
    list.replaceChildren(...rows);
    more.href = `/search/?q=${encodeURIComponent(raw)}`;
    more.textContent = total > 0 ? `查看全部结果（${total}）` : '到搜索页看看';
    status.textContent = total > 0 ? `找到 ${total} 条结果，按向下键查看。` : '没有找到相关内容。';
    box.setAttribute('data-search-state', 'done');
    if (box.contains(document.activeElement)) open();
  }

  const later = debounce(run, 60);
  input.addEventListener('input', (e) => {
    // While a Chinese input method is composing, the box holds pinyin; wait for the characters.
    if ((e as InputEvent).isComposing) return;
    seq += 1; // results still on their way are for an older query now
    box.setAttribute('data-search-state', 'busy');
    searcher.then((s) => s.preload(input.value)).catch(() => undefined);
    later();
  });
  input.addEventListener('compositionend', () => input.dispatchEvent(new Event('input')));
  // Coming back from the panel (↑ or Esc) must not reopen what Esc just closed.
  input.addEventListener('focus', (e) => {
    if (!(e.relatedTarget instanceof Node && box.contains(e.relatedTarget))) open();
  });

  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !panel.hidden) {
      e.preventDefault();
      links()[0]?.focus();
    } else if (e.key === 'Escape' && !panel.hidden) {
      e.preventDefault();
      close();
    }
  });
  panel.addEventListener('keydown', (e) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i <= 0) input.focus();
      else all[i - 1]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close();
      input.focus();
    }
  });
  // Close when focus or a tap goes elsewhere on the page.
  box.addEventListener('focusout', (e) => {
    if (!(e.relatedTarget instanceof Node && box.contains(e.relatedTarget))) close();
  });
  document.addEventListener('pointerdown', (e) => {
    if (!(e.target instanceof Node && box.contains(e.target))) close();
  });

  // The reader may have typed before this module arrived.
  if (input.value) void run();
}
