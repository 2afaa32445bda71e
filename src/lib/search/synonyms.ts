/**
 * Synonyms readers type (催债、讨债) mapped to the words the site uses (催收), and common
 * misspellings (崔收), from content/search/synonyms.yaml. A query is also searched in the site's
 * words, so a page about 催收 answers 「讨债」 without listing every synonym itself.
 */

export interface SynonymGroup {
  id: string;
  /** The first term is the word the site uses; the rest are what readers type. */
  terms: readonly string[];
  /** Longer words that contain a term but mean something else (借款人 contains 借款). */
  keep?: readonly string[] | undefined;
  /** The other terms are misspellings, corrected in a query before synonyms apply. */
  typo?: boolean | undefined;
}

/** Longest-match replacement table. */
export interface ReplaceTable {
  /** Every known string (terms and kept words) → what it becomes. */
  replacements: ReadonlyMap<string, string>;
  /** Lengths of known strings, longest first. */
  lengths: readonly number[];
}

export interface SynonymIndex {
  /** Misspellings → correct word; applied first. */
  typos: ReplaceTable;
  /** Readers' words → the site's words; applied to the corrected query. */
  synonyms: ReplaceTable;
}

export class SynonymError extends Error {
  override name = 'SynonymError';
}

function buildTable(groups: readonly SynonymGroup[]): ReplaceTable {
  const replacements = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const g of groups) {
    const canonical = g.terms[0];
    if (!canonical) throw new SynonymError(`同义词组 ${g.id} 没有词`);
    for (const t of g.terms) {
      const prev = owner.get(t);
      if (prev !== undefined && prev !== g.id) {
        throw new SynonymError(`「${t}」同时出现在 ${prev} 和 ${g.id} 两组里`);
      }
      owner.set(t, g.id);
      replacements.set(t, canonical);
    }
  }
  // Kept words map to themselves, unless they are a term of some group.
  for (const g of groups) for (const k of g.keep ?? []) if (!replacements.has(k)) replacements.set(k, k);
  const lengths = [...new Set([...replacements.keys()].map((k) => k.length))].sort((a, b) => b - a);
  return { replacements, lengths };
}

/**
 * Builds the lookup tables. A word listed in two synonym groups (or two typo groups) would make
 * the replacement depend on file order, so it is an error naming both groups. A typo group's
 * correct word may also head or sit in a synonym group: typos are fixed first.
 */
export function buildSynonymIndex(groups: readonly SynonymGroup[]): SynonymIndex {
  return {
    typos: buildTable(groups.filter((g) => g.typo)),
    synonyms: buildTable(groups.filter((g) => !g.typo)),
  };
}

/**
 * Longest-match replacement: at each position the longest known string wins, so 「借款人」 (kept)
 * is not read as 「借款」+「人」 and 「紧急联系人」 is not read as 「联系人」.
 */
export function replaceTerms(q: string, table: ReplaceTable): string {
  let out = '';
  let i = 0;
  while (i < q.length) {
    let matched = false;
    for (const len of table.lengths) {
      if (i + len > q.length) continue;
      const to = table.replacements.get(q.slice(i, i + len));
      if (to !== undefined) {
        out += to;
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) {
      out += q[i];
      i += 1;
    }
  }
  return out;
}

/**
 * The queries to run: the reader's words with typos fixed, then (if different) the same query in
 * the site's words.
 */
export function queryVariants(q: string, index: SynonymIndex | undefined): string[] {
  if (!q) return [];
  if (!index) return [q];
  const fixed = replaceTerms(q, index.typos);
  const site = replaceTerms(fixed, index.synonyms);
  return site === fixed ? [fixed] : [fixed, site];
}

/**
 * Words readers use for a kind of page rather than its topic: a letter page is what they find by
 * typing 模板 or 范文. Keyed by the 类型 filter value.
 */
export const KIND_TERMS: Readonly<Record<string, readonly string[]>> = {
  模板: ['模板', '范文', '样本', '信件', '写信', '格式'],
};

/**
 * Words to index with a page besides its text: its own keywords and the words readers use for its
 * kind. Synonyms are not added to pages: queries already run in the site's words, and adding them
 * to pages measured no gain (scripts/search-eval.mjs) for about half a kilobyte per chapter.
 */
export function pageSearchTerms(keywords: readonly string[] = [], kind?: string): string[] {
  return [...new Set([...keywords, ...((kind && KIND_TERMS[kind]) || [])])];
}
