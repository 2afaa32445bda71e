import { expect, test, type Page } from '@playwright/test';
import { guardPage } from './support/guard';
import { evaluate, pairKey, summarise, VERDICT_LABELS, VERDICT_ORDER } from '../../src/lib/checker/evaluate';
import type { RoleData } from '../../src/lib/checker/data';

/**
 * The checker, against the built site. Expected verdicts come from the same JSON the tool reads
 * (itself built from content/checker/rules/*.yaml), never from guesses written into the test.
 */

const ROLES = ['borrower', 'emergency-contact', 'guarantor', 'spouse', 'relative-or-friend', 'employer-colleague'];

async function roleData(page: Page, role: string): Promise<RoleData> {
  const res = await page.request.get(`/checker/data/${role}.json`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as RoleData;
}

function expectedSummary(data: RoleData, did: string[]): string {
  const table = new Map(Object.entries(data.verdicts).map(([a, v]) => [pairKey(data.role, a), { ...v, roles: [data.role] }]));
  const e = evaluate(table, data.role, did, data.actions.map((a) => a.id));
  return summarise(e, e.results.length);
}

const cards = (page: Page) => page.locator('[data-checker-cards] > li');
const summary = (page: Page) => page.locator('[data-checker-summary]');

test('choosing a role and actions shows the right verdict for each, worst first', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  const data = await roleData(page, 'emergency-contact');
  await page.goto('/checker/');
  await page.getByRole('radio', { name: /紧急联系人/ }).check();
  const did = ['demand-repayment', 'night-calls', 'threaten-violence', 'ask-whereabouts', 'record-call'];
  for (const id of did) {
    const label = data.actions.find((a) => a.id === id)!.label;
    await page.getByRole('checkbox', { name: label, exact: true }).check();
  }
  await expect(cards(page)).toHaveCount(did.length);
  await expect(summary(page)).toHaveText(expectedSummary(data, did));

  const rank = (id: string) => VERDICT_ORDER.indexOf(data.verdicts[id]!.verdict);
  let last = -1;
  for (let i = 0; i < did.length; i++) {
    const card = cards(page).nth(i);
    const label = (await card.locator('h3').textContent())!;
    const id = data.actions.find((a) => a.label === label)!.id;
    const v = data.verdicts[id]!;
    await expect(card.locator('[data-verdict]')).toHaveAttribute('data-verdict', v.verdict);
    await expect(card).toContainText(v.headline);
    await expect(card.getByRole('link', { name: '看完整说明 →' })).toHaveAttribute('href', v.href);
    for (const c of v.cites) await expect(card.getByRole('link', { name: c.text, exact: true }).first()).toHaveAttribute('href', c.href);
    expect(rank(id)).toBeGreaterThanOrEqual(last);
    last = rank(id);
  }

  // The same actions for another role give that role's answers, in that role's order.
  const borrower = await roleData(page, 'borrower');
  await page.getByRole('radio', { name: /借款人本人/ }).check();
  await expect(summary(page)).toHaveText(expectedSummary(borrower, did));
  const table = new Map(Object.entries(borrower.verdicts).map(([a, v]) => [pairKey('borrower', a), { ...v, roles: ['borrower'] }]));
  const expected = evaluate(table, 'borrower', did, borrower.actions.map((a) => a.id)).results;
  const label = (id: string) => borrower.actions.find((a) => a.id === id)!.label;
  await expect(cards(page).locator('h3')).toHaveText(expected.map((r) => label(r.action)));
  await expect(cards(page).locator('[data-verdict]')).toHaveText(expected.map((r) => new RegExp(VERDICT_LABELS[r.rule.verdict].label)));
  guard.assertClean();
});

