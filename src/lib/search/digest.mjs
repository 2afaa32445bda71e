/**
 * The search digest: each indexed page's address, title, type and question headings, keyed by
 * Pagefind's page id, in one small file (/pagefind/pages.json). The instant results under a search
 * box show a page's title and the question heading it matched; with the digest they need none of
 * Pagefind's per-page fragments (5–12 KB each), which only the /search/ page's excerpts need.
 *
 * Written after Pagefind by scripts/pagefind-post.mjs; read in the browser by search-client.ts.
 * Plain JavaScript so that script runs it on any supported Node without a TypeScript step.
 */

/** Headings that frame a page rather than ask a question; never shown as the matching question. */
export const FRAME_HEADINGS = new Set(['法律依据', '下一步', '本页问题', '你可以这样说']);

/**
 * @typedef {[location: number, text: string, id: string]} DigestHeading
 * @typedef {[url: string, title: string, kind: string, headings: DigestHeading[]]} DigestEntry
 * @typedef {Record<string, DigestEntry>} Digest
 */

/**
 * One page's entry, from its Pagefind fragment (the JSON inside a .pf_fragment file).
 * @param {{ url: string, meta?: Record<string, string | undefined>, filters?: Record<string, string[]>,
 *   anchors?: { element: string, id?: string, text?: string, location: number }[] }} fragment
 * @returns {DigestEntry}
 */
export function digestEntry(fragment) {
  const headings = (fragment.anchors ?? [])
    .filter((a) => /^h[2-4]$/i.test(a.element) && a.id && a.text?.trim() && !FRAME_HEADINGS.has(a.text.trim()))
    .sort((a, b) => a.location - b.location)
    .map((a) => /** @type {DigestHeading} */ ([a.location, (a.text ?? '').trim(), a.id ?? '']));
  return [fragment.url, fragment.meta?.['title'] ?? fragment.url, fragment.filters?.['类型']?.[0] ?? '', headings];
}

/** What one query word in a heading's own text counts for, against one matched word below it. */
const IN_HEADING = 4;

/**
 * The question heading that best fits a search, or undefined when none does. Each heading scores
 * the matched words in its section (from the heading to the next one) plus IN_HEADING for every
 * query word its own text contains: a question that names the reader's words beats a long section
 * that happens to use them. Ties go to the earlier heading.
 * @param {readonly DigestHeading[]} headings sorted by location
 * @param {Iterable<number>} locations word positions Pagefind matched on the page
 * @param {readonly string[]} [terms] the query's words
 * @returns {DigestHeading | undefined}
 */
export function pickHeading(headings, locations, terms = []) {
  const scores = headings.map(([, text]) => IN_HEADING * terms.filter((t) => t && text.includes(t)).length);
  for (const loc of locations) {
    let i = -1;
    while (i + 1 < headings.length && headings[i + 1][0] <= loc) i++;
    if (i >= 0) scores[i]++;
  }
  let best = -1;
  scores.forEach((n, i) => {
    if (n > 0 && (best < 0 || n > scores[best])) best = i;
  });
  return best >= 0 ? headings[best] : undefined;
}

/**
 * Checks that a parsed digest has the expected shape, so a stale or foreign file is refused rather
 * than shown as broken results.
 * @param {unknown} data
 * @returns {data is Digest}
 */
export function isDigest(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return false;
  return Object.values(data).every(
    (e) =>
      Array.isArray(e) &&
      e.length === 4 &&
      typeof e[0] === 'string' &&
      typeof e[1] === 'string' &&
      typeof e[2] === 'string' &&
      Array.isArray(e[3]),
  );
}
