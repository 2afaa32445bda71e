import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { guardPage } from './support/guard';

const results = (page: Page) => page.locator('[data-search-results]');
const done = (page: Page) =>
  page.locator('[data-search-results][data-search-state="done"]').waitFor({ state: 'attached' });
const headerPanel = (page: Page) => page.locator('#header-search-panel');

test.describe('header search box', () => {
  test('loads no search code until the reader focuses it, then shows up to five results', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    const searchRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/pagefind\/|search-instant|synonyms\.json/.test(r.url())) searchRequests.push(r.url());
    });
    await page.goto('/emergency-contacts/');
    await page.waitForLoadState('networkidle');
    expect(searchRequests, 'search code before focus').toEqual([]);

    await page.locator('#header-search').focus();
    await expect.poll(() => searchRequests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);

    await page.keyboard.insertText('半夜打电话催收');
    const panel = headerPanel(page);
    await expect(panel).toBeVisible();
    const items = panel.locator('[data-search-list] > li');
    await expect(items.first()).toBeVisible();
    expect(await items.count()).toBeLessThanOrEqual(5);
    const first = items.first().locator('a');
    await expect(first).toHaveAttribute('href', /^\//);
    const more = panel.getByRole('link', { name: /查看全部结果/ });
    await expect(more).toHaveAttribute('href', `/search/?q=${encodeURIComponent('半夜打电话催收')}`);
    await expect(page.locator('[data-search-box] [role="status"]').first()).toContainText(/找到 \d+ 条结果/);
    // Titles and matched headings come from the search digest: no page contents are downloaded.
    expect(searchRequests.some((u) => u.endsWith('/pagefind/pages.json'))).toBe(true);
    expect(searchRequests.filter((u) => u.includes('/pagefind/fragment/'))).toEqual([]);
    guard.assertClean();
  });

  test('instant results name the question a chapter answers, linked to its heading', async ({ page }) => {
    await page.goto('/history/');
    await page.locator('#header-search').focus();
    await page.keyboard.insertText('紧急联系人要还钱吗');
    const heading = headerPanel(page).locator('a[href="/emergency-contacts/#我被填成紧急联系人要替他还钱吗"]');
    await expect(heading).toBeVisible();
    await expect(heading).toContainText('紧急联系人');
    await expect(heading).toContainText('要替他还钱吗');
    await heading.click();
    await expect(page).toHaveURL(/\/emergency-contacts\/#/);
    await expect(page.locator('h2#我被填成紧急联系人要替他还钱吗')).toBeInViewport();
  });

  test('Pagefind data is sent brotli-compressed to browsers that ask, gzip as built to others', async ({ request }) => {
    const file = '/pagefind/wasm.unknown.pagefind';
    const br = await request.get(file, { headers: { 'Accept-Encoding': 'br' } });
    expect(br.headers()['content-encoding']).toBe('br');
    // Decoded by the browser, the data starts with Pagefind's marker for "already decompressed".
    expect((await br.body()).subarray(0, 12).toString('latin1')).toBe('pagefind_dcd');
    const plain = await request.get(file, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect([...(await plain.body()).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  });

  test('works from the keyboard: ↓ into the results, Esc back, Enter submits to /search/', async ({ page }) => {
    await page.goto('/history/');
    const input = page.locator('#header-search');
    await input.focus();
    await page.keyboard.insertText('爆通讯录');
    const panel = headerPanel(page);
    await expect(panel.locator('[data-search-list] > li a').first()).toBeVisible();

    await input.press('ArrowDown');
    await expect(panel.locator('a').first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(panel.locator('a').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(input).toBeFocused();
    await input.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(input).toBeFocused();

    await input.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=%E7%88%86%E9%80%9A%E8%AE%AF%E5%BD%95$/);
    await done(page);
    await expect(results(page).locator('> li').first()).toBeVisible();
  });

  test('a result in the panel opens its page', async ({ page }) => {
    await page.goto('/');
    await page.locator('#header-search').focus();
    await page.keyboard.insertText('紧急联系人要还钱吗');
    const link = headerPanel(page).locator('[data-search-list] > li a').first();
    await expect(link).toBeVisible();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${href.split('#')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

test.describe('/search/ page', () => {
  test('reads ?q= and lists results with title, matching question and highlighted excerpt', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    await page.goto(`/search/?q=${encodeURIComponent('紧急联系人要还钱吗')}`);
    await done(page);
    await expect(page.locator('#search-page-input')).toHaveValue('紧急联系人要还钱吗');
    const items = results(page).locator(':scope > li');
    await expect(items.first()).toBeVisible();
    // Contract: each result is an <li> whose first link goes to the result page.
    const firstHrefs = await items.evaluateAll((lis) => lis.slice(0, 3).map((li) => li.querySelector('a')!.getAttribute('href')));
    expect(firstHrefs).toContain('/emergency-contacts/');
    await expect(items.first().locator('a').nth(1)).toContainText('问题：');
    await expect(items.first().locator('mark').first()).toBeVisible();
    await expect(page.locator('#search-status')).toHaveText(/^找到 \d+ 条结果$/);
    await expect(page.locator('#search-status')).toHaveAttribute('aria-live', 'polite');
    guard.assertClean();
  });

  test('typing updates the address so the search can be shared', async ({ page }) => {
    await page.goto('/search/');
    await page.locator('#search-page-input').focus();
    await page.keyboard.insertText('停息挂账');
    await expect(page).toHaveURL(/\?q=%E5%81%9C%E6%81%AF%E6%8C%82%E8%B4%A6$/);
    await done(page);
    await expect(results(page).locator(':scope > li').first()).toBeVisible();
  });

  test('filters by type and by audience, and keeps them in the address', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('上门')}`);
    await done(page);
    await page.getByRole('radio', { name: '法规' }).check();
    await expect(page).toHaveURL(/type=law/);
    await done(page);
    const kinds = results(page).locator(':scope > li > span');
    await expect(kinds.first()).toHaveText('法规');
    expect(new Set(await kinds.allTextContents())).toEqual(new Set(['法规']));

    await page.getByRole('radio', { name: '判断' }).check();
    await page.getByRole('group', { name: '写给谁' }).getByRole('radio', { name: '紧急联系人' }).check();
    await expect(page).toHaveURL(/who=emergency-contact/);
    await expect(page).toHaveURL(/type=verdict/);
    await done(page);
    const hrefs = await results(page)
      .locator(':scope > li')
      .evaluateAll((lis) => lis.map((li) => li.querySelector('a')!.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h).toMatch(/^\/checker\/[a-z-]+\/[a-z-]+\/$/);
    expect(hrefs).toContain('/checker/emergency-contact/home-visit/');
    expect(hrefs.filter((h) => h.startsWith('/checker/borrower/'))).toEqual([]);

    // The filters come back from a shared address.
    await page.goto(`/search/?q=${encodeURIComponent('上门')}&type=verdict&who=borrower`);
    await done(page);
    await expect(page.getByRole('radio', { name: '判断' })).toBeChecked();
    await expect(page.getByRole('group', { name: '写给谁' }).getByRole('radio', { name: '借款人' })).toBeChecked();
  });

  test('empty, very long, emoji and markup-like queries never break the page or inject markup', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto('/search/?q=');
    await done(page);
    await expect(results(page).locator(':scope > li')).toHaveCount(0);
    await expect(page.locator('[data-search-examples]')).toBeVisible();

    await page.goto(`/search/?q=${encodeURIComponent('😀🙏🏽')}`);
    await done(page);
    await expect(results(page).locator(':scope > li')).toHaveCount(0);

    const long = '催收半夜打电话'.repeat(143);
    await page.goto(`/search/?q=${encodeURIComponent(long)}`);
    await done(page);
    await expect(page.locator('#search-page-input')).toHaveValue(long.slice(0, 100));

    const nasty = '"><img src=x onerror=alert(1)><script>alert(2)</script>&lt;b&gt;';
    await page.goto(`/search/?q=${encodeURIComponent(nasty)}`);
    await done(page);
    await expect(page.locator('main img, main script:not([type="module"]):not([src])')).toHaveCount(0);
    await expect(page.locator('#search-status')).not.toBeEmpty();

    // Typed into the header box too.
    await page.locator('#header-search').fill(nasty);
    await page.locator('#header-search').fill('催'.repeat(1000));
    await expect(page.locator('#header-search')).toHaveValue('催'.repeat(100));
    await page.locator('#header-search').fill('');
    await expect(headerPanel(page)).toBeHidden();

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    guard.assertClean();
  });

  test('passes axe checks with results shown', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('爆通讯录')}`);
    await done(page);
    const scan = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  test('the open header panel passes axe checks', async ({ page }) => {
    await page.goto('/borrower-rights/');
    await page.locator('#header-search').focus();
    await page.keyboard.insertText('上门');
    await expect(headerPanel(page).locator('[data-search-list] > li a').first()).toBeVisible();
    const scan = await new AxeBuilder({ page }).include('header').analyze();
    expect(scan.violations.map((v) => v.id)).toEqual([]);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says so and lists the chapters; the header box still submits', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('爆通讯录')}`);
    await expect(page.getByText('搜索需要浏览器开启 JavaScript')).toBeVisible();
    await expect(page.locator('[data-search-browse] a[href="/emergency-contacts/"]')).toBeVisible();
    await expect(page.locator('[data-search-filters]')).toBeHidden();

    await page.goto('/emergency-contacts/');
    await page.locator('#header-search').fill('半夜');
    await page.locator('#header-search').press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=%E5%8D%8A%E5%A4%9C$/);
  });
});
