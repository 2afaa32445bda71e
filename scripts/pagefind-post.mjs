#!/usr/bin/env node
// Runs after `pagefind --site dist` (part of `npm run build`):
//
// 1. Writes the search digest, dist/pagefind/pages.json — each indexed page's address, title, type
//    and question headings by Pagefind page id (src/lib/search/digest.mjs) — so instant results under
//    a search box need none of Pagefind's per-page fragments.
// 2. Writes a brotli copy next to each of Pagefind's data files (`x.pf_index` → `x.pf_index.br`) for
//    hosts that serve precompressed files (nginx `brotli_static on`, Caddy `precompressed br`,
//    scripts/serve.mjs). Pagefind gzips its files itself and accepts them already decoded by the
//    browser (they start with "pagefind_dcd"), so a browser that asks for brotli gets files 13–15 %
//    smaller, and any other host keeps serving the gzip files unchanged. Brotli at quality 11 is slow
//    (~2 s for the whole index), so finished copies are kept in node_modules/.cache/pagefind-br by the
//    hash of their gzip file.
//
//   node scripts/pagefind-post.mjs [--dist DIR]
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzipSync } from 'node:zlib';
import { digestEntry } from '../src/lib/search/digest.mjs';

const args = process.argv.slice(2);
const dist = resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : 'dist');
const pagefind = join(dist, 'pagefind');
const SIGNATURE = 'pagefind_dcd';

/** A Pagefind data file: gzip around "pagefind_dcd" and the payload. */
function readPagefindFile(file) {
  const raw = gunzipSync(readFileSync(file));
  if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
    throw new Error(`${file}: not a Pagefind data file (signature missing) — has Pagefind's format changed?`);
  }
  return raw.subarray(SIGNATURE.length);
}

const digest = {};
const fragmentDir = join(pagefind, 'fragment');
for (const name of readdirSync(fragmentDir).filter((f) => f.endsWith('.pf_fragment')).sort()) {
  const data = JSON.parse(readPagefindFile(join(fragmentDir, name)).toString('utf8'));
  const id = basename(name, '.pf_fragment');
  if (typeof data.url === 'string') digest[id] = digestEntry(data);
  // A fragment group holds several pages, by page id.
  else for (const [pageId, fragment] of Object.entries(data)) digest[pageId] = digestEntry(fragment);
}
const pages = Object.keys(digest).length;
if (pages === 0) throw new Error(`${fragmentDir}: no pages — did Pagefind index anything?`);
const json = JSON.stringify(digest);
writeFileSync(join(pagefind, 'pages.json'), json);
console.log(`pagefind-post: search digest of ${pages} pages (${(json.length / 1024).toFixed(1)} KB before compression)`);

const DATA_FILE = /\.(pf_index|pf_fragment|pf_meta|pf_filter|pagefind)$/;
const cache = process.env.PAGEFIND_BR_CACHE ?? join(process.cwd(), 'node_modules/.cache/pagefind-br');
mkdirSync(cache, { recursive: true });
const compress = promisify(brotliCompress);
/** @param {string} dir @returns {string[]} */
const dataFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? dataFiles(join(dir, e.name)) : DATA_FILE.test(e.name) ? [join(dir, e.name)] : [],
  );
let gz = 0;
let br = 0;
let fresh = 0;
const files = dataFiles(pagefind);
// brotliCompress runs on libuv's thread pool, so the files are compressed on every core at once.
await Promise.all(
  files.map(async (file) => {
    const zipped = readFileSync(file);
    const cached = join(cache, `${createHash('sha256').update(zipped).digest('hex').slice(0, 32)}.br`);
    let out;
    if (existsSync(cached)) out = readFileSync(cached);
    else {
      const raw = gunzipSync(zipped);
      out = await compress(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      });
      const tmp = `${cached}.${process.pid}.tmp`;
      writeFileSync(tmp, out);
      renameSync(tmp, cached);
      fresh++;
    }
    // Only where brotli wins: a host then never sends the bigger file.
    if (out.length < zipped.length) {
      writeFileSync(`${file}.br`, out);
      gz += zipped.length;
      br += out.length;
    }
  }),
);
console.log(
  `pagefind-post: brotli copies of ${files.length} Pagefind files (${fresh} compressed now, the rest from cache): ` +
    `${(gz / 1024).toFixed(0)} KB gzip → ${(br / 1024).toFixed(0)} KB brotli`,
);
