#!/usr/bin/env node
// Validates every page in the built site with html-validate, using .htmlvalidate.json (the
// recommended and document presets, with the few relaxations for Astro's output explained in the
// README, "Quality gates"). Prints the problems per file and exits 1 on any error.
//
//   node scripts/validate-html.mjs [--dist dist]        (DIST_DIR works too)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { HtmlValidate, formatterFactory } from 'html-validate';

const root = resolve(import.meta.dirname, '..');
const i = process.argv.indexOf('--dist');
const dist = resolve(i > 0 ? (process.argv[i + 1] ?? 'dist') : (process.env.DIST_DIR ?? join(root, 'dist')));
if (!existsSync(dist)) {
  console.error(`validate-html: ${dist} not found; build first (npm run build).`);
  process.exit(2);
}

/** @param {string} dir @returns {string[]} */
function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith('.html') ? [p] : [];
  });
}

// The config is passed in explicitly so that a dist/ outside the project (a helper's /tmp build)
// is checked with the project's rules rather than whatever config sits above that folder.
const config = JSON.parse(readFileSync(join(root, '.htmlvalidate.json'), 'utf8'));
delete config.$schema;
const validator = new HtmlValidate(config);
const files = htmlFiles(dist).sort();
const report = await validator.validateMultipleFiles(files);
const text = formatterFactory('text');
if (!report.valid) console.log(text(report.results).replaceAll(`${dist}/`, ''));
const byRule = new Map();
for (const r of report.results) for (const m of r.messages) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
const summary = [...byRule].map(([k, n]) => `${k} ×${n}`).join(', ');
console.log(`validate-html: ${files.length} pages in ${relative(process.cwd(), dist) || '.'}, ${report.errorCount} error(s), ${report.warningCount} warning(s)${summary ? ` — ${summary}` : ''}.`);
process.exit(report.valid ? 0 : 1);
