/**
 * DOM helpers shared by the search islands. Text from the index only ever goes into text nodes
 * (textContent / createTextNode); no innerHTML anywhere.
 */
import type { ExcerptPart } from '../lib/search/excerpt';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An excerpt as text nodes with the matched words in <mark> elements. */
export function excerptNodes(parts: readonly ExcerptPart[]): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const part of parts) {
    if (part.mark) frag.append(el('mark', 'rounded-sm bg-(--answer) px-0.5 text-ink', part.text));
    else frag.append(document.createTextNode(part.text));
  }
  return frag;
}

/** Calls `fn` after the reader pauses for `ms`; a newer call cancels the pending one. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (t !== undefined) clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
