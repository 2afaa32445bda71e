/**
 * The site's search pipeline on top of Pagefind, shared by the header box, the /search/ page and
 * the evaluation script (which drives the /search/ page). Pagefind is passed in, so the ranking
 * logic is unit-tested with a fake index.
 *
 *   reader's words ─normalize─► query ─synonyms─► variants ─Pagefind─► hits ─merge─► ranking
 *
 * Pagefind only returns pages that contain every word of a query. A reader's question often has a
 * word the answer page lacks, so besides the whole query each content word is searched on its own
 * and pages are ranked by the words they cover; pages with every word keep the lead.
 */
import { normalizeQuery, segmentWords } from './normalize';
import { queryVariants, type SynonymIndex } from './synonyms';
import { parseExcerpt, type ExcerptPart } from './excerpt';
import type { PagefindFilters } from './state';
import { FRAME_HEADINGS, pickHeading, type Digest } from './digest.mjs';

export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  anchor?: PagefindAnchor;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
  locations?: number[];
}

export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}

export interface PagefindHit {
  id: string;
  score: number;
  /** Positions of the matched words on the page. */
  words?: number[];
  data(): Promise<PagefindData>;
}

/** The part of Pagefind's JavaScript API the pipeline uses. */
export interface PagefindApi {
  search(term: string, options?: { filters?: PagefindFilters }): Promise<{ results: PagefindHit[] } | null>;
}

export interface RankedHit {
  id: string;
  score: number;
  hit: PagefindHit;
  /** Positions of every word any of the query's searches matched on the page. */
  locations: Set<number>;
  /** The words searched (shared by every hit of one query). */
  terms: readonly string[];
}

export interface SearchItem {
  url: string;
  title: string;
  /** 章节 / 判断 / 法规 / 模板 */
  kind: string | undefined;
  /** The question heading the match sits under, when there is one. */
  heading: { title: string; url: string } | undefined;
  excerpt: ExcerptPart[];
}

export interface RankOptions {
  synonyms?: SynonymIndex | undefined;
  filters?: PagefindFilters | undefined;
  /** Also search single words and rank partial matches (default true). */
  singleWords?: boolean | undefined;
  /** Tuning knobs, for the evaluation only. */
  tuning?: Partial<typeof TUNING> | undefined;
}

export const TUNING = {
  /** Weight of the query in the site's words relative to the reader's own words. */
  variantWeight: 0.9,
  /** How much a page loses for each word of the query it lacks (single-word searches). */
  missingWordFactor: 0.45,
  /** Send Pagefind only the content words of the whole query (no 我、是、的). */
  contentOnly: true,
};

/** Longest query, in words, for which single words are searched too (keeps work bounded). */
const MAX_WORDS = 12;

function mergeMax(into: Map<string, RankedHit>, hits: readonly PagefindHit[], weight: number) {
  for (const hit of hits) {
    const score = hit.score * weight;
    const prev = into.get(hit.id);
    if (!prev || prev.score < score) into.set(hit.id, { id: hit.id, score, hit, locations: new Set(), terms: [] });
  }
}

/**
 * Ranks pages for a query without loading their contents. Returns [] for a query that normalises
 * to nothing (empty, only emoji or punctuation).
 */
