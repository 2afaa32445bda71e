#!/usr/bin/env node
// Chinese copy linter: runs zhlint (https://github.com/zhlint-project/zhlint) over the prose in
// content/ with the rules in .zhlintrc (see README, "Quality gates"). zhlint reads Markdown, so the
// text is extracted first: MDX bodies without import lines, code fences and component tags, and the
// Chinese string values of front matter and YAML files, each linted as its own block and reported with
// its file and line. Exits 1 on any finding.
//
//   node scripts/lint-zh.mjs [files or folders…]   (default: content/)
//   node scripts/lint-zh.mjs --summary             (counts per rule only)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runWithConfig } from 'zhlint';

const root = resolve(import.meta.dirname, '..');
const HAN = /\p{Script=Han}/u;

/** @typedef {{ text: string; line: number }} Block  A piece of prose and the file line it starts on. */

/**
 * The value of a YAML/front-matter line that holds Chinese text: `key: value`, `- value` or a
 * continuation line of a block scalar; quotes removed.
 * @param {string} line
 */
function yamlValue(line) {
  let v = line.trim();
  const key = /^(?:-\s+)?[A-Za-z_][\w-]*:\s*(.*)$/.exec(v);
  if (key) v = key[1] ?? '';
  else if (v.startsWith('- ')) v = v.slice(2);
  v = v.trim();
  if (/^[|>][-+]?$/.test(v)) return '';
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) v = v.slice(1, -1);
  return v.replace(/\\"/g, '"');
}

/** Chinese prose lines of YAML text. @param {string} text @param {number} firstLine */
export function yamlBlocks(text, firstLine = 1) {
  /** @type {Block[]} */
  const out = [];
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('#') || !HAN.test(line)) return;
    const v = yamlValue(line);
    // A flow mapping such as `- { id: x, label: 中文, order: 1 }` or a flow list `- [催收, 催债]`:
    // lint each Chinese value on its own (the commas are YAML syntax, not Chinese punctuation).
    const values = /^\{.*\}$/.test(v)
      ? v.slice(1, -1).split(/,\s*(?=[A-Za-z_][\w-]*:)/).map((kv) => yamlValue(kv))
      : /^\[.*\]$/.test(v)
        ? v.slice(1, -1).split(',').map((item) => yamlValue(`- ${item.trim()}`))
        : [v];
    for (const value of values) if (HAN.test(value)) out.push({ text: prepare(value), line: firstLine + i });
  });
  return out;
}

/**
 * Rewrites two Markdown/template idioms that zhlint would misread, keeping line breaks:
 * - `{{field}}` letter placeholders become 某 (a Chinese word stands in for the reader's entry);
 * - the space after a bold lead-in ending in Chinese punctuation (`**先说结论。** 然后…`) is dropped:
 *   it is there on purpose, because CommonMark does not close `**` between a punctuation mark and a
 *   letter, so `**先说结论。**然后` would not render bold.
 * @param {string} text
 */
export function prepare(text) {
  return text.replace(/\{\{\s*[\w.-]+\s*\}\}/g, '某').replace(/([，。！？；：、”’）])\*\* (?=\S)/g, '$1**');
}

/**
 * Prose blocks (paragraphs, list items, headings) of an MDX file, with component tags removed.
 * @param {string} text
 */
export function mdxBlocks(text) {
  /** @type {Block[]} */
  const out = [];
  const lines = text.split('\n');
  let i = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      out.push(...yamlBlocks(lines.slice(1, end).join('\n'), 2));
      i = end + 1;
    }
  }
  let fence = false;
  /** @type {string[]} */
  let para = [];
  let start = 0;
  const flush = () => {
    const t = prepare(para.join('\n').trim());
    if (HAN.test(t)) out.push({ text: t, line: start });
    para = [];
  };
  for (; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(raw)) {
      flush();
      fence = !fence;
      continue;
    }
    if (fence) continue;
    if (/^(import|export)\s/.test(raw)) continue;
    // Component tags (capitalised, as MDX requires) carry no prose; their children do.
    const line = raw.replace(/<\/?[A-Z][\w.]*(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>/g, '').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
    // Each list item and heading is its own block, so a finding points at its own line.
    if (!line.trim() || /^\s*([-*+]|\d+\.)\s|^#{1,6}\s|^\s*>/.test(line)) flush();
    if (!line.trim()) continue;
    if (!para.length) start = i + 1;
    para.push(line);
  }
  flush();
  return out;
}

/** @param {string} p @returns {string[]} */
function listFiles(p) {
  if (statSync(p).isDirectory()) return readdirSync(p).sort().flatMap((f) => listFiles(join(p, f)));
  return /\.(mdx?|ya?ml)$/.test(p) ? [p] : [];
}

/** @param {string} configPath */
export function loadConfig(configPath) {
  const rc = JSON.parse(readFileSync(configPath, 'utf8'));
  delete rc.$comment;
  delete rc.reasons;
  return rc;
}

/**
 * @param {string} file
 * @param {ReturnType<typeof loadConfig>} config
 */
export function lintFile(file, config) {
  const text = readFileSync(file, 'utf8');
  const blocks = /\.mdx?$/.test(file) ? mdxBlocks(text) : yamlBlocks(text);
  const findings = [];
  for (const block of blocks) {
    const result = runWithConfig(block.text, config);
    for (const v of result.validations) {
      const before = block.text.slice(0, v.index);
      const line = block.line + (before.match(/\n/g)?.length ?? 0);
      const lineStart = before.lastIndexOf('\n') + 1;
      const lineText = block.text.slice(lineStart).split('\n')[0] ?? '';
      const col = v.index - lineStart;
      findings.push({
        line,
        rule: v.name,
        message: v.message,
        excerpt: `${lineText.slice(Math.max(0, col - 12), col)}⟦${lineText.slice(col, col + Math.max(1, v.length))}⟧${lineText.slice(col + Math.max(1, v.length), col + 12)}`,
      });
    }
  }
  return findings;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const summaryOnly = args.includes('--summary');
  const targets = args.filter((a) => !a.startsWith('--'));
  const config = loadConfig(join(root, '.zhlintrc'));
  const files = (targets.length ? targets : [join(root, 'content')]).flatMap((t) => listFiles(resolve(t)));
  // zhlint prints parser warnings through console.warn; keep the report readable.
  const warn = console.warn;
  console.warn = () => {};
  /** @type {Map<string, number>} */
  const byRule = new Map();
  let total = 0;
  for (const file of files) {
    const findings = lintFile(file, config);
    total += findings.length;
    for (const f of findings) {
      byRule.set(f.message, (byRule.get(f.message) ?? 0) + 1);
      if (!summaryOnly) console.log(`${relative(root, file)}:${f.line}  ${f.message}  ${f.excerpt}`);
    }
  }
  console.warn = warn;
  for (const [message, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${message}`);
  console.log(`lint-zh: ${files.length} files, ${total} finding(s).`);
  process.exit(total ? 1 : 0);
}