test('the state lives in the URL and comes back after a reload', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  await page.goto('/checker/');
  await page.getByRole('radio', { name: /保证人/ }).check();
  await page.locator('input[data-did][value="night-calls"]').check();
  await page.locator('input[data-did][value="demand-repayment"]').check();
  // Form order, not click order: links stay canonical.
  await expect(page).toHaveURL(/\/checker\/\?role=guarantor&did=demand-repayment,night-calls$/);
  await page.reload();
  await expect(page.getByRole('radio', { name: /保证人/ })).toBeChecked();
  await expect(page.locator('input[data-did]:checked')).toHaveCount(2);
  await expect(cards(page)).toHaveCount(2);
  await page.locator('input[data-did][value="night-calls"]').uncheck();
  await expect(page).toHaveURL(/\?role=guarantor&did=demand-repayment$/);
  await page.locator('input[data-did][value="demand-repayment"]').uncheck();
  await expect(page).toHaveURL(/\?role=guarantor$/);
  await expect(summary(page)).toHaveText('还没有勾选任何做法。');
  await expect(page.locator('[data-checker-note]')).toBeHidden();
  guard.assertClean();
});

test('a garbled link shows the tool, a gentle note and nothing injected', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('/checker/?role=<script>alert(1)</script>&did=foo,night-calls,<img src=x onerror=alert(2)>');
  await expect(page.locator('[data-checker-note]')).toHaveText('链接里有些内容无法识别，已忽略。');
  await expect(page.locator('[data-checker-note]')).toBeVisible();
  await expect(page.locator('input[name="role"]:checked')).toHaveCount(0);
  // night-calls is a real action, so it stays ticked; without a valid role there is no verdict yet.
  await expect(page.locator('input[data-did]:checked')).toHaveCount(1);
  await expect(page.locator('input[data-did][value="night-calls"]')).toBeChecked();
  await expect(cards(page)).toHaveCount(0);
  await expect(summary(page)).toContainText('先在第一步选出你是谁');
  await expect(page.locator('main img, main script:not([src])')).toHaveCount(0);
  await expect(page).toHaveURL(/\/checker\/\?did=night-calls$/);
  expect(dialogs).toEqual([]);

  // With a valid role, the usable part of a damaged link still gives its verdict.
  const data = await roleData(page, 'spouse');
  await page.goto('/checker/?role=spouse&did=night-calls,%3Cb%3E,zzz&x=1');
  await expect(page.locator('[data-checker-note]')).toBeVisible();
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().locator('[data-verdict]')).toHaveAttribute('data-verdict', data.verdicts['night-calls']!.verdict);
  await expect(page.locator('main b')).toHaveCount(0);
  await expect(page).toHaveURL(/\?role=spouse&did=night-calls$/);
  guard.assertClean();
});

test('the complaint draft link carries only what is not allowed', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  const data = await roleData(page, 'relative-or-friend');
  const all = data.actions.map((a) => a.id);
  const bad = all.filter((id) => ['prohibited', 'criminal'].includes(data.verdicts[id]!.verdict));
  const fine = all.filter((id) => !bad.includes(id));
  expect(bad.length).toBeGreaterThan(0);
  expect(fine.length).toBeGreaterThan(0);

  await page.goto(`/checker/?role=relative-or-friend&did=${fine.join(',')}`);
  await expect(cards(page)).toHaveCount(fine.length);
  await expect(page.locator('[data-checker-draft]')).toBeHidden();

  await page.goto(`/checker/?role=relative-or-friend&did=${all.join(',')}`);
  const draft = page.getByRole('link', { name: '生成投诉草稿' });
  await expect(draft).toBeVisible();
  const href = new URL((await draft.getAttribute('href'))!, baseURL);
  expect(href.pathname).toBe('/letters/complaint-to-lender/');
  expect(href.searchParams.get('role')).toBe('relative-or-friend');
  expect(href.searchParams.get('did')!.split(',')).toEqual(bad);
  guard.assertClean();
});

