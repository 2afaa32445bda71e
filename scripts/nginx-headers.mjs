#!/usr/bin/env node
// Prints the nginx equivalent of dist/_headers for the current build: the full Content-Security-Policy
// with every page's script and style hashes, plus the other security headers. Re-run after each build
// (the hashes change with the code), or use the stable variant in the README, "Security headers".
//
//   node scripts/nginx-headers.mjs [--dist dist] > /etc/nginx/snippets/cuishou-headers.conf
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { collectHashes, headerCsp, metaCspOf, nginxSnippet } from '../src/lib/security/headers.mjs';

const i = process.argv.indexOf('--dist');
const dist = resolve(i > 0 ? (process.argv[i + 1] ?? 'dist') : (process.env.DIST_DIR ?? 'dist'));
/** @param {string} dir @returns {string[]} */
const html = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? html(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
const policies = html(dist).flatMap((f) => metaCspOf(readFileSync(f, 'utf8')));
if (!policies.length) {
  console.error(`nginx-headers: no pages with a CSP <meta> in ${dist}; build first.`);
  process.exit(2);
}
console.log(`# Generated from ${policies.length} pages of ${dist}\n${nginxSnippet(headerCsp(collectHashes(policies)))}`);
