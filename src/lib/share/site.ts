/**
 * Astro-bound glue: names of the pages that can appear inside a breadcrumb trail (section indexes
 * and checker role pages), from the loaded content.
 */
import { siteData } from '../../data/registry';
import { MAIN_NAV } from '../site';

let names: Promise<Map<string, string>> | undefined;

async function load(): Promise<Map<string, string>> {
  const data = await siteData();
  const map = new Map<string, string>([['/laws/', '法规库']]);
  for (const l of MAIN_NAV) map.set(l.href, l.text);
  // Chapter links in the navigation are pages of their own, named by their full titles below.
  for (const c of data.chapters) map.set(`/${c.id}/`, c.data.title);
  for (const [id, title] of data.targets.checker) map.set(`/checker/${id}/`, title);
  return map;
}

export function crumbNames(): Promise<Map<string, string>> {
  if (import.meta.env.DEV) return load();
  names ??= load();
  return names;
}
