/**
 * Astro-bound glue: the link-preview images of this site, from the loaded content. Shared by the
 * /og/[name].png endpoint (which draws them) and Base.astro (which links each page to its image).
 */
import { siteData } from '../../data/registry';
import { buildRuleTable, pairKey } from '../checker/evaluate';
import { SITE_TAGLINE } from '../site';
import { buildOgSpecs, type OgSpec } from './specs';

let specs: Promise<OgSpec[]> | undefined;

async function load(): Promise<OgSpec[]> {
  const data = await siteData();
  const roleIds = data.roles.map((r) => r.id);
  const actionIds = data.actions.map((a) => a.id);
  const table = buildRuleTable(
    data.rules.map((f) => ({ action: f.data.action, rules: f.data.rules, source: f.filePath ?? f.id })),
    roleIds,
    actionIds,
  );
  const covers = (roles: readonly string[], id: string) => roles.includes(id);
  const label = new Map(data.roles.map((r) => [r.id, r.data.label]));
  const verdicts = data.roles.flatMap((r) =>
    data.actions.map((a) => {
      const rule = table.get(pairKey(r.id, a.id))!;
      return {
        role: r.id,
        action: a.id,
        actionLabel: a.data.label,
        verdict: rule.verdict,
        headline: rule.headline,
        ruleRoles: roleIds.filter((id) => covers(rule.roles, id)).map((id) => label.get(id)!),
        allRoles: roleIds.every((id) => covers(rule.roles, id)),
      };
    }),
  );
  return buildOgSpecs({
    chapters: data.chapters.map((c) => ({ id: c.id, title: c.data.title })),
    letters: data.letters.map((l) => ({ id: l.id, title: l.data.title })),
    verdicts,
    tagline: SITE_TAGLINE,
  });
}

export function ogSpecs(): Promise<OgSpec[]> {
  if (import.meta.env.DEV) return load();
  specs ??= load();
  return specs;
}

/** Names of all images, for Base.astro to tell whether a page has its own. */
export async function ogNames(): Promise<Set<string>> {
  return new Set((await ogSpecs()).map((s) => s.name));
}
