import { expect, type Page } from '@playwright/test';

/**
 * Records every request a page makes and every CSP violation it reports, so a test can assert
 * that nothing leaves the site's origin and the security policy holds.
 */
export function guardPage(page: Page, baseURL: string) {
  const origin = new URL(baseURL).origin;
  const outside: string[] = [];
  const cspViolations: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) outside.push(url);
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  return {
    outside,
    cspViolations,
    assertClean() {
      expect(outside, 'requests outside the origin').toEqual([]);
      expect(cspViolations, 'CSP violations').toEqual([]);
    },
  };
}
