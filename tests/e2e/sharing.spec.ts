/**
 * Sharing and reading (issue 8): link-preview meta and images, JSON-LD, the share bar (copy link,
 * share sheet, QR code), heading anchors, print, 大字 and 朗读.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { guardPage } from './support/guard';
import { ogSpecsFromFiles } from '../../src/lib/og/early';
import { cacheFile } from '../../src/lib/og/render';
import { SITE_TAGLINE } from '../../src/lib/site';

const CHAPTER = '/history/';
const LETTER = '/letters/stop-contact/';
const VERDICT = '/checker/borrower/night-calls/';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const meta = (page: Page, attr: 'property' | 'name', key: string) =>
  page.locator(`meta[${attr}="${key}"]`).getAttribute('content');

async function jsonLd(page: Page): Promise<{ '@type': string; [k: string]: unknown }[]> {
  const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(scripts).toHaveLength(1);
  const data = JSON.parse(scripts[0]!) as { '@context': string; '@graph': { '@type': string }[] };
  expect(data['@context']).toBe('https://schema.org');
  return data['@graph'];
}

test.describe('link previews and structured data', () => {
  test('the images drawn early, from the raw content files, are the ones the build ships', async ({ request }) => {
    // The early start (src/integrations/og-images.ts) only saves time if it draws exactly what Astro's
    // validated content asks for; otherwise the build quietly draws everything a second time.
    const specs = ogSpecsFromFiles(process.cwd(), SITE_TAGLINE);
    expect(specs, 'content files readable without Astro').toBeDefined();
    for (const spec of specs!) {
      const res = await request.get(`/og/${spec.name}.png`);
      expect(res.status(), spec.name).toBe(200);
      const file = cacheFile(spec);
      expect(existsSync(file), `${spec.name}: no early drawing (${file})`).toBe(true);
      const drawnEarly = readFileSync(file);
      expect((await res.body()).equals(drawnEarly), `/og/${spec.name}.png is the early drawing`).toBe(true);
    }
  });

  for (const [path, own] of [
    [CHAPTER, 'history'],
    [LETTER, 'letters-stop-contact'],
    [VERDICT, 'checker-borrower-night-calls'],
    ['/laws/', 'default'],
  ] as const) {
    test(`${path}: meta tags, and og:image is a 1200×630 PNG`, async ({ page, baseURL, request }) => {
      const guard = guardPage(page, baseURL!);
      await page.goto(path);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
      expect(new URL(canonical!).pathname).toBe(path);
      expect(await meta(page, 'property', 'og:url')).toBe(canonical);
      expect(await meta(page, 'property', 'og:locale')).toBe('zh_CN');
      expect(await meta(page, 'property', 'og:site_name')).toBe('催收明白纸');
      expect((await meta(page, 'property', 'og:title'))!.length).toBeGreaterThan(1);
      expect((await meta(page, 'property', 'og:description'))!.length).toBeGreaterThan(5);
      expect(await meta(page, 'property', 'og:type')).toBe(path === '/laws/' ? 'website' : 'article');
      expect(await meta(page, 'property', 'og:image:alt')).toContain('催收明白纸');
      expect(await meta(page, 'name', 'twitter:card')).toBe('summary_large_image');
      expect(await meta(page, 'name', 'twitter:title')).toBe(await meta(page, 'property', 'og:title'));

      const image = new URL((await meta(page, 'property', 'og:image'))!);
      expect(image.pathname).toBe(`/og/${own}.png`);
      expect(await meta(page, 'name', 'twitter:image')).toBe(image.href);
      const res = await request.get(image.pathname);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      expect(pngSize(await res.body())).toEqual({ width: 1200, height: 630 });
      guard.assertClean();
    });
  }

  test('chapters carry Article and BreadcrumbList JSON-LD that matches the page', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    await page.goto(CHAPTER);
    const graph = await jsonLd(page);
    const article = graph.find((g) => g['@type'] === 'Article')!;
    const title = await meta(page, 'property', 'og:title');
    expect(article.headline).toBe(title);
    expect(article.inLanguage).toBe('zh-CN');
    expect(article.image).toBe(await meta(page, 'property', 'og:image'));
    expect(article.dateModified).toBe(await page.locator('time').first().getAttribute('datetime'));
    const crumbs = graph.find((g) => g['@type'] === 'BreadcrumbList')!.itemListElement as { position: number; name: string; item: string }[];
    expect(crumbs.map((c) => c.position)).toEqual([1, 2]);
    expect(crumbs[0]!.name).toBe('首页');
    expect(crumbs[1]).toMatchObject({ name: title, item: await page.locator('link[rel="canonical"]').getAttribute('href') });
    guard.assertClean();
  });

  test('verdict pages get a breadcrumb through the checker and the role page', async ({ page }) => {
    await page.goto(VERDICT);
    const crumbs = (await jsonLd(page)).find((g) => g['@type'] === 'BreadcrumbList')!.itemListElement as { item: string }[];
    expect(crumbs.map((c) => new URL(c.item).pathname)).toEqual(['/', '/checker/', '/checker/borrower/', VERDICT]);
  });

  test('the home page has no breadcrumb and uses the default image', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
    expect(new URL((await meta(page, 'property', 'og:image'))!).pathname).toBe('/og/default.png');
  });
});

test.describe('share bar', () => {
  test('copy link puts the page address on the clipboard and says so', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const guard = guardPage(page, baseURL!);
    await page.goto(`${CHAPTER}#借钱给你的可能是谁`);
    const bar = page.getByRole('region', { name: '把这一页发给需要的人' });
    await bar.getByRole('button', { name: '复制链接' }).click();
    await expect(bar.getByRole('status')).toContainText('已复制链接');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(CHAPTER, baseURL).href);
    guard.assertClean();
  });

  test('the share-sheet button shows only where the browser has one, and sends title, summary and link', async ({ page, baseURL }) => {
    await page.goto(CHAPTER);
    const bar = page.getByRole('region', { name: '把这一页发给需要的人' });
    const hasShare = await page.evaluate(() => 'share' in navigator);
    await expect(bar.getByRole('button', { name: '分享到…' })).toBeVisible({ visible: hasShare });

    await page.addInitScript(() => {
      const calls: ShareData[] = [];
      Object.defineProperty(window, '__shared', { value: calls });
      Object.defineProperty(navigator, 'share', { value: (d: ShareData) => (calls.push(d), Promise.resolve()), configurable: true });
    });
    await page.reload();
    await bar.getByRole('button', { name: '分享到…' }).click();
    const shared = (await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared))[0]!;
    const title = (await meta(page, 'property', 'og:title'))!;
    expect(shared.url).toBe(new URL(CHAPTER, baseURL).href);
    expect(shared.title).toBe(title);
    expect(shared.text).toBe(`${title}：${await meta(page, 'name', 'description')}`);
  });

  test('the QR code loads only when asked for, and is an SVG of the page', async ({ page }) => {
    const qrRequests: string[] = [];
    page.on('request', (r) => r.url().includes('/og/qr/') && qrRequests.push(r.url()));
    await page.goto(LETTER);
    const bar = page.getByRole('region', { name: '把这一页发给需要的人' });
    const img = bar.getByRole('img', { name: /二维码/ });
    await expect(img).toBeHidden();
    await page.waitForLoadState('networkidle');
    expect(qrRequests).toEqual([]);
    await bar.getByText('显示二维码').click();
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    expect(qrRequests).toHaveLength(1);
    expect(new URL(qrRequests[0]!).pathname).toBe('/og/qr/letters-stop-contact.svg');
    await expect(img).toHaveAttribute('alt', /\/letters\/stop-contact\/$/);
  });
});

test.describe('heading anchors (mouse and keyboard)', () => {
  test.use({ hasTouch: false, isMobile: false, viewport: { width: 1024, height: 800 } });

  test('every body h2/h3 has its TOC id and a link to itself that shows on hover and focus', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    await page.goto(CHAPTER);
    const tocTargets = await page
      .getByRole('navigation', { name: '本页问题' })
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href')!.slice(1))));
    const headings = page.locator('.prose :is(h2, h3)');
    const ids = await headings.evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.every(Boolean)).toBe(true);
    expect(tocTargets.every((t) => ids.includes(t))).toBe(true);

    for (const id of [ids[0]!, ids.at(-1)!]) {
      const heading = page.locator(`[id="${id}"]`);
      const anchor = heading.locator('xpath=following-sibling::a[1]');
      expect(decodeURIComponent((await anchor.getAttribute('href'))!)).toBe(`#${id}`);
      await expect(anchor).toHaveAccessibleName(`本节链接：${(await heading.textContent())!.trim()}`);
      await page.mouse.move(0, 0);
      await expect(anchor).toHaveCSS('opacity', '0');
      await heading.hover();
      await expect(anchor).toHaveCSS('opacity', '1');
      await page.mouse.move(0, 0);
      await anchor.focus();
      await expect(anchor).toHaveCSS('opacity', '1');
      await anchor.click();
      const url = new URL(page.url());
      expect(decodeURIComponent(url.hash)).toBe(`#${id}`);
      expect(url.pathname).toBe(CHAPTER);
      // Copying the link address gives the page URL with the fragment.
      expect(await anchor.evaluate((a: HTMLAnchorElement) => a.href)).toBe(page.url());
    }
    // The heading's own text stays the question (search index, TOC, screen readers).
    await expect(page.locator(`[id="${tocTargets[0]}"]`)).not.toContainText('#');
    guard.assertClean();
  });
});

test.describe('print', () => {
  for (const path of [CHAPTER, LETTER, VERDICT]) {
    test(`${path} prints without navigation and tools, with notes and link addresses`, async ({ page }) => {
      await page.goto(path);
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.site-header', 'nav', '.site-footer', 'form[role="search"]', '.share', '.reading-tools', '.heading-anchor', 'button']) {
        const all = page.locator(hidden);
        for (let i = 0; i < (await all.count()); i++) await expect(all.nth(i), hidden).toBeHidden();
      }
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('.print-address')).toContainText(new URL(path, 'https://x').pathname);
      const notes = page.locator('.notes');
      if (await notes.count()) {
        await expect(notes).toBeVisible();
        const link = notes.locator('a[href^="/laws/"]').first();
        const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
        expect(after).toContain(await link.getAttribute('href'));
      }
      await page.emulateMedia({ media: 'screen' });
      await expect(page.locator('.site-header')).toBeVisible();
    });
  }
});

test.describe('大字 (large text)', () => {
  test('persists across pages on this device, applied before the page shows', async ({ page, context, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    await page.goto(CHAPTER);
    const html = page.locator('html');
    const small = await html.evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
    const toggle = page.getByRole('button', { name: '大字' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(html).toHaveAttribute('data-text', 'large');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await html.evaluate((h) => parseFloat(getComputedStyle(h).fontSize))).toBeGreaterThan(small);

    // Another page, including one without the tools: large from the first paint (set in <head>).
    for (const next of ['/laws/', LETTER]) {
      await page.goto(next, { waitUntil: 'commit' });
      await page.waitForSelector('body', { state: 'attached' });
      expect(await html.getAttribute('data-text'), next).toBe('large');
    }
    await expect(page.getByRole('button', { name: '大字' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: '大字' }).click();
    await page.goto(CHAPTER);
    await expect(html).not.toHaveAttribute('data-text', 'large');
    expect(await context.cookies()).toEqual([]);
    guard.assertClean();
  });
});

test.describe('朗读 (read aloud)', () => {
  test('hidden when the browser has no on-device Chinese voice', async ({ page }) => {
    await page.goto(CHAPTER);
    await expect(page.getByRole('button', { name: '大字' })).toBeVisible();
    const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.localService && /^zh[-_]CN$/i.test(v.lang)).length);
    test.skip(voices > 0, 'this browser has a Chinese voice');
    await expect(page.getByRole('button', { name: '朗读' })).toBeHidden();
  });

  test('hidden when the only Chinese voice is an online one (it would send the text away)', async ({ page }) => {
    await page.addInitScript(stubSpeech, { localService: false });
    await page.goto(CHAPTER);
    await expect(page.getByRole('button', { name: '大字' })).toBeVisible();
    await expect(page.getByRole('button', { name: '朗读' })).toBeHidden();
  });

  test('with a zh-CN voice: reads the page, pauses, resumes and stops', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    await page.addInitScript(stubSpeech, { localService: true });
    await page.goto(CHAPTER);
    const play = page.getByRole('button', { name: '朗读' });
    await expect(play).toBeVisible();
    await expect(page.getByRole('button', { name: '停止' })).toBeHidden();
    await play.click();
    const log = () => page.evaluate(() => (window as unknown as { __speech: string[] }).__speech);
    const spoken = async () => (await log()).filter((l) => l.startsWith('speak:'));
    const h1 = (await page.locator('h1').textContent())!.trim();
    // The read-aloud code loads on this first press, then speaks one utterance at a time (the next
    // is queued when one ends), starting with the title.
    await expect.poll(spoken).toEqual([`speak:zh-CN:${h1}`]);
    await page.getByRole('button', { name: '暂停' }).click();
    expect((await log()).at(-1)).toBe('pause');
    await page.getByRole('button', { name: '继续朗读' }).click();
    expect((await log()).at(-1)).toBe('resume');
    await page.getByRole('button', { name: '停止' }).click();
    expect((await log()).at(-1)).toBe('cancel');
    await expect(page.getByRole('button', { name: '朗读' })).toBeVisible();
    await expect(page.getByRole('button', { name: '停止' })).toBeHidden();
    guard.assertClean();
  });

  test('reads the title, the answer and the body, not navigation, tools or notes', async ({ page }) => {
    await page.addInitScript(stubSpeech, { localService: true, autoEnd: true });
    await page.goto(CHAPTER);
    await page.getByRole('button', { name: '朗读' }).click();
    const spoken = async () =>
      (await page.evaluate(() => (window as unknown as { __speech: string[] }).__speech))
        .filter((l) => l.startsWith('speak:'))
        .map((l) => l.replace('speak:zh-CN:', ''))
        .join('');
    const lastHeading = (await page.locator('.prose h2').last().textContent())!.trim();
    await expect.poll(spoken).toContain(lastHeading);
    // Back to idle once everything is read.
    await expect(page.getByRole('button', { name: '停止' })).toBeHidden();
    const text = await spoken();
    expect(text).toContain((await page.locator('.answer p').last().textContent())!.trim().slice(0, 20));
    for (const skipped of ['本页问题', '法律依据', '把这一页发给需要的人', '上一篇', '跳到正文', '大字']) {
      expect(text).not.toContain(skipped);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('script-only controls are hidden; the QR code and the address still work', async ({ page }) => {
    await page.goto(CHAPTER);
    await expect(page.locator('.reading-tools')).toBeHidden();
    await expect(page.getByRole('button', { name: '复制链接' })).toBeHidden();
    const bar = page.getByRole('region', { name: '把这一页发给需要的人' });
    await bar.getByText('显示二维码').click();
    await expect(bar.getByRole('img', { name: /二维码/ })).toBeVisible();
    await expect(bar).toContainText('/history/');
  });
});

/** Replaces the Web Speech API with a recorder that has one zh-CN voice. Runs in the page. */
function stubSpeech({ localService, autoEnd = false }: { localService: boolean; autoEnd?: boolean }) {
  const log: string[] = [];
  Object.defineProperty(window, '__speech', { value: log });
  const voice = { lang: 'zh-CN', name: 'Stub 普通话', localService, default: true, voiceURI: 'stub' };
  class Utterance {
    text: string;
    voice: unknown = null;
    lang = '';
    rate = 1;
    onend: (() => void) | null = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => [voice, { ...voice, lang: 'en-US', name: 'Stub English' }],
      speak: (u: Utterance) => {
        log.push(`speak:${u.lang}:${u.text}`);
        if (autoEnd) setTimeout(() => u.onend?.(), 0);
      },
      pause: () => log.push('pause'),
      resume: () => log.push('resume'),
      cancel: () => log.push('cancel'),
      addEventListener: () => {},
    },
  });
}
