// Page-weight budgets and how they are measured, shared by tests/e2e/budget.spec.ts (the gate in
// `npm test`) and scripts/bench.mjs (the table and Lighthouse). Sizes are compressed bytes on the
// wire, as served by scripts/serve.mjs (brotli, quality 11, which Chromium asks for even on
// 127.0.0.1); 1 KB = 1024 bytes. Only HTML, CSS and JavaScript of the initial load count: images
// (the favicon) and data fetched later (the search index) are reported but not budgeted. Inline
// scripts count as JavaScript, not HTML.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { scanTags } from './html-scan.mjs';

export const KB = 1024;

/** @typedef {{ total: number; js?: number }} Budget */
/** @type {Record<string, Budget>} */
export const BUDGETS = {
  home: { total: 25 * KB },
  chapter: { total: 20 * KB, js: 4 * KB },
  verdict: { total: 20 * KB, js: 4 * KB },
  checker: { total: 35 * KB },
};

/** @typedef {{ html: number; css: number; js: number; other: number; data: number; files: { url: string; kind: string; bytes: number }[] }} Weight */

/** @param {string} resourceType @param {string} url */
function kindOf(resourceType, url) {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'fetch' || resourceType === 'xhr') return /\.m?js($|\?)/.test(url) ? 'js' : 'data';
  return 'other';
}

/**
 * Loads a URL in a fresh page and sums the compressed bytes of what it fetched until the network is
 * idle. Bytes are the Content-Length of the compressed response (body only, no headers).
 * @param {import('@playwright/test').Page} page
 * @param {string} url
 * @returns {Promise<Weight>}
 */
export async function measurePage(page, url) {
  /** @type {Promise<{ url: string; kind: string; bytes: number }>[]} */
  const pending = [];
  /** @param {import('@playwright/test').Response} res */
  const onResponse = (res) => {
    pending.push(
      (async () => {
        const req = res.request();
        const length = Number(res.headers()['content-length']);
        const bytes = Number.isFinite(length) && length >= 0 ? length : (await res.body().catch(() => Buffer.alloc(0))).length;
        return { url: res.url(), kind: kindOf(req.resourceType(), res.url()), bytes };
      })(),
    );
  };
  page.on('response', onResponse);
  const doc = await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const files = (await Promise.all(pending)).filter((f) => !f.url.startsWith('data:'));
  /** @type {Weight} */
  const w = { html: 0, css: 0, js: 0, other: 0, data: 0, files };
  for (const f of files) w[/** @type {'html'|'css'|'js'|'other'|'data'} */ (f.kind)] += f.bytes;
  const inline = doc ? inlineScriptBytes(await doc.text()) : 0;
  w.html -= inline;
  w.js += inline;
  return w;
}

/** @param {Weight | { html: number; css: number; js: number }} w */
export const totalOf = (w) => w.html + w.css + w.js;

/**
 * Budget problems of a measured page, as sentences; empty when within budget.
 * @param {string} type @param {string} url @param {{ html: number; css: number; js: number }} w
 */
export function budgetProblems(type, url, w) {
  const b = BUDGETS[type];
  if (!b) return [];
  const out = [];
  const total = totalOf(w);
  if (total > b.total) out.push(`${type} ${url}: ${fmt(total)} of HTML+CSS+JS exceeds ${fmt(b.total)}`);
  if (b.js !== undefined && w.js > b.js) out.push(`${type} ${url}: ${fmt(w.js)} of JS exceeds ${fmt(b.js)}`);
  return out;
}

/** @param {number} bytes */
export function fmt(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/**
 * Compressed bytes of the inline executable scripts of an HTML document. They arrive inside the HTML
 * but are JavaScript, so the JS budget counts them: these bytes move from the HTML column to JS.
 * @param {string} html
 */
export function inlineScriptBytes(html) {
  let code = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (/\ssrc\s*=/i.test(attrs) || (type && type !== 'module' && !type.includes('javascript'))) continue;
    code += m[2] ?? '';
  }
  return code ? brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length : 0;
}

const brCache = new Map();
/** Brotli size (quality 11, like serve.mjs) of a file, cached. @param {string} file */
function brSize(file) {
  let n = brCache.get(file);
  if (n === undefined) {
    n = brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    brCache.set(file, n);
  }
  return n;
}

/**
 * The weight of a built page without a browser: its HTML, the stylesheets and module scripts it
 * links, and the modules those import statically, each brotli-compressed. Used to check every page
 * of a budgeted type quickly; the browser measurement checks the heaviest one for real.
 * @param {string} dist @param {string} path  URL path such as "/history/"
 */
export function staticWeight(dist, path) {
  dist = resolve(dist);
  const htmlFile = join(dist, path, path.endsWith('/') ? 'index.html' : '');
  const html = readFileSync(htmlFile, 'utf8');
  const inline = inlineScriptBytes(html);
  const w = { html: brSize(htmlFile) - inline, css: 0, js: inline };
  const seen = new Set();
  /** @param {string} url @param {string} from */
  const local = (url, from) => {
    const u = new URL(url, `http://x${from}`);
    if (u.host !== 'x') return undefined;
    const f = join(dist, decodeURIComponent(u.pathname));
    return existsSync(f) ? f : undefined;
  };
  /** @param {string} file */
  const addJs = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    w.js += brSize(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only (import … from "x" / import "x"); dynamic import() loads later, on demand.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) {
      const dep = local(m[1] ?? '', `/${file.slice(dist.length + 1).split('\\').join('/')}`);
      if (dep) addJs(dep);
    }
  };
  for (const t of scanTags(html)) {
    if (t.name === 'link' && /\bstylesheet\b/.test(t.attrs.get('rel') ?? '')) {
      const f = local(t.attrs.get('href') ?? '', path);
      if (f && !seen.has(f)) {
        seen.add(f);
        w.css += brSize(f);
      }
    } else if (t.name === 'link' && /\bmodulepreload\b/.test(t.attrs.get('rel') ?? '')) {
      const f = local(t.attrs.get('href') ?? '', path);
      if (f) addJs(f);
    } else if (t.name === 'script' && t.attrs.has('src')) {
      const f = local(t.attrs.get('src') ?? '', path);
      if (f) addJs(f);
    }
  }
  // Inline <script> and <style> bodies are part of the HTML already.
  return w;
}
