/**
 * Security gate: the hash-based Content-Security-Policy in every page's <meta>, the matching headers
 * from dist/_headers (written at build time by src/integrations/security-headers.mjs and served by
 * scripts/serve.mjs as a static host would), and a browser walk through every page type, with search
 * used, that fails on any CSP violation, script error or console error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES } from '../../src/lib/security/csp.mjs';
import { collectHashes, headerCsp, inlineHashes, metaCspOf, parseCsp, STATIC_HEADERS } from '../../src/lib/security/headers.mjs';
import { scanTags } from '../../scripts/lib/html-scan.mjs';
import { DIST, samplePages } from './support/site';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith('.html') ? [p] : [];
  });
}

const files = htmlFiles(DIST);
const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/]+=*'$/;

test('every page has one strict CSP <meta> and no inline handlers, style attributes or javascript: URLs', () => {
  const problems: string[] = [];
  for (const file of files) {
    const name = relative(DIST, file);
    const html = readFileSync(file, 'utf8');
    const metas = metaCspOf(html);
    if (metas.length !== 1) {
      problems.push(`${name}: ${metas.length} CSP <meta> tags`);
      continue;
    }
    const policy = parseCsp(metas[0]!);
    for (const d of CSP_DIRECTIVES) {
      const [name2, ...values] = d.split(/\s+/);
      expect(policy.get(name2!), `${name}: ${name2}`).toEqual(values);
    }
    const script = policy.get('script-src') ?? [];
    expect(script.slice(0, SCRIPT_RESOURCES.length), `${name}: script-src`).toEqual(SCRIPT_RESOURCES);
    for (const v of script.slice(SCRIPT_RESOURCES.length)) if (!HASH.test(v)) problems.push(`${name}: script-src allows ${v}`);
    const style = policy.get('style-src') ?? [];
    expect(style[0], `${name}: style-src`).toBe("'self'");
    for (const v of style.slice(1)) if (!HASH.test(v)) problems.push(`${name}: style-src allows ${v}`);
    // Hashes cannot allow these, so the browser would block them (and report a violation).
    const { scripts, styles } = inlineHashes(html);
    for (const h of scripts) if (!script.includes(h)) problems.push(`${name}: inline script ${h} not allowed by its policy`);
    for (const h of styles) if (!style.includes(h)) problems.push(`${name}: inline style ${h} not allowed by its policy`);
    for (const t of scanTags(html)) {
      for (const [attr, value] of t.attrs) {
        if (/^on[a-z]+$/.test(attr)) problems.push(`${name}: <${t.name} ${attr}> inline event handler`);
        if (attr === 'style') problems.push(`${name}: <${t.name} style="${value}"> inline style attribute`);
        if (/^\s*javascript:/i.test(value)) problems.push(`${name}: <${t.name} ${attr}="${value}">`);
      }
    }
  }
  expect(problems).toEqual([]);
});

/** The header policy the build must have written: the shared directives plus every page's hashes. */
const expectedCsp = headerCsp(collectHashes(files.flatMap((f) => metaCspOf(readFileSync(f, 'utf8')))));

const pages = [...samplePages(), ['404', '/no-such-page/'] as const];

test('responses carry the security headers from _headers', async ({ request }) => {
  const css = scanTags(readFileSync(join(DIST, 'index.html'), 'utf8')).find((t) => t.name === 'link' && t.attrs.get('rel') === 'stylesheet');
  const urls = [...pages.map(([, p]) => p), ...(css ? [css.attrs.get('href')!] : []), '/pagefind/pagefind.js', '/favicon.svg'];
  for (const url of urls) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h['content-security-policy'], url).toBe(expectedCsp);
    expect(h['content-security-policy'], url).toContain("frame-ancestors 'none'");
    for (const [k, v] of STATIC_HEADERS) expect(h[k!.toLowerCase()], `${url} ${k}`).toBe(v);
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    const pp = h['permissions-policy'] ?? '';
    for (const f of ['camera=()', 'microphone=()', 'geolocation=()', 'browsing-topics=()']) expect(pp, url).toContain(f);
    // Copy buttons and read-aloud must keep working.
    expect(pp).not.toMatch(/clipboard|speaker|speech/);
    expect(res.headers()['content-encoding'] ?? 'br', `${url} is served compressed or small`).toMatch(/br|gzip/);
  }
});

/** Collects CSP violations (DOM event and console), uncaught errors and console errors of a page. */
async function guard(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (msg) => {
    const text = msg.text();
    // The 404 page is served with status 404, which Chromium logs as a failed resource.
    if (msg.type() === 'error' && /status of 404/.test(text) && /no-such-page/.test(msg.location().url)) return;
    if (msg.type() === 'error' || /Content[- ]Security[- ]Policy|Permissions[- ]Policy/i.test(text)) problems.push(`console ${msg.type()}: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return {
    problems,
    async collect() {
      const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []);
      return [...problems, ...csp.map((c) => `CSP: ${c}`)];
    },
  };
}

test('no page type triggers a CSP violation or a script error, search included', async ({ page }) => {
  const g = await guard(page);
  const seen: string[] = [];
  for (const [type, path] of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    if (type === 'search') {
      // Search runs Pagefind's WebAssembly: the one place 'wasm-unsafe-eval' is needed.
      await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('link').first()).toBeVisible({ timeout: 15_000 });
    }
    // The header search box is on every page; typing in it exercises any as-you-type search.
    const header = page.locator('#header-search');
    if (await header.isVisible()) {
      await header.fill('紧急联系人');
      await page.waitForLoadState('networkidle');
    }
    seen.push(...(await g.collect()).map((p) => `${path}: ${p}`));
    g.problems.length = 0;
  }
  expect(seen).toEqual([]);
});

test('the site cannot be framed by another page', async ({ page, baseURL }) => {
  const g = await guard(page);
  await page.setContent(`<iframe src="${baseURL}/" title="t"></iframe>`);
  const frame = page.frames()[1];
  await page.waitForTimeout(500);
  // A blocked frame shows the browser's error page: the site's skip link never renders inside it.
  const ours = await frame?.locator('a[href="#main"]').count().catch(() => 0);
  expect(ours ?? 0).toBe(0);
  expect(g.problems.join('\n')).toMatch(/frame-ancestors/);
});

test('powerful features are switched off but copying is allowed', async ({ page }) => {
  await page.goto('/');
  const allowed = await page.evaluate(() => {
    const fp = (document as unknown as { featurePolicy?: { allowsFeature(f: string): boolean } }).featurePolicy;
    if (!fp) return undefined;
    return { camera: fp.allowsFeature('camera'), geolocation: fp.allowsFeature('geolocation'), clipboard: fp.allowsFeature('clipboard-write') };
  });
  test.skip(allowed === undefined, 'this browser has no document.featurePolicy');
  expect(allowed).toEqual({ camera: false, geolocation: false, clipboard: true });
});
