#!/usr/bin/env node
// `npm run bench:scale`: does the build stay fast as content grows? Copies the project to a temporary
// folder (node_modules symlinked), adds 100 and then 1,000 synthetic chapters (valid front matter,
// Chinese text assembled from the real chapters' sentences, headings, and citations of real registry
// articles), and for each size runs `astro build` + `pagefind`, reporting build time, page count and
// search index size, and whether the growth is roughly linear.
//
//   node scripts/build-scale.mjs [--sizes 100,1000] [--keep]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const i = args.indexOf('--sizes');
const sizes = [0, ...(i >= 0 ? (args[i + 1] ?? '') : '100,1000').split(',').map(Number).filter((n) => n > 0)];

const dir = mkdtempSync(join(tmpdir(), 'cuishou-scale-'));
for (const f of ['src', 'content', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
  cpSync(join(root, f), join(dir, f), { recursive: true });
}
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));

/** A small deterministic random generator, so every run builds the same synthetic text. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Sentences from the real chapters, without components and links, as the corpus.
const chaptersDir = join(root, 'content/chapters');
const sentences = [];
for (const f of readdirSync(chaptersDir)) {
  const body = readFileSync(join(chaptersDir, f), 'utf8').split(/^---$/m).slice(2).join('---');
  for (const line of body.split('\n')) {
    if (/^(#|import|export|<|\||-{3})/.test(line.trim())) continue;
    const text = line
      .replace(/<[^>]+>/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^[-*]\s+|\*\*/g, '')
      .trim();
    for (const s of text.split(/(?<=[。！？])/)) if (s.length >= 12 && /\p{Script=Han}/u.test(s)) sentences.push(s.trim());
  }
}

// Real registry articles to cite: `<Cite law="id" article="n" />`.
const cites = [];
for (const f of readdirSync(join(root, 'content/laws'))) {
  const text = readFileSync(join(root, 'content/laws', f), 'utf8');
  const id = /^id:\s*(\S+)/m.exec(text)?.[1];
  for (const m of text.matchAll(/^\s+- number:\s*"?([^"\n]+)"?/gm)) if (id) cites.push(`<Cite law="${id}" article="${m[1]}" />`);
}
const QUESTIONS = ['催收员可以这样做吗？', '我该怎么回应？', '哪些做法是禁止的？', '需要保留哪些证据？', '可以向谁投诉？', '紧急联系人要做什么？', '会影响征信吗？', '家里人会被联系吗？'];

function chapter(n, random) {
  const pick = (arr) => arr[Math.floor(random() * arr.length)];
  const sentence = () => pick(sentences);
  const parts = [
    '---',
    `title: 测试章节第${n}篇：催收问答`,
    `description: 用于构建规模测试的第${n}篇合成章节，内容由真实章节的句子拼成。`,
    `answer: ${sentence()}`,
    'audience: [everyone]',
    `order: ${1000 + n}`,
    'updated: 2026-11-30',
    'reviewed: 2026-11-30',
    'keywords:',
    `  - 测试${n}`,
    '---',
    '',
  ];
  for (let h = 0; h < 6; h++) {
    parts.push(`## ${n}-${h + 1}：${pick(QUESTIONS)}`, '');
    for (let p = 0; p < 3; p++) {
      const s = [sentence(), sentence(), sentence()];
      if (random() < 0.4) s[1] = s[1].replace(/。$/, `${pick(cites)}。`);
      parts.push(s.join(''), '');
    }
  }
  return parts.join('\n');
}

function dirSize(p) {
  const s = statSync(p);
  if (!s.isDirectory()) return s.size;
  return readdirSync(p).reduce((sum, f) => sum + dirSize(join(p, f)), 0);
}

function countFiles(p, ext) {
  return readdirSync(p, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? countFiles(join(p, e.name), ext) : e.name.endsWith(ext) ? 1 : 0),
    0,
  );
}

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: join(dir, '.cache'), NO_COLOR: '1' };
function timed(cmd, argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) {
    console.error(`${cmd} ${argv.join(' ')} failed:\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
    process.exit(1);
  }
  return seconds;
}

const results = [];
try {
  console.log(`build-scale in ${dir} (${sentences.length} corpus sentences, ${cites.length} citable articles)\n`);
  for (const n of sizes) {
    const chapters = join(dir, 'content/chapters');
    for (const f of readdirSync(chapters)) if (f.startsWith('zz-scale-')) rmSync(join(chapters, f));
    const random = rng(42);
    for (let k = 1; k <= n; k++) writeFileSync(join(chapters, `zz-scale-${String(k).padStart(4, '0')}.mdx`), chapter(k, random));
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    rmSync(join(dir, '.cache'), { recursive: true, force: true });
    mkdirSync(join(dir, '.cache'));
    const astro = timed(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build']);
    const pagefind = timed(join(root, 'node_modules/.bin/pagefind'), ['--site', 'dist']);
    const row = {
      chapters: n,
      pages: countFiles(join(dir, 'dist'), '.html'),
      astro,
      pagefind,
      total: astro + pagefind,
      index: dirSize(join(dir, 'dist/pagefind')),
      dist: dirSize(join(dir, 'dist')),
    };
    results.push(row);
    console.log(
      `+${String(n).padStart(4)} chapters: ${String(row.pages).padStart(5)} pages, astro ${astro.toFixed(1)} s + pagefind ${pagefind.toFixed(1)} s = ${row.total.toFixed(1)} s, index ${(row.index / 1048576).toFixed(2)} MB, dist ${(row.dist / 1048576).toFixed(1)} MB`,
    );
  }
  // Marginal cost per added chapter between successive sizes: roughly constant means linear growth.
  console.log('');
  for (let k = 1; k < results.length; k++) {
    const a = results[k - 1];
    const b = results[k];
    const added = b.chapters - a.chapters;
    console.log(
      `${a.chapters} → ${b.chapters}: ${(((b.total - a.total) / added) * 1000).toFixed(0)} ms and ${((b.index - a.index) / added / 1024).toFixed(1)} KB of index per added chapter`,
    );
  }
  if (results.length >= 3) {
    const first = (results[1].total - results[0].total) / (results[1].chapters - results[0].chapters);
    const last = (results.at(-1).total - results.at(-2).total) / (results.at(-1).chapters - results.at(-2).chapters);
    const ratio = last / first;
    console.log(`\nGrowth: the last step costs ${ratio.toFixed(2)}× per chapter what the first did — ${ratio <= 2 ? 'roughly linear' : 'worse than linear: look for per-page work that scans all pages'}.`);
  }
  const base = results[0];
  console.log(`The real site (${base.pages} pages) builds in ${base.total.toFixed(1)} s here ${base.total < 60 ? '(under 60 s)' : '(over the 60 s target!)'}.`);
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
