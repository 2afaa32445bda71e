/**
 * Loads Pagefind and the synonym list on first use and runs the site's search pipeline
 * (src/lib/search/engine.ts) on them. Shared by the header box and the /search/ page, so both rank
 * exactly alike; the evaluation script drives the /search/ page to measure that same pipeline.
 */
import { briefItems, loadItems, rankPages, type PagefindApi, type RankedHit, type SearchItem } from '../lib/search/engine';
import { isDigest, type Digest } from '../lib/search/digest.mjs';
import { normalizeQuery, segmentWords } from '../lib/search/normalize';
import { buildSynonymIndex, type SynonymGroup, type SynonymIndex } from '../lib/search/synonyms';
import type { PagefindFilters } from '../lib/search/state';

/** Pagefind's bundle is written by `pagefind --site dist` after the Astro build. */
const PAGEFIND_URL = '/pagefind/pagefind.js';
const SYNONYMS_URL = '/search/synonyms.json';
/** Titles and question headings of indexed pages, written after Pagefind (scripts/pagefind-post.mjs). */
const DIGEST_URL = '/pagefind/pages.json';

interface PagefindModule extends PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
}

export interface Searcher {
  /** Ranks every matching page (cheap: no page contents are loaded). */
  rank(raw: string, filters?: PagefindFilters): Promise<RankedHit[]>;
  /** Loads titles, headings and excerpts of ranked pages [from, to). */
  load(ranked: readonly RankedHit[], from: number, to: number): Promise<SearchItem[]>;
  /**
   * Titles and matched headings of ranked pages [from, to), without excerpts: from the digest when
   * it loaded (no page contents downloaded), else the same as load().
   */
  brief(ranked: readonly RankedHit[], from: number, to: number): Promise<SearchItem[]>;
  /** Starts fetching the index chunks for a query while the reader is still typing. */
  preload(raw: string): void;
}

async function importPagefind(): Promise<PagefindModule> {
  // A runtime URL, not a bundled module: the file exists only after Pagefind has indexed the build.
  const mod = (await import(/* @vite-ignore */ PAGEFIND_URL)) as PagefindModule;
  await mod.options({
    // The index is small; the web worker would download a second copy of Pagefind's code
    // (about 15 KB) before the first result, so search runs on the main thread.
    noWorker: true,
    excerptLength: 36,
    excerptEllipsis: '…',
    // Measured with scripts/search-eval.mjs (tests/search/queries.yaml): chapters are long and
    // verdict pages short, so page length counts less than Pagefind's default (0.75), and the
    // editors' keywords (what readers type for a page, SearchTerms.astro) count like the title.
    ranking: {
      pageLength: 0.5,
      metaWeights: { title: 5, keywords: 5, description: 1 },
    },
  });
  await mod.init();
  return mod;
}

async function fetchSynonyms(): Promise<SynonymIndex | undefined> {
  try {
    const res = await fetch(SYNONYMS_URL);
    if (!res.ok) return undefined;
    return buildSynonymIndex((await res.json()) as SynonymGroup[]);
  } catch {
    // Synonyms only improve recall; search works without them.
    return undefined;
  }
}

async function fetchDigest(): Promise<Digest | undefined> {
  try {
    const res = await fetch(DIGEST_URL);
    if (!res.ok) return undefined;
    const data: unknown = await res.json();
    return isDigest(data) ? data : undefined;
  } catch {
    // Without the digest, instant results load page contents instead: slower, same answers.
    return undefined;
  }
}

let ready: Promise<Searcher> | undefined;

export function loadSearch(): Promise<Searcher> {
  ready ??= (async () => {
    const [pf, synonyms, digest] = await Promise.all([importPagefind(), fetchSynonyms(), fetchDigest()]);
    const cache = new Map<string, Promise<RankedHit[]>>();
    return {
      rank(raw, filters = {}) {
        const key = `${normalizeQuery(raw)}\u0000${JSON.stringify(filters)}`;
        let hit = cache.get(key);
        if (!hit) {
          hit = rankPages(pf, raw, { synonyms, filters });
          cache.set(key, hit);
          hit.catch(() => cache.delete(key));
        }
        return hit;
      },
      load: loadItems,
      async brief(ranked, from, to) {
        // A page the digest lacks (a stale digest) falls back to its own data.
        const items = digest ? briefItems(ranked, from, to, digest) : [];
        return items.length === Math.min(to, ranked.length) - from ? items : loadItems(ranked, from, to);
      },
      preload(raw) {
        // Only the words rankPages will search: a particle such as 人 or 要 would fetch an index
        // chunk no search uses.
        const words = segmentWords(normalizeQuery(raw));
        if (words.length) pf.preload(words.join(' ')).catch(() => undefined);
      },
    } satisfies Searcher;
  })();
  // A failed load (offline, index missing) may be retried on the next keystroke.
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}
