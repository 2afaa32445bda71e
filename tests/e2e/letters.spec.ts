import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { guardPage } from './support/guard';
import type { RoleData } from '../../src/lib/checker/data';

const SLUGS = ['stop-contact', 'fair-collection', 'complaint-to-lender', 'complaint-to-regulator', 'credit-objection', 'call-log'];

/** Loads a page and then records every request it makes from that point on. */
async function loadQuietly(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const later: string[] = [];
  page.on('request', (r) => later.push(r.url()));
  return later;
}

const letter = (page: Page) => page.locator('[data-letter-text]');

test('the index lists every template under 借款人, 紧急联系人 and 所有人, each with its answer', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  await page.goto('/letters/');
  for (const group of ['借款人用', '紧急联系人用', '所有人都能用']) {
    await expect(page.getByRole('heading', { level: 2, name: group })).toBeVisible();
  }
  const contacts = page.getByRole('region', { name: '紧急联系人用' });
  await expect(contacts.getByRole('link', { name: '紧急联系人：请停止联系并删除我的个人信息' })).toBeVisible();
  await expect(page.getByRole('region', { name: '所有人都能用' }).getByRole('link', { name: '通话与骚扰记录表' })).toBeVisible();
  for (const slug of SLUGS) await expect(page.locator(`a[href="/letters/${slug}/"]`).first()).toBeVisible();
  await expect(page.locator('li').filter({ hasText: '通话与骚扰记录表' })).toContainText('它本身不是投诉');
  guard.assertClean();
});

test('every template page has its answer, numbered notes and a letter or log, and is accessible', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  for (const slug of SLUGS) {
    await page.goto(`/letters/${slug}/`);
    await expect(page.locator('.answer')).toBeVisible();
    await expect(page.locator('#notes-title')).toHaveText('法律依据');
    expect(await page.locator('.notes li').count(), slug).toBeGreaterThanOrEqual(3);
    await expect(page.locator('#fill [data-form]')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, slug).toBeLessThanOrEqual(0);
    for (const button of await page.locator('#fill button:visible').all()) {
      const box = (await button.boundingBox())!;
      expect(box.height, `${slug}: ${await button.textContent()}`).toBeGreaterThanOrEqual(44);
    }
    const axe = await new AxeBuilder({ page }).include('#fill').analyze();
    expect(axe.violations.map((v) => `${slug}: ${v.id}`)).toEqual([]);
  }
  guard.assertClean();
});

test.describe('filling a letter', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('typed values fill the letter live, the copy is the full letter, and typing sends nothing', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    const requests = await loadQuietly(page, '/letters/stop-contact/');
    await expect(letter(page)).toContainText('＿＿＿＿（你的姓名）');
    await page.getByLabel('你的姓名').fill('王小明');
    await page.getByLabel('出借机构名称').fill('某某消费金融有限公司');
    await page.getByLabel('写信日期').fill('2026-11-30');
    await page.getByLabel('对方使用的号码或账号').pressSequentially('95xxx、138');
    await expect(letter(page)).toContainText('致某某消费金融有限公司：');
    await expect(letter(page)).toContainText('我是王小明，');
    await expect(letter(page)).toContainText('声明人：王小明');
    await expect(letter(page)).toContainText('日期：2026年11月30日');
    await expect(letter(page)).toContainText('＿＿＿＿（借款人姓名）');
    await expect(page.getByLabel('你的姓名')).toHaveAttribute('maxlength', '20');
    await expect(page.getByLabel('被联系的电话号码')).toHaveAttribute('type', 'tel');
    await expect(page.getByLabel('写信日期')).toHaveAttribute('type', 'date');
    await expect(page.getByLabel('被联系的电话号码')).toHaveAttribute('aria-describedby', /hint/);

    await page.getByRole('button', { name: '复制全文' }).click();
    await expect(page.locator('[data-status]')).toContainText('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await letter(page).textContent());
    expect(copied).toContain('我是王小明，电话号码＿＿＿＿（被联系的电话号码）。');
    expect(copied).toContain('\n\n此致\n');

    expect(requests, 'requests after load').toEqual([]);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(await page.context().cookies()).toEqual([]);
    guard.assertClean();
  });
});

test('markup typed into a field stays text', async ({ page, baseURL }) => {
  const guard = guardPage(page, baseURL!);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  const requests = await loadQuietly(page, '/letters/fair-collection/');
  const imgs = await page.locator('img').count();
  const markup = '<img src=x onerror=alert(1)>';
  await page.getByLabel('出借机构名称').fill(markup);
  await page.getByLabel('你的情况和还款意向').fill(`${markup}\n<b>粗体</b>`);
  await expect(letter(page)).toContainText(`致${markup}：`);
  await expect(letter(page)).toContainText('<b>粗体</b>');
  await expect(letter(page).locator('img, b')).toHaveCount(0);
  expect(await page.locator('img').count()).toBe(imgs);
  expect(dialogs).toBe(0);
  expect(requests.filter((u) => !u.startsWith('data:'))).toEqual([]);
  guard.assertClean();
});

