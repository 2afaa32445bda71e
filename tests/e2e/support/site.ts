/**
 * What the quality gates visit: every URL of the built sitemap, and one URL per page type, read from
 * the built site (DIST_DIR, default dist/) so new pages are covered as soon as they are built.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DIST = resolve(process.env.DIST_DIR ?? 'dist');
const ROOT = resolve(import.meta.dirname, '../../..');

function read(file: string): string {
  const p = join(DIST, file);
  if (!existsSync(p)) throw new Error(`${p} is missing: build the site first (npm run build, or set DIST_DIR).`);
  return readFileSync(p, 'utf8');
}

/** Paths (e.g. "/laws/pipl/") of every URL in the sitemap, in sitemap order. */
export function sitemapPaths(): string[] {
  const index = read('sitemap-index.xml');
  const paths: string[] = [];
  for (const m of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const file = new URL(m[1]!).pathname.replace(/^\//, '');
    for (const loc of read(file).matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(loc[1]!).pathname);
  }
  if (paths.length === 0) throw new Error('The sitemap lists no pages.');
  return paths;
}

export type PageType =
  | 'home'
  | 'chapter'
  | 'laws'
  | 'law'
  | 'checker'
  | 'role'
  | 'verdict'
  | 'letters'
  | 'letter'
  | 'search'
  | 'help'
  | 'sources'
  | 'other';

const chapterSlugs = new Set(
  existsSync(join(ROOT, 'content/chapters'))
    ? readdirSync(join(ROOT, 'content/chapters')).filter((f) => /\.mdx?$/.test(f)).map((f) => f.replace(/\.mdx?$/, ''))
    : [],
);

export function pageTypeOf(path: string): PageType {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return 'home';
  const [first] = parts;
  if (first === 'laws') return parts.length === 1 ? 'laws' : 'law';
  if (first === 'checker') return parts.length === 1 ? 'checker' : parts.length === 2 ? 'role' : 'verdict';
  if (first === 'letters') return parts.length === 1 ? 'letters' : 'letter';
  if (first === 'search') return 'search';
  if (first === 'help') return 'help';
  if (first === 'sources') return 'sources';
  if (parts.length === 1 && chapterSlugs.has(first!)) return 'chapter';
  return 'other';
}

/** Size of the built HTML of a path, to pick the heaviest page of a type. */
function htmlSize(path: string): number {
  const file = join(DIST, path, 'index.html');
  return existsSync(file) ? statSync(file).size : 0;
}

/**
 * One path per page type present in the build: the page with the largest HTML, so checks that
 * sample a type (budgets, privacy, security) see its worst case. Search gets a query.
 */
export function samplePages(): Map<PageType, string> {
  const out = new Map<PageType, string>();
  for (const path of sitemapPaths()) {
    const type = pageTypeOf(path);
    const current = out.get(type);
    if (current === undefined || htmlSize(path) > htmlSize(current)) out.set(type, path);
  }
  if (out.has('search')) out.set('search', `/search/?q=${encodeURIComponent('催收')}`);
  return out;
}

/** Paths of every page of one type. */
export function pagesOfType(type: PageType): string[] {
  return sitemapPaths().filter((p) => pageTypeOf(p) === type);
}
