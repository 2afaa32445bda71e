/**
 * Speed budgets in `npm test`: the compressed HTML+CSS+JS of the initial load, measured in Chromium
 * at a phone viewport against the built site served compressed (scripts/serve.mjs). The heaviest
 * page of each type is loaded in the browser; every chapter and verdict page is also weighed
 * statically (HTML plus the CSS and module scripts it links), so no single page can slip past.
 * Budgets and measurement: scripts/lib/budget.mjs. `npm run bench` prints the full table.
 */
import { expect, test } from '@playwright/test';
import { BUDGETS, budgetProblems, fmt, measurePage, staticWeight, totalOf } from '../../scripts/lib/budget.mjs';
import { DIST, pagesOfType, samplePages, type PageType } from './support/site';

const budgeted = [...samplePages()].filter(([type]) => type in BUDGETS);

test('every budgeted page type is present in the build', () => {
  const types = new Set(samplePages().keys());
  for (const type of Object.keys(BUDGETS) as PageType[]) expect(types.has(type), type).toBe(true);
});

for (const [type, path] of budgeted) {
  test(`${type} ${path} loads within its budget`, async ({ page }) => {
    const w = await measurePage(page, path);
    const summary = `html ${fmt(w.html)}, css ${fmt(w.css)}, js ${fmt(w.js)}, total ${fmt(totalOf(w))}`;
    test.info().annotations.push({ type: 'weight', description: summary });
    expect(w.html, 'the page itself was measured').toBeGreaterThan(0);
    expect(budgetProblems(type, path, w), summary).toEqual([]);
  });
}

for (const type of ['chapter', 'verdict'] as const) {
  test(`every ${type} page is within its budget (static weight)`, () => {
    const paths = pagesOfType(type);
    test.skip(paths.length === 0, `no ${type} pages built`);
    const problems = paths.flatMap((p) => budgetProblems(type, p, staticWeight(DIST, p)));
    expect(problems).toEqual([]);
  });
}
