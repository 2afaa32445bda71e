/**
 * Entry of the lazily loaded instant-results bundle (see search-loader.ts): attaches to every
 * instant search box on the page.
 */
import { attachInstant } from './search-instant';

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form="instant"]')) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (input) attachInstant(form, input);
}
