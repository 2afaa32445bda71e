/**
 * Citations as written by editors: `<Cite law="pipl" article="47" />` in MDX, or
 * `{ law, article }` in YAML. Pure functions: extraction, keys and labels.
 */

export interface CitationRef {
  law: string;
  article?: string | undefined;
}

/** A stable key for one cited article (or a whole instrument when no article is given). */
export function citationKey(ref: CitationRef): string {
  return ref.article ? `${ref.law}#${ref.article}` : ref.law;
}

const CITE_TAG = /<Cite\b([^>]*?)\/?>/g;
const ATTR = /([a-zA-Z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Finds every `<Cite …/>` in an MDX source, in document order. Attributes other than `law` and
 * `article` are ignored; a tag without `law` is returned with an empty law so validation reports it.
 */
export function extractCitations(mdx: string): CitationRef[] {
  const refs: CitationRef[] = [];
  for (const tag of mdx.matchAll(CITE_TAG)) {
    const attrs: Record<string, string> = {};
    for (const a of (tag[1] ?? '').matchAll(ATTR)) {
      attrs[a[1] as string] = a[2] ?? a[3] ?? '';
    }
    refs.push({ law: attrs.law ?? '', article: attrs.article || undefined });
  }
  return refs;
}

/** The fragment id of an article on its law page: `art-47`, `art-293-1`, `art-hours`. */
export function articleAnchor(article: string): string {
  return `art-${article}`;
}

/** How an article is named in Chinese: 第47条, 第293条之一; provision keys use their own label. */
export function articleLabel(article: string, label?: string): string {
  if (label) return label;
  const m = /^(\d+)(?:-(\d+))?$/.exec(article);
  if (!m) return article;
  const sub = m[2] ? `之${toChineseNumeral(Number(m[2]))}` : '';
  return `第${m[1]}条${sub}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function toChineseNumeral(n: number): string {
  if (n <= 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${DIGITS[n - 10]}`;
  return String(n);
}

/** The URL of a cited article (or instrument) on the site. */
export function citationHref(ref: CitationRef): string {
  const base = `/laws/${ref.law}/`;
  return ref.article ? `${base}#${articleAnchor(ref.article)}` : base;
}
