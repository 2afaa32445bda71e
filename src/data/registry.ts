/**
 * Loads the editor-owned collections once and checks cross-references between them. Astro-bound
 * glue: the decisions themselves live in src/lib/ (pure, unit-tested).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildRegistry, indexUsage, resolveAll, type CitationUse, type Registry } from '../lib/cite/registry';
import { extractCitations, type CitationRef } from '../lib/cite/references';
import type { LinkTargets } from '../lib/links';

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
