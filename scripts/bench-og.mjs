#!/usr/bin/env node
// `npm run bench:og`: how much do link-preview images add to `npm run build`? Copies the project to
// a temporary folder (node_modules symlinked, so the real dist/ and image cache are left alone) and
// times the whole build, round after round, in three states:
//   none — OG_IMAGES=0, no images at all (the baseline);
//   cold — an empty image cache, every image drawn (what CI and a fresh clone do);
//   warm — the cache from the cold build, nothing drawn (a rebuild after an edit).
// Reports the median of each and the cost of images as a share of the baseline; exits 1 when the cold
// cost is over the limit of issue #8 (30 %).
//
//   node scripts/bench-og.mjs [--rounds 5] [--limit 30] [--json]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './lib/stats.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const rounds = option('rounds', 5);
const limit = option('limit', 30);
const json = args.includes('--json');

const dir = mkdtempSync(join(tmpdir(), 'cuishou-og-'));
for (const f of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
  cpSync(join(root, f), join(dir, f), { recursive: true });
}
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
const cache = join(dir, 'og-cache');

/** Runs `npm run build` in the copy and returns its wall time in seconds. */
function build(env) {
  const started = process.hrtime.bigint();
  const run = spawnSync('npm', ['run', 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OG_CACHE_DIR: cache, ...env },
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`build failed (${JSON.stringify(env)})`);
  }
  return seconds;
}

const times = { none: [], cold: [], warm: [] };
let images = 0;
try {
  build({ OG_IMAGES: '0' }); // warm up the disk cache and Vite's dependency scan; not counted
  // The cold build comes first in round 1 (the warm one needs its cache); later rounds rotate the order,
  // so a machine that slows down or speeds up during the run does not favour one state.
  const orders = [
    ['none', 'cold', 'warm'],
    ['cold', 'warm', 'none'],
    ['warm', 'none', 'cold'],
  ];
  for (let r = 0; r < rounds; r++) {
    for (const state of orders[r % orders.length]) {
      if (state === 'cold') rmSync(cache, { recursive: true, force: true });
      times[state].push(build(state === 'none' ? { OG_IMAGES: '0' } : {}));
      if (state === 'cold') images = readdirSync(join(dir, 'dist/og')).filter((f) => f.endsWith('.png')).length;
    }
    if (!json) console.error(`round ${r + 1}/${rounds}: none ${times.none.at(-1).toFixed(2)} s, cold ${times.cold.at(-1).toFixed(2)} s, warm ${times.warm.at(-1).toFixed(2)} s`);
  }
  const drawings = readdirSync(cache).filter((f) => f.endsWith('.png')).length;
  const none = median(times.none);
  const result = {
    rounds,
    images,
    drawings,
    seconds: { none: median(times.none), cold: median(times.cold), warm: median(times.warm) },
    addedPercent: {
      cold: Math.round(((median(times.cold) - none) / none) * 1000) / 10,
      warm: Math.round(((median(times.warm) - none) / none) * 1000) / 10,
    },
    limitPercent: limit,
  };
  if (json) console.log(JSON.stringify(result, null, 2));
  else {
    const s = result.seconds;
    console.log(`npm run build, median of ${rounds} rounds (${images} PNG files from ${drawings} drawings):`);
    console.log(`  no images   ${s.none.toFixed(2)} s`);
    const signed = (n) => `${n >= 0 ? '+' : '−'}${Math.abs(n)} %`;
    console.log(`  cold cache  ${s.cold.toFixed(2)} s  (${signed(result.addedPercent.cold)})`);
    console.log(`  warm cache  ${s.warm.toFixed(2)} s  (${signed(result.addedPercent.warm)})`);
    console.log(`limit: +${limit} % → ${result.addedPercent.cold <= limit ? 'met' : 'NOT met'}`);
  }
  process.exitCode = result.addedPercent.cold <= limit ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
