/**
 * Privacy gate: a reader visits every page type and types into every form. Nothing may be requested
 * from another origin, nothing typed may appear in any request, no cookie may be set, and nothing may
 * be stored on the device (localStorage, sessionStorage, IndexedDB, Cache Storage, service workers)
 * unless the reader chose it: the large-text setting and the call log they ask to keep.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { samplePages } from './support/site';

/**
 * localStorage keys a reader's own explicit choice may create, and where each is written:
 * - the call log, kept on this device only after the reader ticks 「在这台设备上保存记录」
 *   (src/lib/letters/calllog.ts STORAGE_KEY);
 * - the text-size setting 「大字」 (src/lib/reading/keys.ts TEXT_SIZE_KEY).
 * Written out here rather than imported, so a new key needs a deliberate change to this test.
 */
const CALL_LOG_KEY = 'cuishou-call-log';
const TEXT_SIZE_KEY = 'cuishou:text-size';
const ALLOWED_KEYS = new Set([CALL_LOG_KEY, TEXT_SIZE_KEY]);

/** Typed into every field; must never appear in a request. */
const SENTINEL = '隐私哨兵Zq7';

function watch(context: BrowserContext, origin: string) {
  const outside: string[] = [];
  const leaks: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) outside.push(url);
    const body = req.postData() ?? '';
    let decoded = url;
    try {
      decoded = decodeURIComponent(url);
    } catch {
      // keep the raw URL
    }
    if (decoded.includes(SENTINEL) || body.includes(SENTINEL)) leaks.push(`${req.method()} ${url}`);
  });
  return { outside, leaks };
}

/** Everything the site could have left on the device for this origin. */
async function stored(page: Page) {
  return page.evaluate(async () => {
    const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)!);
    const dbs = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name ?? '?') : [];
    const cacheNames = 'caches' in window ? await caches.keys() : [];
    const workers = 'serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0;
    return {
      cookie: document.cookie,
      local: keys(localStorage),
      session: keys(sessionStorage),
      indexedDB: dbs,
      caches: cacheNames,
      serviceWorkers: workers,
    };
  });
}

const NOTHING = { cookie: '', local: [], session: [], indexedDB: [], caches: [], serviceWorkers: 0 };
const pages = [...samplePages(), ['404', '/no-such-page/'] as const];

test('reading every page type sends nothing elsewhere and stores nothing', async ({ page, context, baseURL }) => {
  const { outside } = watch(context, new URL(baseURL!).origin);
  for (const [, path] of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await stored(page), path).toEqual(NOTHING);
  }
  expect(outside).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('what a reader types stays in the browser and is not stored without asking', async ({ page, context, baseURL }) => {
  const { outside, leaks } = watch(context, new URL(baseURL!).origin);
  let typed = 0;
  for (const [, path] of pages) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Every visible text field: search boxes, letter fields, the call log. Nothing is submitted;
    // a search box may search as you type, which must stay on the device.
    const fields = page.locator(
      'input:is([type="text"], [type="search"], [type="tel"], [type="email"], :not([type])):visible, textarea:visible',
    );
    const n = await fields.count();
    for (let i = 0; i < n; i++) {
      const field = fields.nth(i);
      if (!(await field.isEditable())) continue;
      await field.fill(SENTINEL);
      await field.press('Tab');
      typed++;
    }
    await page.waitForLoadState('networkidle');
    const s = await stored(page);
    expect(s.cookie, path).toBe('');
    expect([...s.local, ...s.session], `${path}: stored without the reader asking`).toEqual([]);
  }
  expect(typed, 'forms were found and filled').toBeGreaterThan(2);
  expect(leaks, 'requests carrying typed text').toEqual([]);
  expect(outside).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});

test('only the allow-listed keys exist in the code that writes storage', async () => {
  // A cheap cross-check that the allow-list matches the code: each allowed key is written somewhere.
  const { readFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  const code = walk('src')
    .filter((f) => /\.(ts|astro|mjs|js)$/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  for (const key of ALLOWED_KEYS) expect(code, `allow-listed key ${key} is used in src/`).toContain(`'${key}'`);
  expect(code, 'no cookies are written').not.toMatch(/document\.cookie\s*=/);
  expect(code, 'no IndexedDB').not.toMatch(/indexedDB\.open/);
});

test("the reader's own choices are the only things kept, and only while chosen", async ({ page, context, baseURL }) => {
  const { outside, leaks } = watch(context, new URL(baseURL!).origin);
  const keys = () => page.evaluate(() => Object.keys(localStorage).sort());

  // 「大字」 on an article page.
  await page.goto('/emergency-contacts/');
  const large = page.locator('[data-text-toggle]');
  await large.click();
  expect(await keys()).toEqual([TEXT_SIZE_KEY]);
  await large.click();
  expect((await keys()).every((k) => ALLOWED_KEYS.has(k))).toBe(true);
  await page.evaluate(() => localStorage.clear());

  // The call log: rows stay in memory until the reader asks to keep them on this device.
  await page.goto('/letters/call-log/');
  const form = page.locator('[data-call-log] form');
  const first = form.locator('input:is([type="text"], [type="tel"], :not([type])), textarea').first();
  await first.fill(SENTINEL);
  await form.getByRole('button', { name: '添加这一行' }).click();
  await expect(page.locator('[data-rows] tr')).not.toHaveCount(0);
  expect(await keys(), 'nothing kept before the reader asks').toEqual([]);
  const save = page.locator('[data-save]');
  await save.check();
  expect(await keys()).toEqual([CALL_LOG_KEY]);
  await save.uncheck();
  expect(await keys(), 'unticking deletes the saved copy').toEqual([]);

  expect(await context.cookies()).toEqual([]);
  expect(leaks).toEqual([]);
  expect(outside).toEqual([]);
});
