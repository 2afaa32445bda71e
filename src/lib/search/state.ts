/**
 * The search page's state lives in its address (/search/?q=…&who=…&type=…) so a search can be
 * shared and the back button works. Filter values map to the Pagefind filters the pages carry:
 * 对象 (audience) and 类型 (kind of page).
 */
import { MAX_QUERY_LENGTH, capLength } from './normalize';

export const WHO = ['all', 'borrower', 'emergency-contact'] as const;
export const KINDS = ['all', 'chapter', 'verdict', 'law', 'letter'] as const;
export type Who = (typeof WHO)[number];
export type Kind = (typeof KINDS)[number];

export const WHO_LABELS: Record<Who, string> = {
  all: '全部',
  borrower: '借款人',
  'emergency-contact': '紧急联系人',
};

/** Values of the 类型 filter, as the pages write them. */
export const KIND_LABELS: Record<Kind, string> = {
  all: '全部',
  chapter: '章节',
  verdict: '判断',
  law: '法规',
  letter: '模板',
};

export interface SearchState {
  q: string;
  who: Who;
  type: Kind;
}

export const EMPTY_STATE: SearchState = { q: '', who: 'all', type: 'all' };

function oneOf<T extends string>(list: readonly T[], value: string | null): T {
  return (list as readonly string[]).includes(value ?? '') ? (value as T) : list[0]!;
}

/** Reads the state from a query string; unknown values fall back to 「全部」, q is capped. */
export function readState(params: URLSearchParams): SearchState {
  return {
    q: capLength(params.get('q') ?? '', MAX_QUERY_LENGTH),
    who: oneOf(WHO, params.get('who')),
    type: oneOf(KINDS, params.get('type')),
  };
}

/** The query string for a state, leaving out defaults: `?q=…&who=borrower`. */
export function stateToSearch(state: SearchState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.who !== 'all') p.set('who', state.who);
  if (state.type !== 'all') p.set('type', state.type);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type PagefindFilters = Record<string, { any: string[] }>;

/**
 * Pagefind filters for a state. Pages written for everyone (所有人) count for both audiences, so
 * 「借款人」 means 借款人 or 所有人.
 */
export function filtersFor(state: Pick<SearchState, 'who' | 'type'>): PagefindFilters {
  const f: PagefindFilters = {};
  if (state.who !== 'all') f['对象'] = { any: [WHO_LABELS[state.who], '所有人'] };
  if (state.type !== 'all') f['类型'] = { any: [KIND_LABELS[state.type]] };
  return f;
}