test('the copy button puts the current link on the clipboard and says so', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const guard = guardPage(page, baseURL!);
  await page.goto('/checker/?role=borrower&did=insult,record-call');
  await expect(cards(page)).toHaveCount(2);
  await page.getByRole('button', { name: '复制结果链接' }).click();
  await expect(page.locator('[data-checker-copied]')).toContainText('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  expect(page.url()).toMatch(/\/checker\/\?role=borrower&did=insult,record-call$/);
  guard.assertClean();
});

test('without a clipboard the link is shown selected, ready to copy by hand', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.goto('/checker/?role=borrower&did=insult');
  await page.getByRole('button', { name: '复制结果链接' }).click();
  const input = page.getByLabel(/结果链接/);
  await expect(input).toBeVisible();
  await expect(input).toHaveValue(page.url());
  await expect(input).toBeFocused();
});

test('keyboard only: choose a role with the arrow keys, tick with Space, hear the summary', async ({ page }) => {
  const data = await roleData(page, 'emergency-contact');
  await page.goto('/checker/');
  let onRadio = false;
  for (let i = 0; i < 40 && !onRadio; i++) {
    await page.keyboard.press('Tab');
    onRadio = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'role');
  }
  expect(onRadio).toBe(true);
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /借款人本人/ })).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /紧急联系人/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /紧急联系人/ })).toBeFocused();
  await expect(page).toHaveURL(/\?role=emergency-contact$/);
  await page.keyboard.press('Tab');
  const first = page.locator('input[data-did]').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  const id = (await first.getAttribute('value'))!;
  await expect(summary(page)).toHaveText(expectedSummary(data, [id]));
  await expect(summary(page)).toHaveAttribute('aria-live', 'polite');
  await expect(page).toHaveURL(new RegExp(`\\?role=emergency-contact&did=${id}$`));
  // Tabbing on down the list, the focused checkbox is never hidden behind the sticky result bar.
  const bar = page.locator('[data-checker-bar]');
  await expect(bar).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator('input[data-did]:focus');
    await expect(focused).toHaveCount(1);
    const [f, b] = [(await focused.boundingBox())!, (await bar.boundingBox())!];
    expect(f.y + f.height <= b.y || f.y >= b.y + b.height, `checkbox ${i + 2} under the bar`).toBe(true);
  }
});

test('a failed data load says so and offers the role page instead', async ({ page }) => {
  await page.route('**/checker/data/*.json', (route) => route.abort());
  await page.goto('/checker/?role=guarantor&did=insult');
  await expect(summary(page)).toHaveText('结果没能载入。');
  await expect(page.locator('[data-checker-error]').getByRole('link')).toHaveAttribute('href', '/checker/guarantor/');
  await expect(cards(page)).toHaveCount(0);
});

test('verdict pages: one data-verdict each, matching the rules (all of one role, a sample of the rest)', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const guard = guardPage(page, baseURL!);
  const pages: { role: string; action: string; data: RoleData }[] = [];
  const all = new Map<string, RoleData>();
  for (const r of ROLES) all.set(r, await roleData(page, r));
  const contact = all.get('emergency-contact')!;
  for (const a of contact.actions) pages.push({ role: 'emergency-contact', action: a.id, data: contact });
  // Twelve more, spread over the other roles and actions.
  const others = ROLES.filter((r) => r !== 'emergency-contact');
  for (let i = 0; i < 12; i++) {
    const role = others[i % others.length]!;
    const data = all.get(role)!;
    pages.push({ role, action: data.actions[(i * 7) % data.actions.length]!.id, data });
  }
  for (const { role, action, data } of pages) {
    const v = data.verdicts[action]!;
    await page.goto(`/checker/${role}/${action}/`);
    const marked = page.locator('[data-verdict]');
    await expect(marked, `${role}/${action}`).toHaveCount(1);
    await expect(marked).toHaveAttribute('data-verdict', v.verdict);
    await expect(page.locator('h1')).toHaveText(v.headline);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', v.headline);
  }
  guard.assertClean();
});

