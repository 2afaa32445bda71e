/**
 * Loads the editor-owned collections once and checks cross-references between them. Astro-bound
 * glue: the decisions themselves live in src/lib/ (pure, unit-tested).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildRegistry, indexUsage, resolveAll, type CitationUse, type Registry, type ResolvedCitation } from '../lib/cite/registry';
import { extractCitations, type CitationRef } from '../lib/cite/references';
import { resolveNextStep, type LinkTargets, type ResolvedLink } from '../lib/links';
import { buildRuleTable, type RuleTable, type Verdict } from '../lib/checker/evaluate';

export type Chapter = CollectionEntry<'chapters'>;
export type Law = CollectionEntry<'laws'>;
export type Letter = CollectionEntry<'letters'>;

let cache: Promise<SiteData> | undefined;

export interface SiteData {
  chapters: Chapter[];
  laws: Law[];
  letters: Letter[];
  channels: CollectionEntry<'channels'>[];
  roles: CollectionEntry<'checkerRoles'>[];
  actions: CollectionEntry<'checkerActions'>[];
  rules: CollectionEntry<'checkerRules'>[];
  registry: Registry;
  targets: LinkTargets;
  /** law#article → the pages that cite it */
  usage: Map<string, CitationUse[]>;
}

/** The file an entry came from, for error messages. */
export function sourceOf(entry: { filePath?: string | undefined; id: string }, dir: string): string {
  return entry.filePath ?? `${dir}/${entry.id}`;
}

