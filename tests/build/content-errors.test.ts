/**
 * Bad content must fail the build with a message that names the file and the field or reference.
 * Each case copies the project into a temporary folder, breaks one file, and runs Astro there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
let dir: string;

function copyProject(): string {
  const d = mkdtempSync(join(tmpdir(), 'cuishou-fixture-'));
  for (const f of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(root, f), join(d, f), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(d, 'node_modules'));
  return d;
}

function astro(cwd: string, cmd: 'sync' | 'build') {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), cmd], {
    cwd,
    encoding: 'utf8',
    // OG_IMAGES=0: these builds test content errors; link-preview images (drawn from the start of a
    // build, src/integrations/og-images.ts) would only keep each failing build busy for seconds.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', OG_IMAGES: '0' },
    timeout: 240_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

const GOOD_CHAPTER = readFileSync(join(root, 'content/chapters/history.mdx'), 'utf8');

beforeAll(() => {
  dir = copyProject();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('content errors fail the build', () => {
  it('a chapter whose description is too long names the file and the field', () => {
    const bad = GOOD_CHAPTER.replace(/^description:.*$/m, `description: ${'很长的摘要'.repeat(30)}`);
    writeFileSync(join(dir, 'content/chapters/zz-bad-front-matter.mdx'), bad);
    const r = astro(dir, 'sync');
    rmSync(join(dir, 'content/chapters/zz-bad-front-matter.mdx'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('zz-bad-front-matter');
    expect(r.output).toMatch(/description/);
  }, 120_000);

  it('a chapter with an unknown audience names the field', () => {
    const bad = GOOD_CHAPTER.replace(/^audience:.*$/m, 'audience: [lender]');
    writeFileSync(join(dir, 'content/chapters/zz-bad-audience.mdx'), bad);
    const r = astro(dir, 'sync');
    rmSync(join(dir, 'content/chapters/zz-bad-audience.mdx'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('zz-bad-audience');
    expect(r.output).toMatch(/audience/);
  }, 120_000);

  it('an unknown citation names the file and the reference', () => {
    const bad = `${GOOD_CHAPTER}\n\n这句话引用了不存在的条文<Cite law="pipl" article="999" />，还有不存在的法规<Cite law="no-such-law" article="1" />。\n`;
    writeFileSync(join(dir, 'content/chapters/zz-bad-cite.mdx'), bad.replace(/^order:.*$/m, 'order: 999'));
    const r = astro(dir, 'build');
    rmSync(join(dir, 'content/chapters/zz-bad-cite.mdx'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('content/chapters/zz-bad-cite.mdx');
    expect(r.output).toContain('law="pipl" article="999"');
    expect(r.output).toContain('law="no-such-law"');
  }, 240_000);
});
