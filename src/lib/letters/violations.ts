/**
 * The 「违规行为及依据」 part of a complaint, built from the checker's verdict data for one role
 * (/checker/data/<role>.json) and the actions the reader picked there. Only actions the collector may
 * not do (prohibited or criminal) become complaint items.
 */
import type { RoleData } from '../checker/data';
import { parseState } from '../checker/state';

export interface ViolationItem {
  id: string;
  label: string;
  headline: string;
  cites: string[];
}

const COMPLAINABLE = new Set(['prohibited', 'criminal']);

/** The picked actions that are violations for this role, in the checker's form order. */
export function violationItems(data: RoleData, did: readonly string[]): ViolationItem[] {
  const items: ViolationItem[] = [];
  for (const action of data.actions) {
    if (!did.includes(action.id)) continue;
    const v = data.verdicts[action.id];
    if (!v || !COMPLAINABLE.has(v.verdict)) continue;
    items.push({ id: action.id, label: action.label, headline: v.headline, cites: v.cites.map((c) => c.text) });
  }
  return items;
}

const END_PUNCT = /[。！？.!?]$/;

/** 「1. 要求你还钱：不能向你要钱：你没有替他还款的义务。依据：民法典 第465条、民法典 第552条」 */
export function violationLine(n: number, item: ViolationItem): string {
  const headline = END_PUNCT.test(item.headline) ? item.headline : `${item.headline}。`;
  const basis = item.cites.length ? `依据：${item.cites.join('、')}` : '';
  return `${n}. ${item.label}：${headline}${basis}`;
}

/**
 * The numbered list, one item a line. Items that would push the text past `max` characters are left
 * out whole rather than cut mid-sentence; `omitted` says how many.
 */
export function violationsText(items: readonly ViolationItem[], max = Infinity): { text: string; omitted: number } {
  const lines: string[] = [];
  let length = 0;
  for (const item of items) {
    const line = violationLine(lines.length + 1, item);
    const extra = (lines.length ? 1 : 0) + Array.from(line).length;
    if (length + extra > max) break;
    lines.push(line);
    length += extra;
  }
  return { text: lines.join('\n'), omitted: items.length - lines.length };
}

/** True when a fetched value has the shape of /checker/data/<role>.json (it comes over the network). */
export function isRoleData(x: unknown): x is RoleData {
  if (!x || typeof x !== 'object') return false;
  const d = x as Partial<RoleData>;
  return (
    typeof d.role === 'string' &&
    Array.isArray(d.actions) &&
    d.actions.every((a) => a && typeof a.id === 'string' && typeof a.label === 'string') &&
    !!d.verdicts &&
    typeof d.verdicts === 'object' &&
    Object.values(d.verdicts).every(
      (v) => v && typeof v.verdict === 'string' && typeof v.headline === 'string' && Array.isArray(v.cites),
    )
  );
}

export interface PrefillRequest {
  /** The role to fetch verdicts for, when the link named a known one. */
  role: string | undefined;
  /** Whether the address asked for a prefill at all (has role or did). */
  asked: boolean;
}

/** Step one, before any fetch: does the address ask for a prefill, and for which known role? */
export function prefillRequest(search: string, roles: readonly string[]): PrefillRequest {
  const params = new URLSearchParams(search.slice(0, 2000));
  const asked = params.has('role') || params.has('did');
  return { role: asked ? parseState(search, { roles, actions: [] }).role : undefined, asked };
}

export interface Prefill {
  text: string;
  count: number;
  /** Something in the address could not be used (unknown ids, allowed actions, too long). */
  partial: boolean;
}

/** Step two, with the role's verdict data: the violations text for the actions in the address. */
export function prefillFromData(search: string, roles: readonly string[], data: RoleData, max: number): Prefill {
  const state = parseState(search, { roles, actions: data.actions.map((a) => a.id) });
  const items = violationItems(data, state.did);
  const { text, omitted } = violationsText(items, max);
  return {
    text,
    count: items.length - omitted,
    partial: state.dropped || state.role !== data.role || items.length < state.did.length || omitted > 0,
  };
}
