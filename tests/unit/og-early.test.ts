/** Reading the image list straight from the content files, for the early start of drawing. */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { ogSpecsFromFiles } from '../../src/lib/og/early';

const ROOT = resolve(import.meta.dirname, '../..');
const count = (dir: string, ext: string) => readdirSync(join(ROOT, 'content', dir)).filter((f) => f.endsWith(ext)).length;

describe('ogSpecsFromFiles', () => {
  it('lists the default image, every chapter and letter, and every role × action verdict', () => {
    const specs = ogSpecsFromFiles(ROOT, '口号')!;
    const roles = (parse(readFileSync(join(ROOT, 'content/checker/roles.yaml'), 'utf8')) as unknown[]).length;
    const actions = (parse(readFileSync(join(ROOT, 'content/checker/actions.yaml'), 'utf8')) as unknown[]).length;
    expect(specs.length).toBe(1 + count('chapters', '.mdx') + count('letters', '.mdx') + roles * actions);
    expect(specs[0]).toMatchObject({ name: 'default', title: '口号' });
    expect(specs.find((s) => s.name === 'emergency-contacts')?.kicker).toBe('章节');
  });

  it('draws a verdict with its rule’s headline and the roles that rule covers, in role order', () => {
    const specs = ogSpecsFromFiles(ROOT, '口号')!;
    const rules = parse(readFileSync(join(ROOT, 'content/checker/rules/insult.yaml'), 'utf8')) as {
      rules: { roles: string[]; headline: string; verdict: string }[];
    };
    const forBorrower = rules.rules.find((r) => r.roles.includes('borrower'))!;
    const spec = specs.find((s) => s.name === 'checker-borrower-insult')!;
    expect(spec.verdict).toMatchObject({ key: forBorrower.verdict, headline: forBorrower.headline });
    expect(spec.title.startsWith('催收员')).toBe(true);
    const roles = (parse(readFileSync(join(ROOT, 'content/checker/roles.yaml'), 'utf8')) as { id: string; label: string }[]);
    if (forBorrower.roles.length === roles.length) expect(spec.kicker).toBe('无论你是谁');
    else for (const r of roles.filter((r) => forBorrower.roles.includes(r.id))) expect(spec.kicker).toContain(r.label);
  });

  it('gives up quietly on content Astro would reject (Astro reports it, naming file and field)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-early-'));
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    writeFileSync(join(dir, 'content/checker/rules/insult.yaml'), 'action: insult\nrules: [\n');
    expect(ogSpecsFromFiles(dir, '口号')).toBeUndefined();
    expect(ogSpecsFromFiles(join(dir, 'missing'), '口号')).toBeUndefined();
  });
});
