/**
 * Astro-bound glue: the link-preview images of this site, from the loaded content. Used by Base.astro
 * (which links each page to its image) and, in `astro dev`, by the /og/[name].png endpoint; in a build
 * the first call also starts drawing them (render.ts planImages).
 */
import { siteData } from '../../data/registry';
import { SITE_NAME, SITE_TAGLINE } from '../site';
import { planImages } from './render';
import { ogSpecsFromContent, type OgSpec } from './specs';

let specs: Promise<OgSpec[]> | undefined;

async function load(): Promise<OgSpec[]> {
  const data = await siteData();
  return ogSpecsFromContent({
    chapters: data.chapters.map((c) => ({ id: c.id, title: c.data.title })),
    letters: data.letters.map((l) => ({ id: l.id, title: l.data.title })),
    roles: data.roles.map((r) => ({ id: r.id, label: r.data.label })),
    actions: data.actions.map((a) => ({ id: a.id, label: a.data.label })),
    ruleFiles: data.rules.map((f) => ({ action: f.data.action, rules: f.data.rules, source: f.filePath ?? f.id })),
    tagline: SITE_TAGLINE,
  });
}

export function ogSpecs(): Promise<OgSpec[]> {
  if (import.meta.env.DEV) return load();
  specs ??= load().then((list) => {
    // The first page rendered fixes the build's image list; the integration writes the files.
    if (process.env.OG_IMAGES !== '0') planImages(list, SITE_NAME);
    return list;
  });
  return specs;
}

/** Names of all images, for Base.astro to tell whether a page has its own. */
export async function ogNames(): Promise<Set<string>> {
  return new Set((await ogSpecs()).map((s) => s.name));
}
