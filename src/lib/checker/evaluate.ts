/**
 * Verdicts: which rule applies to a role and an action, and what a set of actions adds up to.
 */

export const VERDICT_ORDER = ['criminal', 'prohibited', 'conditional', 'allowed'] as const;
export type Verdict = (typeof VERDICT_ORDER)[number];

export const VERDICT_LABELS: Record<Verdict, { label: string; icon: string }> = {
  allowed: { label: '可以', icon: '✓' },
  conditional: { label: '有条件', icon: '!' },
  prohibited: { label: '不可以', icon: '✕' },
  criminal: { label: '可能违法犯罪·可报警', icon: '⚠' },
};

export interface RuleLike {
  roles: readonly string[];
  verdict: Verdict;
}

export interface RuleFile<R extends RuleLike> {
  action: string;
  rules: readonly R[];
  source: string;
}

export type RuleTable<R> = ReadonlyMap<string, R>;

export const pairKey = (role: string, action: string) => `${role}/${action}`;

/**
 * Builds the role × action table and checks it is complete: every pair has exactly one rule, every
 * rule file names a known action, and every action has a file. Throws with all problems listed.
 */
export function buildRuleTable<R extends RuleLike>(
  files: readonly RuleFile<R>[],
  roles: readonly string[],
  actions: readonly string[],
): RuleTable<R> {
  const problems: string[] = [];
  const table = new Map<string, R>();
  const seenActions = new Set<string>();
  for (const file of files) {
    if (!actions.includes(file.action)) {
      problems.push(`${file.source}: 未知的动作 "${file.action}"（见 content/checker/actions.yaml）`);
      continue;
    }
    if (seenActions.has(file.action)) problems.push(`${file.source}: 动作 "${file.action}" 的规则重复`);
    seenActions.add(file.action);
    for (const rule of file.rules) {
      for (const role of rule.roles) {
        if (!roles.includes(role)) problems.push(`${file.source}: 未知的角色 "${role}"`);
        const key = pairKey(role, file.action);
        if (table.has(key)) problems.push(`${file.source}: ${key} 有多条规则`);
        table.set(key, rule);
      }
    }
  }
  for (const role of roles) {
    for (const action of actions) {
      if (!table.has(pairKey(role, action))) problems.push(`缺少规则：${pairKey(role, action)}（content/checker/rules/${action}.yaml）`);
    }
  }
  if (problems.length) throw new Error(`检查器规则有误：\n${problems.join('\n')}`);
  return table;
}

export interface Evaluation<R> {
  results: { action: string; rule: R }[];
  counts: Record<Verdict, number>;
  /** How many selected actions are not allowed (prohibited or criminal). */
  notAllowed: number;
  /** Whether anything selected warrants calling the police. */
  callPolice: boolean;
}

/** Evaluates what happened: results ordered by severity, then by the form's action order. */
export function evaluate<R extends RuleLike>(
  table: RuleTable<R>,
  role: string,
  did: readonly string[],
  actionOrder: readonly string[],
): Evaluation<R> {
  const results: { action: string; rule: R }[] = [];
  for (const action of did) {
    const rule = table.get(pairKey(role, action));
    if (rule) results.push({ action, rule });
  }
  const rank = (v: Verdict) => VERDICT_ORDER.indexOf(v);
  results.sort((a, b) => rank(a.rule.verdict) - rank(b.rule.verdict) || actionOrder.indexOf(a.action) - actionOrder.indexOf(b.action));
  const counts: Record<Verdict, number> = { criminal: 0, prohibited: 0, conditional: 0, allowed: 0 };
  for (const r of results) counts[r.rule.verdict]++;
  return {
    results,
    counts,
    notAllowed: counts.criminal + counts.prohibited,
    callPolice: counts.criminal > 0,
  };
}

/** One line for the live region: what the selection adds up to. */
export function summarise(e: Pick<Evaluation<unknown>, 'counts' | 'notAllowed' | 'callPolice'>, total: number): string {
  if (total === 0) return '还没有勾选任何做法。';
  const parts = [`你勾选了 ${total} 项，其中 ${e.notAllowed} 项不被允许`];
  if (e.counts.conditional) parts.push(`${e.counts.conditional} 项有条件`);
  if (e.counts.allowed) parts.push(`${e.counts.allowed} 项可以`);
  let s = `${parts.join('，')}。`;
  if (e.callPolice) s += '有做法可能违法犯罪：人身安全受到威胁时，请立即拨打 110。';
  return s;
}
