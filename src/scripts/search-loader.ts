/**
 * The only search code in an article page's first load. Pagefind and the instant-results island
 * are fetched when a reader focuses or types into a search box; until then (and without
 * JavaScript) the box is a plain form that submits to /search/?q=.
 *
 * The island is imported by URL (built as a self-contained bundle through Vite's `?worker&url`),
 * not through a bundled `import()`, which would add Vite's 2 KB preload helper to every page.
 */
import instantUrl from './search-instant-entry.ts?worker&url';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form="instant"]')) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input) continue;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    import(/* @vite-ignore */ instantUrl).catch(() => {
      // Keep the plain form; a later focus may try again.
      started = false;
    });
  };
  input.addEventListener('focus', start);
  input.addEventListener('input', start);
  if (document.activeElement === input) start();
}
