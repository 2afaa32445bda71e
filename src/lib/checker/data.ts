/**
 * The shape of /checker/data/<role>.json: everything the interactive checker and the complaint
 * letter need to show verdicts for one role, with citations and links already resolved at build
 * time. Fetched from the site's own origin only when a role is chosen.
 */
import type { Verdict } from './evaluate';

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
