/**
 * The synonym list (content/search/synonyms.yaml), loaded once and checked: a word listed in two
 * groups fails the build naming both groups.
 */
import { getCollection } from 'astro:content';
import { buildSynonymIndex, type SynonymGroup } from '../lib/search/synonyms';

let cache: Promise<SynonymGroup[]> | undefined;

async function load(): Promise<SynonymGroup[]> {
  const entries = await getCollection('searchSynonyms');
  const groups: SynonymGroup[] = entries.map((e) => ({
    id: e.id,
    terms: e.data.terms,
    ...(e.data.keep.length > 0 ? { keep: e.data.keep } : {}),
    ...(e.data.typo ? { typo: true } : {}),
  }));
  try {
    buildSynonymIndex(groups);
  } catch (e) {
    throw new Error(`content/search/synonyms.yaml: ${(e as Error).message}`);
  }
  return groups;
}

export function synonymGroups(): Promise<SynonymGroup[]> {
  cache ??= load();
  return cache;
}
