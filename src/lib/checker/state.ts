/**
 * The checker's state in the URL: /checker/?role=emergency-contact&did=demand-repayment,night-calls
 * Parsing never throws: unknown ids are dropped, duplicates removed, input length capped, and the
 * caller learns whether anything had to be dropped (to show a gentle note).
 */

export interface CheckerState {
  role: string | undefined;
  /** Action ids in the canonical (form) order. */
  did: string[];
}

export interface ParsedState extends CheckerState {
  /** True when the URL held something we could not use. */
  dropped: boolean;
}

export interface Vocabulary {
  roles: readonly string[];
  actions: readonly string[];
}

/** Longest query string we look at; anything beyond is ignored. */
export const MAX_QUERY_LENGTH = 2000;

function safeParams(search: string): URLSearchParams {
  const trimmed = search.length > MAX_QUERY_LENGTH ? search.slice(0, MAX_QUERY_LENGTH) : search;
  try {
    return new URLSearchParams(trimmed.startsWith('?') ? trimmed.slice(1) : trimmed);
  } catch {
    return new URLSearchParams();
  }
}

export function parseState(search: string, vocab: Vocabulary): ParsedState {
  const params = safeParams(typeof search === 'string' ? search : '');
  let dropped = search.length > MAX_QUERY_LENGTH;

  const roleParam = params.get('role');
  const role = roleParam !== null && vocab.roles.includes(roleParam) ? roleParam : undefined;
  if (roleParam !== null && role === undefined) dropped = true;

  const wanted = new Set<string>();
  for (const value of params.getAll('did')) {
    for (const raw of value.split(',')) {
      const id = raw.trim();
      if (!id) continue;
      if (vocab.actions.includes(id)) wanted.add(id);
      else dropped = true;
    }
  }
  for (const key of params.keys()) {
    if (key !== 'role' && key !== 'did') dropped = true;
  }
  const did = vocab.actions.filter((a) => wanted.has(a));
  return { role, did, dropped };
}

/** The query string for a state ("" when empty); commas stay readable in shared links. */
export function serializeState(state: CheckerState, vocab: Vocabulary): string {
  const parts: string[] = [];
  if (state.role && vocab.roles.includes(state.role)) parts.push(`role=${encodeURIComponent(state.role)}`);
  const did = vocab.actions.filter((a) => state.did.includes(a));
  if (did.length) parts.push(`did=${did.map(encodeURIComponent).join(',')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The complaint letter reads ?role=…&did=… (see the letters pages). */
export const COMPLAINT_LETTER_PATH = '/letters/complaint-to-lender/';

/**
 * Link to a complaint draft carrying only what is not allowed (prohibited or criminal): asking the
 * lender to stop something it may lawfully do would weaken the letter. Undefined when nothing qualifies.
 */
export function complaintDraftHref(
  role: string,
  results: readonly { action: string; rule: { verdict: string } }[],
  vocab: Vocabulary,
): string | undefined {
  const did = results.filter((r) => r.rule.verdict === 'prohibited' || r.rule.verdict === 'criminal').map((r) => r.action);
  const query = serializeState({ role, did }, vocab);
  return did.length && query.includes('did=') ? `${COMPLAINT_LETTER_PATH}${query}` : undefined;
}
