/**
 * The link-preview images of the site read straight from the content files, without Astro. Only used
 * to start drawing early (src/integrations/og-images.ts): the images a build really ships come from
 * Astro's validated content (site.ts). If the two ever disagree, the early drawings are simply not
 * used, since cache files are named by what they show; so this returns undefined on anything odd
 * instead of reporting it (Astro reports content errors, naming file and field).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { ogSpecsFromContent, type OgContent, type OgSpec } from './specs';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---/;

function yamlFiles(dir: string, ext: string): { id: string; data: unknown; file: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const data: unknown = parse(ext === '.mdx' ? (FRONT_MATTER.exec(text)?.[1] ?? '') : text);
      return { id: basename(f, ext), data, file: join(dir, f) };
    });
}

const titled = (entries: ReturnType<typeof yamlFiles>) =>
  entries.map(({ id, data }) => ({ id, title: String((data as { title: unknown }).title) }));

const byOrder = <T extends { order: number }>(list: T[]) => [...list].sort((a, b) => a.order - b.order);

export function ogSpecsFromFiles(root: string, tagline: string): OgSpec[] | undefined {
  try {
    const content = join(root, 'content');
    const list = (file: string) => byOrder(parse(readFileSync(join(content, file), 'utf8')) as { id: string; label: string; order: number }[]);
    const data: OgContent = {
      chapters: titled(yamlFiles(join(content, 'chapters'), '.mdx')),
      letters: titled(yamlFiles(join(content, 'letters'), '.mdx')),
      roles: list('checker/roles.yaml'),
      actions: list('checker/actions.yaml'),
      ruleFiles: yamlFiles(join(content, 'checker/rules'), '.yaml').map(({ data, file }) => ({ ...(data as Omit<OgContent['ruleFiles'][number], 'source'>), source: file })),
      tagline,
    };
    return ogSpecsFromContent(data);
  } catch {
    return undefined;
  }
}