test('the name field is capped at its max even if more is pasted', async ({ page }) => {
  await page.goto('/letters/fair-collection/');
  await page.getByLabel('你的姓名').fill('一二三四五六七八九十一二三四五六七八九十超出的部分');
  await expect(letter(page)).toContainText('我是借款人一二三四五六七八九十一二三四五六七八九十，');
  await expect(letter(page)).not.toContainText('超出的部分');
});

test('下载 .txt gives the letter as a UTF-8 text file named after the template', async ({ page }) => {
  const requests = await loadQuietly(page, '/letters/credit-objection/');
  await page.getByLabel('你的姓名').fill('李四');
  await page.getByLabel('异议理由').fill('这笔借款不是我办的。\n我从没收到过通知。');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .txt' }).click()]);
  expect(download.suggestedFilename()).toBe('催收明白纸-credit-objection.txt');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF征信异议申请\r\n')).toBe(true);
  expect(text).toContain('申请人：李四\r\n');
  expect(text).toContain('这笔借款不是我办的。\r\n我从没收到过通知。');
  expect(text).toContain('＿＿＿＿（身份证件号码）');
  expect(requests.filter((u) => !u.startsWith('blob:'))).toEqual([]);
});

test('打印 prints the letter alone: form, navigation and article text are hidden', async ({ page }) => {
  await page.goto('/letters/stop-contact/');
  await page.getByLabel('你的姓名').fill('王小明');
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', document.documentElement.className);
  });
  await page.getByRole('button', { name: '打印' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', /print-tool/);
  await page.emulateMedia({ media: 'print' });
  await expect(letter(page)).toBeVisible();
  await expect(letter(page)).toContainText('我是王小明');
  for (const hidden of ['#fill [data-form]', '[data-tools]', 'header.site-header', 'footer', '.prose', '.notes', '.answer']) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  // The browser's own print (without the button) keeps the article but still hides the form.
  await page.evaluate(() => document.documentElement.classList.remove('print-tool'));
  await expect(page.locator('.prose')).toBeVisible();
  await expect(page.locator('#fill [data-form]')).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the letter shows with visible blanks, and the page says filling in needs JavaScript', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    await page.goto('/letters/stop-contact/');
    await expect(letter(page)).toContainText('我是＿＿＿＿（你的姓名），电话号码＿＿＿＿（被联系的电话号码）。');
    await expect(letter(page)).toContainText('日期：＿＿＿＿（写信日期）');
    await expect(page.locator('#fill [data-form]')).toBeHidden();
    await expect(page.getByRole('button', { name: '复制全文' })).toBeHidden();
    await expect(page.getByText('在网页里填写需要开启 JavaScript')).toBeVisible();
    guard.assertClean();
  });

  test('the call log shows a blank table to print', async ({ page }) => {
    await page.goto('/letters/call-log/');
    await expect(page.locator('table.log thead th:visible')).toHaveCount(7);
    await expect(page.locator('table.log tbody tr.blank-row')).toHaveCount(8);
    await expect(page.getByLabel('在这台设备上保存记录')).toBeHidden();
  });
});

