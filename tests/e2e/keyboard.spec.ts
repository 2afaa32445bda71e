/**
 * Keyboard-only walks: a reader without a mouse can search and get to an answer, and fill in a letter
 * and reach its buttons. Every stop shows a visible focus indicator. (The checker's keyboard walk is
 * in checker.spec.ts.)
 */
import { expect, test, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus; fails after `max` presses. Returns the stops passed. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return i;
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page);
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The focused element draws an outline or a box shadow, so sighted keyboard users can see it. */
async function expectVisibleFocus(page: Page) {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    // Date and time inputs take focus in their own segments, which Chromium highlights itself.
    if (el instanceof HTMLInputElement && /^(date|time|datetime-local|month|week)$/.test(el.type)) return 'ok';
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none';
    return outline || shadow ? 'ok' : `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
  });
  expect(['ok', 'body'], `focus is not visible on ${ring}`).toContain(ring);
}

test('search by keyboard: header box, Enter, Tab to a result, Enter opens it', async ({ page }) => {
  await page.goto('/');
  await tabTo(page, page.locator('#header-search'));
  await page.keyboard.type('紧急联系人');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  const results = page.getByRole('list', { name: '搜索结果' });
  const first = results.getByRole('link').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  await tabTo(page, first);
  const href = await first.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(/\/search\//);
  expect(new URL(page.url()).pathname).toBe(new URL(href!, page.url()).pathname);
  await expect(page.locator('h1')).toBeVisible();
});

test('a letter by keyboard: every field can be reached and filled, and the copy button pressed', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/letters/stop-contact/');
  const form = page.locator('[data-letter] [data-form]');
  await expect(form).toBeVisible();
  const fields = form.locator('input, textarea, select');
  const n = await fields.count();
  expect(n).toBeGreaterThan(2);
  await tabTo(page, fields.first());
  for (let i = 0; i < n; i++) {
    const field = fields.nth(i);
    await expect(field).toBeFocused();
    const type = await field.getAttribute('type');
    if (type === 'date') await page.keyboard.type('2026-11-30'.replaceAll('-', ''));
    else if (type !== 'checkbox' && type !== 'radio') await page.keyboard.type(`键盘${i}`);
    // Next field: some fields carry a help link or button between them; Tab on until the next one.
    if (i < n - 1) await tabTo(page, fields.nth(i + 1), 5);
  }
  await expect(page.locator('[data-letter-text]')).toContainText('键盘0');
  const copy = page.getByRole('button', { name: '复制全文' });
  await tabTo(page, copy, 10);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-letter] [data-status]')).not.toBeEmpty();
});
