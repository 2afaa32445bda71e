import { expect, test } from '@playwright/test';
import { guardPage } from './support/guard';

test('home page: language, two doors, checker and search on the first screen', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const borrower = page.getByRole('link', { name: /我是借款人/ });
  const contact = page.getByRole('link', { name: /我是紧急联系人/ });
  await expect(borrower).toBeInViewport();
  await expect(contact).toBeInViewport();
  await expect(page.getByRole('link', { name: /催收员能对我做什么/ }).first()).toBeVisible();
  await expect(page.locator('#header-search')).toBeVisible();
  await expect(page.locator('footer')).toContainText('本站内容用于普及知识，不构成法律意见。');
  guard.assertClean();
});

test('skip link is the first tab stop and moves focus to the main content', async ({ page }) => {
  await page.goto('/emergency-contacts/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main#main')).toBeFocused();
});

test('header navigation reaches the main chapters, the checker and search', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: '主要栏目' });
  for (const [name, path] of [
    ['紧急联系人', '/emergency-contacts/'],
    ['借款人', '/borrower-rights/'],
    ['常见问题', '/common-problems/'],
  ] as const) {
    await nav.getByRole('link', { name, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.locator('h1')).toBeVisible();
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
  }
  await page.locator('#header-search').fill('紧急联系人');
  await page.locator('#header-search').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
});

test('a chapter shows its answer box, dates and a table of contents whose anchors land on the questions', async ({ page }) => {
  await page.goto('/history/');
  await expect(page.locator('.answer')).toContainText('一句话回答');
  await expect(page.locator('time').first()).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  const toc = page.getByRole('navigation', { name: '本页问题' });
  const links = toc.getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(4);
  const h2Count = await page.locator('.prose h2').count();
  expect(count).toBe(h2Count);
  for (const i of [0, count - 1]) {
    const link = links.nth(i);
    const href = (await link.getAttribute('href'))!;
    const text = (await link.textContent())!.trim();
    await link.click();
    const target = page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`);
    await expect(target).toHaveText(text);
    await expect(target).toBeInViewport();
  }
  await expect(page.getByRole('link', { name: /上一篇|下一篇/ }).first()).toBeVisible();
});

test('unknown addresses get a helpful 404 page with search and the main links', async ({ page }) => {
  const res = await page.goto('/no-such-page/');
  expect(res?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('找不到这个页面');
  await expect(page.locator('#notfound-search')).toBeVisible();
  await expect(page.getByRole('link', { name: '催收员能对我做什么？' })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
});

test('pages carry canonical URLs and descriptions from the front matter', async ({ page }) => {
  await page.goto('/emergency-contacts/');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/emergency-contacts\/$/);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description!.length).toBeGreaterThan(10);
  expect(description!.length).toBeLessThanOrEqual(120);
  const robots = await page.request.get('/robots.txt');
  expect(await robots.text()).toContain('Sitemap:');
  const sitemap = await page.request.get('/sitemap-index.xml');
  expect(sitemap.status()).toBe(200);
});

test('at 360 px nothing overflows sideways', async ({ page }) => {
  for (const path of ['/', '/emergency-contacts/', '/laws/civil-code/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