export async function rankPages(api: PagefindApi, raw: string, opts: RankOptions = {}): Promise<RankedHit[]> {
  const q = normalizeQuery(raw);
  if (!q) return [];
  const { variantWeight, missingWordFactor, contentOnly } = { ...TUNING, ...opts.tuning };
  const filters = opts.filters ?? {};
  const phrased = queryVariants(q, opts.synonyms);
  const variants = phrased.map((v) => {
    if (!contentOnly) return v;
    // Pagefind requires every word and scores each one, so 我、是、的 only add noise.
    const words = segmentWords(v);
    return words.length > 0 ? words.join(' ') : v;
  });

  // Searches run one at a time: Pagefind loads index chunks inside search(), and parallel calls
  // only queue up behind each other's chunk loads (it polls every 50 ms).
  const whole = new Map<string, RankedHit>();
  for (const [i, v] of variants.entries()) {
    const r = await api.search(v, { filters });
    mergeMax(whole, r?.results ?? [], i === 0 ? 1 : variantWeight);
  }

  // Single words: each searched once even when both variants contain it.
  const wordsOf = variants.map((v) => [...new Set(segmentWords(v))].slice(0, MAX_WORDS));
  const allWords = [...new Set(wordsOf.flat())];
  const perWord = new Map<string, readonly PagefindHit[]>();
  if (opts.singleWords !== false && wordsOf.some((w) => w.length > 1)) {
    for (const w of allWords) perWord.set(w, (await api.search(w, { filters }))?.results ?? []);
  }

  const ranked = new Map<string, RankedHit>(whole);
  wordsOf.forEach((words, i) => {
    if (words.length < 2) return;
    const weight = i === 0 ? 1 : variantWeight;
    const partial = new Map<string, { score: number; found: number; hit: PagefindHit }>();
    for (const w of words) {
      for (const hit of perWord.get(w) ?? []) {
        const p = partial.get(hit.id);
        if (p) {
          p.score += hit.score;
          p.found += 1;
        } else partial.set(hit.id, { score: hit.score, found: 1, hit });
      }
    }
    for (const [id, p] of partial) {
      const missing = words.length - p.found;
      // A page the whole query found keeps that score; the others are ranked by what they cover,
      // and need more than half of the words (催 and 收 alone are on every page).
      if (whole.has(id) || p.found * 2 <= words.length) continue;
      const score = p.score * missingWordFactor ** missing * weight;
      const prev = ranked.get(id);
      if (!prev || prev.score < score) ranked.set(id, { id, score, hit: p.hit, locations: new Set(), terms: [] });
    }
  });

  // Where the words sit on each page, from every search that found it: picks the question heading
  // shown under the page without loading the page's contents (briefItems).
  const all = [...whole.values()].map((r) => r.hit).concat([...perWord.values()].flat());
  for (const hit of all) {
    const r = ranked.get(hit.id);
    if (r) for (const loc of hit.words ?? []) r.locations.add(loc);
  }
  for (const r of ranked.values()) r.terms = allWords;
  return [...ranked.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

function subScore(s: PagefindSubResult): number {
  return (s.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0) || (s.locations?.length ?? 0);
}


/**
 * The sub-result to show under a page: the best-matching section that starts at a question
 * heading, else the page itself.
 */
export function pickSubResult(subs: readonly PagefindSubResult[] | undefined): PagefindSubResult | undefined {
  if (!subs || subs.length === 0) return undefined;
  const headed = subs.filter(
    (s) => s.anchor && /^h[2-4]$/iu.test(s.anchor.element) && !FRAME_HEADINGS.has(s.title.trim()),
  );
  const pool = headed.length > 0 ? headed : subs;
  return pool.reduce((best, s) => (subScore(s) > subScore(best) ? s : best));
}

/** Turns Pagefind's data for one page into what the page shows. */
export function toItem(data: PagefindData): SearchItem {
  const sub = pickSubResult(data.sub_results);
  const heading = sub?.anchor ? { title: sub.title, url: sub.url } : undefined;
  return {
    url: data.url,
    title: data.meta['title'] ?? data.url,
    kind: data.filters?.['类型']?.[0],
    heading,
    excerpt: parseExcerpt(sub?.excerpt || data.excerpt || ''),
  };
}

/**
 * Title, type and matched question heading of ranked pages [from, to), from the search digest
 * alone: no page contents are downloaded. Pages missing from the digest are left out.
 */
export function briefItems(ranked: readonly RankedHit[], from: number, to: number, digest: Digest): SearchItem[] {
  return ranked.slice(from, to).flatMap((r) => {
    const entry = digest[r.id];
    if (!entry) return [];
    const [url, title, kind, headings] = entry;
    const h = pickHeading(headings, r.locations, r.terms);
    return [{ url, title, kind: kind || undefined, heading: h ? { title: h[1], url: `${url}#${h[2]}` } : undefined, excerpt: [] }];
  });
}

/** Loads the contents of ranked pages [from, to). */
export async function loadItems(ranked: readonly RankedHit[], from: number, to: number): Promise<SearchItem[]> {
  const datas = await Promise.all(ranked.slice(from, to).map((r) => r.hit.data()));
  return datas.map(toItem);
}
