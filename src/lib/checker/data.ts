/**
 * The shape of /checker/data/<role>.json: everything the interactive checker and the complaint
 * letter need to show verdicts for one role, with citations and links already resolved at build
 * time. Fetched from the site's own origin only when a role is chosen.
 */
import { VERDICT_ORDER, type Verdict } from './evaluate';

export interface LinkData {
  text: string;
  href: string;
}

export interface VerdictData {
  verdict: Verdict;
  headline: string;
  why: string;
  limits: string[];
  say?: string | undefined;
  cites: LinkData[];
  next: LinkData[];
  /** /checker/<role>/<action>/ */
  href: string;
}

export interface RoleData {
  role: string;
  roleLabel: string;
  /** Action id → label, in form order. */
  actions: { id: string; label: string; group: string }[];
  verdicts: Record<string, VerdictData>;
}

export const roleDataUrl = (role: string) => `/checker/data/${role}.json`;

/** The prerendered page of one verdict. */
export const verdictHref = (role: string, action: string) => `/checker/${role}/${action}/`;

/** A rule as the build resolved it: citations and next steps already turned into links. */
export type ResolvedVerdict = Omit<VerdictData, 'href'>;

/** Builds the JSON for one role; `ruleFor` returns the (complete, checked) rule of each action. */
export function buildRoleData(
  role: { id: string; label: string },
  actions: readonly { id: string; label: string; group: string }[],
  ruleFor: (action: string) => ResolvedVerdict,
): RoleData {
  const verdicts: Record<string, VerdictData> = {};
  for (const a of actions) {
    const r = ruleFor(a.id);
    verdicts[a.id] = {
      verdict: r.verdict,
      headline: r.headline,
      why: r.why,
      limits: [...r.limits],
      ...(r.say ? { say: r.say } : {}),
      cites: r.cites.map(({ text, href }) => ({ text, href })),
      next: r.next.map(({ text, href }) => ({ text, href })),
      href: verdictHref(role.id, a.id),
    };
  }
  return {
    role: role.id,
    roleLabel: role.label,
    actions: actions.map(({ id, label, group }) => ({ id, label, group })),
    verdicts,
  };
}

/** Only paths on this site become links in the browser, never `javascript:` or other origins. */
export function isSiteHref(href: unknown): href is string {
  return typeof href === 'string' && /^\/(?![/\\])/.test(href);
}

const isString = (x: unknown): x is string => typeof x === 'string';

function links(x: unknown): LinkData[] {
  if (!Array.isArray(x)) return [];
  return x.filter((l): l is LinkData => !!l && isString(l.text) && isSiteHref(l.href)).map(({ text, href }) => ({ text, href }));
}

/**
 * Reads a fetched role file defensively: the browser keeps only well-formed verdicts with known
 * verdict ids, site-relative links and plain strings, so a stale or damaged file cannot break the
 * page or smuggle in a foreign link. Undefined when the file is not for `role` at all.
 */
export function readRoleData(json: unknown, role: string): RoleData | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const o = json as Record<string, unknown>;
  if (o.role !== role || !isString(o.roleLabel) || !o.verdicts || typeof o.verdicts !== 'object') return undefined;
  const verdicts: Record<string, VerdictData> = {};
  for (const [action, raw] of Object.entries(o.verdicts as Record<string, unknown>)) {
    if (!raw || typeof raw !== 'object') continue;
    const v = raw as Record<string, unknown>;
    if (!VERDICT_ORDER.includes(v.verdict as Verdict) || !isString(v.headline) || !isString(v.why) || !isSiteHref(v.href)) continue;
    verdicts[action] = {
      verdict: v.verdict as Verdict,
      headline: v.headline,
      why: v.why,
      limits: Array.isArray(v.limits) ? v.limits.filter(isString) : [],
      say: isString(v.say) ? v.say : undefined,
      cites: links(v.cites),
      next: links(v.next),
      href: v.href,
    };
  }
  const actions: RoleData['actions'] = [];
  for (const a of Array.isArray(o.actions) ? (o.actions as unknown[]) : []) {
    const x = (a ?? {}) as Record<string, unknown>;
    if (isString(x.id) && isString(x.label)) actions.push({ id: x.id, label: x.label, group: isString(x.group) ? x.group : '' });
  }
  return { role, roleLabel: o.roleLabel, actions, verdicts };
}