test.describe('call log', () => {
  const KEY = 'cuishou-call-log';

  async function addRow(page: Page, row: { date: string; time: string; number: string; caller: string; said: string; file: string }) {
    await page.getByLabel('日期', { exact: true }).fill(row.date);
    await page.getByLabel('时间', { exact: true }).fill(row.time);
    await page.getByLabel('来电号码或账号').fill(row.number);
    await page.getByLabel('对方自称').fill(row.caller);
    await page.getByLabel('说了什么').fill(row.said);
    await page.getByLabel('证据文件').fill(row.file);
    await page.getByRole('button', { name: '添加这一行' }).click();
  }

  test('rows are added, exported as CSV, deleted, and stored only after opting in', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    const requests = await loadQuietly(page, '/letters/call-log/');
    await addRow(page, { date: '2026-11-08', time: '22点35分', number: '+8613800000000', caller: '某催收公司小王', said: '说"不还就上门",还骂人', file: '录音1108.m4a' });
    await addRow(page, { date: '2026-11-03', time: '9点', number: '95000', caller: '=HYPERLINK("http://x")', said: '<img src=x onerror=alert(1)>', file: '截图.png' });
    const rows = page.locator('table.log tbody tr');
    await expect(rows).toHaveCount(2);
    // Sorted by date: the earlier call comes first.
    await expect(rows.nth(0)).toContainText('2026年11月3日');
    await expect(rows.nth(0)).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.locator('table.log img')).toHaveCount(0);
    await expect(page.locator('[data-status]')).toContainText('共 2 行');
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
    expect(requests, 'requests while typing').toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('催收明白纸-call-log.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toBe(
      '\uFEFF' +
        '日期,时间,来电号码或账号,对方自称,说了什么,证据文件\r\n' +
        '2026年11月3日,9点,95000,"\'=HYPERLINK(""http://x"")",<img src=x onerror=alert(1)>,截图.png\r\n' +
        '2026年11月8日,22点35分,\'+8613800000000,某催收公司小王,"说""不还就上门"",还骂人",录音1108.m4a\r\n',
    );

    // Not opted in: a reload forgets everything.
    await page.reload();
    await expect(page.locator('table.log tbody tr.blank-row')).toHaveCount(8);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);

    await addRow(page, { date: '2026-11-08', time: '22点35分', number: '138', caller: '小王', said: '骂人', file: '录音.m4a' });
    await page.getByLabel('在这台设备上保存记录').check();
    const stored = JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!);
    expect(stored.rows).toHaveLength(1);
    await addRow(page, { date: '2026-11-09', time: '7点', number: '139', caller: '小李', said: '威胁', file: '录音2.m4a' });
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!).rows).toHaveLength(2);

    await page.reload();
    await expect(page.getByLabel('在这台设备上保存记录')).toBeChecked();
    await expect(rows).toHaveCount(2);
    await page.getByRole('button', { name: '删除第1行' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('小李');
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY))!).rows).toHaveLength(1);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: '删除全部记录' }).click();
    await expect(page.locator('table.log tbody tr.blank-row')).toHaveCount(8);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
    await expect(page.getByLabel('在这台设备上保存记录')).not.toBeChecked();
    await page.reload();
    await expect(page.locator('table.log tbody tr.blank-row')).toHaveCount(8);

    guard.assertClean();
  });

  test('unticking removes the stored copy but keeps the rows on the page', async ({ page }) => {
    await page.goto('/letters/call-log/');
    await addRow(page, { date: '2026-11-08', time: '8点', number: '138', caller: '小王', said: '催款', file: '' });
    const box = page.getByLabel('在这台设备上保存记录');
    await box.check();
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).not.toBeNull();
    await box.uncheck();
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
    await expect(page.locator('table.log tbody tr')).toHaveCount(1);
    await expect(page.locator('table.log tbody tr')).toContainText('小王');
  });
});

test.describe('from the checker', () => {
  test('a draft link prefills the violations with each headline and its basis', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    const res = await page.request.get('/checker/data/emergency-contact.json');
    expect(res.ok(), 'checker data for emergency-contact (built by the checker)').toBe(true);
    const data = (await res.json()) as RoleData;
    await page.goto('/letters/complaint-to-lender/?role=emergency-contact&did=demand-repayment,night-calls');
    const field = page.getByLabel('违规行为及依据');
    await expect(field).toHaveValue(/^1\. /);
    const value = await field.inputValue();
    for (const [i, id] of ['demand-repayment', 'night-calls'].entries()) {
      const v = data.verdicts[id]!;
      const label = data.actions.find((a) => a.id === id)!.label;
      expect(value).toContain(`${i + 1}. ${label}：${v.headline}`);
      expect(value).toContain(v.cites[0]!.text);
    }
    await expect(letter(page)).toContainText(data.verdicts['demand-repayment']!.headline);
    await expect(page.getByLabel('你的身份')).toHaveValue(data.roleLabel);
    await expect(page.locator('[data-prefill-note]')).toContainText('已按自查结果填入 2 项');
    guard.assertClean();
  });

  test('the checker page links to a draft that opens prefilled', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    await page.goto('/checker/?role=emergency-contact&did=demand-repayment,night-calls');
    const draft = page.locator('a[href^="/letters/complaint-to-lender/?"]').first();
    await expect(draft).toBeVisible();
    await draft.click();
    await expect(page).toHaveURL(/\/letters\/complaint-to-lender\/\?role=emergency-contact/);
    await expect(page.getByLabel('违规行为及依据')).toHaveValue(/^1\. .+依据：/);
    guard.assertClean();
  });

  test('the regulator letter takes the same link', async ({ page }) => {
    await page.goto('/letters/complaint-to-regulator/?role=borrower&did=threaten-violence');
    await expect(page.getByLabel('违规行为及依据')).toHaveValue(/^1\. 威胁人身或家人安全：/);
  });

  test('a garbled link is ignored with a gentle note', async ({ page, baseURL }) => {
    const guard = guardPage(page, baseURL!);
    await page.goto('/letters/complaint-to-lender/?role=%3Cscript%3E&did=%E0%A4%A,night-calls');
    await expect(page.locator('[data-prefill-note]')).toContainText('没能识别');
    await expect(page.getByLabel('违规行为及依据')).toHaveValue('');
    await expect(letter(page)).toContainText('＿＿＿＿（违规行为及依据）');
    await page.goto('/letters/complaint-to-lender/?role=emergency-contact&did=ask-whereabouts');
    await expect(page.locator('[data-prefill-note]')).toContainText('没能识别');
    await page.goto('/letters/complaint-to-lender/?role=emergency-contact&did=night-calls,nonsense');
    await expect(page.locator('[data-prefill-note]')).toContainText('已按自查结果填入 1 项');
    await expect(page.locator('[data-prefill-note]')).toContainText('有一部分内容没能识别');
    guard.assertClean();
  });
});
