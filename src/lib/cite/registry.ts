/**
 * Resolving citations against the legal registry. The registry is passed in (plain data), so this
 * stays pure and testable; pages pass the `laws` collection.
 */
import { articleAnchor, articleLabel, citationKey, type CitationRef } from './references';

export interface RegistryArticle {
  number: string;
  label?: string | undefined;
  summary: string;
  verification: 'verified' | 'reported';
}

export interface RegistryLaw {
  id: string;
  title: string;
  shortTitle: string;
  kind: string;
  articles: RegistryArticle[];
}

export interface ResolvedCitation {
  ref: CitationRef;
  law: RegistryLaw;
  article?: RegistryArticle | undefined;
  /** e.g. 「个人信息保护法 第47条」 */
  text: string;
  href: string;
}

export class CitationError extends Error {
  override name = 'CitationError';
}

export type Registry = ReadonlyMap<string, RegistryLaw>;

export function buildRegistry(laws: Iterable<RegistryLaw>): Registry {
  return new Map([...laws].map((l) => [l.id, l]));
}

/**
 * Looks up one citation. Throws a CitationError naming `source` (the file that cites) and the
 * reference when the law or the article is not in the registry, so a bad citation fails the build.
 */
export function resolveCitation(registry: Registry, ref: CitationRef, source: string): ResolvedCitation {
  const law = registry.get(ref.law);
  if (!law) {
    throw new CitationError(
      `${source}: 引用了不存在的法规 law="${ref.law}"${ref.article ? ` article="${ref.article}"` : ''}（法规库 content/laws/ 中没有这个 id）`,
    );
  }
  if (!ref.article) {
    return { ref, law, text: law.shortTitle, href: `/laws/${law.id}/` };
  }
  const article = law.articles.find((a) => a.number === ref.article);
  if (!article) {
    throw new CitationError(
      `${source}: 引用了法规库中没有的条文 law="${ref.law}" article="${ref.article}"（请先在 content/laws/${ref.law}.yaml 中加入并核实该条）`,
    );
  }
  return {
    ref,
    law,
    article,
    text: `${law.shortTitle} ${articleLabel(article.number, article.label)}`,
    href: `/laws/${law.id}/#${articleAnchor(article.number)}`,
  };
}

/** Resolves every citation of one source; collects all problems into a single error. */
export function resolveAll(registry: Registry, refs: readonly CitationRef[], source: string): ResolvedCitation[] {
  const problems: string[] = [];
  const out: ResolvedCitation[] = [];
  for (const ref of refs) {
    try {
      out.push(resolveCitation(registry, ref, source));
    } catch (e) {
      if (e instanceof CitationError) problems.push(e.message);
      else throw e;
    }
  }
  if (problems.length) throw new CitationError([...new Set(problems)].join('\n'));
  return out;
}

export interface CitationUse {
  href: string;
  title: string;
  kind: '章节' | '判断' | '模板' | '求助渠道';
}

/** Where each article is cited on the site: key (law#article or law) → uses, without duplicates. */
export function indexUsage(
  sources: Iterable<{ use: CitationUse; refs: readonly CitationRef[] }>,
): Map<string, CitationUse[]> {
  const map = new Map<string, CitationUse[]>();
  for (const { use, refs } of sources) {
    for (const ref of refs) {
      const key = citationKey(ref);
      const list = map.get(key) ?? [];
      if (!list.some((u) => u.href === use.href)) list.push(use);
      map.set(key, list);
    }
  }
  return map;
}

/** The numbered notes of one page, resolved; throws (naming `source`) on any unknown reference. */
export function buildNotes(
  registry: Registry,
  index: { notes: { n: number; ref: CitationRef }[] },
  source: string,
): { n: number; cite: ResolvedCitation }[] {
  const resolved = resolveAll(registry, index.notes.map((x) => x.ref), source);
  return index.notes.map((x, i) => ({ n: x.n, cite: resolved[i] as ResolvedCitation }));
}
