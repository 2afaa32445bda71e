/**
 * Accessibility gate: axe-core on every URL of the built sitemap, the 404 page and a search with
 * results, against WCAG 2.0/2.1/2.2 A and AA rules. Zero violations; an exception must be listed in
 * EXCEPTIONS with the rule, the element and the reason. Each page type is checked again in the dark
 * colour scheme, which has its own colour tokens.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { samplePages, sitemapPaths } from './support/site';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Exception {
  rule: string;
  /** Matches the CSS selector axe reports for the element (its `target`). */
  target: RegExp;
  reason: string;
}

/** Justified exceptions, per rule and element. Keep this empty unless a rule is wrong for an element. */
const EXCEPTIONS: Exception[] = [];

const SEARCH = `/search/?q=${encodeURIComponent('催收')}`;

async function settle(page: Page, path: string) {
  // Module scripts (the islands) have run by the load event; waiting for network idle would add
  // half a second to each of the many pages for nothing.
  await page.waitForLoadState('load');
  if (path.startsWith('/search/?')) {
    // Check the page with its results, which arrive after the index loads.
    await expect(page.getByRole('list', { name: '搜索结果' }).getByRole('link').first()).toBeVisible({ timeout: 15_000 });
  }
}

async function scan(page: Page, path: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const problems: string[] = [];
  for (const v of results.violations) {
    for (const node of v.nodes) {
      const target = node.target.join(' ');
      if (EXCEPTIONS.some((e) => e.rule === v.id && e.target.test(target))) continue;
      problems.push(`${path} [${v.id}] ${v.help}\n    at ${target}\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`);
    }
  }
  return problems;
}

const paths = [...sitemapPaths(), '/no-such-page/', SEARCH];

// axe's colour-contrast pass on a long chapter takes several seconds on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

test.describe('axe: every page', () => {
  for (const path of paths) {
    test(path, async ({ page }) => {
      await page.goto(path);
      await settle(page, path);
      expect((await scan(page, path)).join('\n')).toBe('');
    });
  }
});

test.describe('axe: dark colour scheme, one page per type', () => {
  test.use({ colorScheme: 'dark' });
  for (const [type, path] of [...samplePages(), ['404', '/no-such-page/'] as const]) {
    test(`${type} ${path}`, async ({ page }) => {
      await page.goto(path);
      await settle(page, path);
      expect((await scan(page, path)).join('\n')).toBe('');
    });
  }
});