async function load(): Promise<SiteData> {
  const [chapters, laws, letters, channels, roles, actions, rules] = await Promise.all([
    getCollection('chapters'),
    getCollection('laws'),
    getCollection('letters'),
    getCollection('channels'),
    getCollection('checkerRoles'),
    getCollection('checkerActions'),
    getCollection('checkerRules'),
  ]);
  chapters.sort((a, b) => a.data.order - b.data.order);
  letters.sort((a, b) => a.data.order - b.data.order);
  channels.sort((a, b) => a.data.order - b.data.order);
  roles.sort((a, b) => a.data.order - b.data.order);
  actions.sort((a, b) => a.data.order - b.data.order);

  for (const law of laws) {
    if (law.data.id !== law.id) {
      throw new Error(`${sourceOf(law, 'content/laws')}: id "${law.data.id}" 与文件名 "${law.id}" 不一致`);
    }
  }
  const registry = buildRegistry(laws.map((l) => ({ ...l.data, id: l.id })));
  for (const law of laws) {
    for (const linked of [law.data.successor, law.data.predecessor]) {
      if (linked && !registry.has(linked)) {
        throw new Error(`${sourceOf(law, 'content/laws')}: successor/predecessor "${linked}" 不在法规库中`);
      }
    }
  }

  const sources: { use: CitationUse; refs: CitationRef[]; file: string }[] = [];
  for (const c of chapters) {
    sources.push({
      use: { href: `/${c.id}/`, title: c.data.title, kind: '章节' },
      refs: extractCitations(c.body ?? ''),
      file: sourceOf(c, 'content/chapters'),
    });
  }
  for (const l of letters) {
    sources.push({
      use: { href: `/letters/${l.id}/`, title: l.data.title, kind: '模板' },
      refs: [...extractCitations(l.body ?? ''), ...l.data.cites],
      file: sourceOf(l, 'content/letters'),
    });
  }
  for (const ch of channels) {
    sources.push({
      use: { href: `/help/#${ch.id}`, title: ch.data.name, kind: '求助渠道' },
      refs: ch.data.cites,
      file: 'content/channels.yaml',
    });
  }
  const roleLabel = new Map(roles.map((r) => [r.id, r.data.label]));
  const actionLabel = new Map(actions.map((a) => [a.id, a.data.label]));
  for (const file of rules) {
    for (const rule of file.data.rules) {
      for (const role of rule.roles) {
        sources.push({
          use: {
            href: `/checker/${role}/${file.data.action}/`,
            title: `${roleLabel.get(role) ?? role}：${actionLabel.get(file.data.action) ?? file.data.action}`,
            kind: '判断',
          },
          refs: rule.cites,
          file: sourceOf(file, 'content/checker/rules'),
        });
      }
    }
  }
  const problems: string[] = [];
  for (const s of sources) {
    try {
      resolveAll(registry, s.refs, s.file);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (problems.length) throw new Error(`引用检查失败：\n${[...new Set(problems)].join('\n')}`);

  const targets: LinkTargets = {
    chapter: new Map(chapters.map((c) => [c.id, c.data.title])),
    letter: new Map(letters.map((l) => [l.id, l.data.title])),
    channel: new Map(channels.map((c) => [c.id, c.data.name])),
    checker: new Map(roles.map((r) => [r.id, `催收员能对${r.data.label}做什么`])),
    law: new Map(laws.map((l) => [l.id, l.data.title])),
  };

  return {
    chapters,
    laws,
    letters,
    channels,
    roles,
    actions,
    rules,
    registry,
    targets,
    usage: indexUsage(sources),
  };
}

/** All site data, loaded and cross-checked once per build. */
export function siteData(): Promise<SiteData> {
  // In `astro dev` content changes while the server runs, so load afresh each time there.
  if (import.meta.env.DEV) return load();
  cache ??= load();
  return cache;
}

/** One checker rule with its citations and next steps resolved against the registry and the site. */
export interface CheckerRule {
  roles: string[];
  verdict: Verdict;
  headline: string;
  why: string;
  limits: string[];
  say?: string | undefined;
  /** As written in the rule file, in order (for note numbering). */
  cites: CitationRef[];
  resolvedCites: ResolvedCitation[];
  next: ResolvedLink[];
  /** The rule file, for error messages. */
  source: string;
}

export interface CheckerData {
  roles: { id: string; label: string; hint: string }[];
  /** In form order. */
  actions: { id: string; label: string; group: string }[];
  /** role/action (pairKey) → rule; complete for every pair. */
  table: RuleTable<CheckerRule>;
}

let checkerCache: Promise<CheckerData> | undefined;

async function loadChecker(): Promise<CheckerData> {
  const data = await siteData();
  const problems: string[] = [];
  const files = data.rules.map((file) => {
    const source = sourceOf(file, 'content/checker/rules');
    const rules = file.data.rules.map((rule): CheckerRule => {
      let resolvedCites: ResolvedCitation[] = [];
      try {
        resolvedCites = resolveAll(data.registry, rule.cites, source);
      } catch (e) {
        problems.push((e as Error).message);
      }
      const next: ResolvedLink[] = [];
      for (const ref of rule.next) {
        try {
          next.push(resolveNextStep(data.targets, ref, source));
        } catch (e) {
          problems.push((e as Error).message);
        }
      }
      return { ...rule, resolvedCites, next, source };
    });
    return { action: file.data.action, rules, source };
  });
  const roleIds = data.roles.map((r) => r.id);
  const actionIds = data.actions.map((a) => a.id);
  let table: RuleTable<CheckerRule> | undefined;
  try {
    table = buildRuleTable(files, roleIds, actionIds);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (problems.length || !table) throw new Error(`检查器数据有误：\n${[...new Set(problems)].join('\n')}`);
  return {
    roles: data.roles.map((r) => ({ id: r.id, label: r.data.label, hint: r.data.hint })),
    actions: data.actions.map((a) => ({ id: a.id, label: a.data.label, group: a.data.group })),
    table,
  };
}

/** The checker's complete, resolved rule table; a missing pair or unknown reference fails the build naming the file. */
export function checkerData(): Promise<CheckerData> {
  if (import.meta.env.DEV) return loadChecker();
  checkerCache ??= loadChecker();
  return checkerCache;
}