test('a verdict page has everything a reader needs, and links onward', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  const data = await roleData(page, 'guarantor');
  const action = data.actions.find((a) => data.verdicts[a.id]!.verdict === 'conditional')!;
  const v = data.verdicts[action.id]!;
  await page.goto(v.href);
  const badge = page.locator('[data-verdict]');
  await expect(badge).toContainText('有条件');
  await expect(badge.locator('[aria-hidden="true"]')).toHaveText(/!/);
  for (const l of v.limits) await expect(page.getByRole('listitem').filter({ hasText: l }).first()).toBeVisible();
  if (v.say) await expect(page.locator('.say')).toContainText('你可以这样说');
  const notes = page.locator('#notes-title + ol > li');
  await expect(notes).toHaveCount(new Set(v.cites.map((c) => c.href)).size);
  for (const n of v.next) await expect(page.getByRole('link', { name: n.text }).first()).toHaveAttribute('href', n.href);
  await expect(page.locator('article[data-pagefind-body]')).toHaveAttribute('data-pagefind-filter', '类型:判断');
  await expect(page.locator('[data-pagefind-filter="对象:紧急联系人"]')).toHaveCount(1);
  const others = page.getByRole('region', { name: '如果你是别的身份' }).getByRole('link');
  await expect(others).toHaveCount(ROLES.length - 1);
  await expect(page.getByRole('link', { name: /^← 催收员能对保证人\/担保人做什么？/ })).toHaveAttribute('href', '/checker/guarantor/');
  await expect(page.getByRole('link', { name: /回到「催收员能对我做什么？」/ })).toHaveAttribute('href', '/checker/');
  // No script of its own: only what every page of the site loads (compare with a chapter).
  const scripts = () => page.locator('script[src]').evaluateAll((s) => s.map((x) => (x as HTMLScriptElement).src).sort());
  const mine = await scripts();
  guard.assertClean();
  await page.goto('/history/');
  expect(mine).toEqual(await scripts());

  await page.goto('/checker/borrower/insult/');
  await expect(page.locator('[data-pagefind-filter="对象:借款人"]')).toHaveCount(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the form shows, with a note and links to the role pages, which link to every verdict', async ({ page }) => {
    await page.goto('/checker/');
    await expect(page.getByRole('radio')).toHaveCount(ROLES.length);
    await expect(page.getByRole('checkbox')).toHaveCount(24);
    // Playwright's switch stops scripts but not the parser's scripting flag, so <noscript> is not
    // rendered here: check what it holds, and that the always-visible role links are there too.
    const noscript = (await page.locator('main noscript').innerHTML());
    expect(noscript).toContain('这个页面的互动功能需要浏览器开启 JavaScript。');
    for (const r of ROLES) {
      expect(noscript).toContain(`href="/checker/${r}/"`);
      await expect(page.getByRole('region', { name: '按身份查看全部判断' }).locator(`a[href="/checker/${r}/"]`)).toBeVisible();
    }
    await page.getByRole('link', { name: '催收员能对紧急联系人做什么？' }).first().click();
    await expect(page).toHaveURL('/checker/emergency-contact/');
    const links = page.locator('main a[href^="/checker/emergency-contact/"]');
    await expect(links).toHaveCount(24);
    await expect(page.locator('main [data-verdict]')).toHaveCount(24);
    await links.first().click();
    await expect(page.locator('[data-verdict]')).toHaveCount(1);
  });
});

test('at 360 px nothing on the checker overflows sideways', async ({ page }) => {
  for (const path of [
    `/checker/?role=emergency-contact&did=${['threaten-violence', 'fake-legal-documents', 'demand-fees', 'public-shaming'].join(',')}`,
    '/checker/borrower/threaten-violence/',
    '/checker/employer-colleague/',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('no WCAG 2.2 AA problems axe can find on the tool, a role page and a verdict page', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  for (const path of ['/checker/?role=spouse&did=insult,home-visit,restrict-freedom,negotiate-plan', '/checker/spouse/', '/checker/spouse/home-visit/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), path).toEqual([]);
  }
});
