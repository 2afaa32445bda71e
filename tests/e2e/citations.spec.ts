import { expect, test } from '@playwright/test';

/** Chapter slugs and the minimum number of question headings each must have. */
const CHAPTERS: Record<string, number> = {
  'emergency-contacts': 6,
  'borrower-rights': 6,
  'why-collection': 6,
  complaints: 6,
  myths: 8,
  scams: 6,
  'common-problems': 15,
  'legal-framework': 6,
  history: 6,
  zhongyuan: 6,
};

const LAW_IDS = [
  'civil-code',
  'pipl',
  'criminal-law',
  'public-security-law',
  'public-security-law-2012',
  'credit-reporting-regulation',
  'collection-standard',
  'cba-collection-guideline-2026',
  'nifa-collection-convention',
  'cfc-measures',
  'consumer-protection-measures',
];

for (const [slug, minQuestions] of Object.entries(CHAPTERS)) {
  test(`chapter /${slug}/ renders its answer, questions, next steps and resolving notes`, async ({ page }) => {
    await page.goto(`/${slug}/`);
    await expect(page.locator('.answer')).toContainText('一句话回答');
    const questions = page.locator('.prose h2');
    expect(await questions.count()).toBeGreaterThanOrEqual(minQuestions + 1);
    await expect(questions.last()).toHaveText(/下一步/);

    // Every marker points at a note on the page; every note points at an article anchor in the registry.
    const markers = await page.locator('.prose sup a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(markers.length).toBeGreaterThanOrEqual(5);
    for (const href of new Set(markers)) {
      await expect(page.locator(`li${href}`)).toHaveCount(1);
    }
    const lawLinks = await page
      .locator('.notes li a[href^="/laws/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(lawLinks.length).toBe(new Set(markers).size);
    const byLaw = new Map<string, string[]>();
    for (const href of lawLinks) {
      const [path, frag] = href.split('#');
      byLaw.set(path!, [...(byLaw.get(path!) ?? []), frag ?? '']);
    }
    for (const [path, frags] of byLaw) {
      const html = await (await page.request.get(path)).text();
      for (const frag of frags.filter(Boolean)) expect(html, `${path}#${frag}`).toContain(`id="${frag}"`);
    }
  });
}

test('a citation leads to the article on its law page, and the article links back to the chapter', async ({ page }) => {
  await page.goto('/emergency-contacts/');
  const marker = page.locator('.prose sup a').first();
  await marker.click();
  await expect(page).toHaveURL(/#note-1$/);
  const note = page.locator('#note-1');
  await expect(note).toBeInViewport();
  const lawLink = note.locator('a[href^="/laws/"]');
  const href = (await lawLink.getAttribute('href'))!;
  expect(href).toMatch(/^\/laws\/[a-z0-9-]+\/#art-[a-z0-9-]+$/);
  await lawLink.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace(/[/#]/g, (c) => `\\${c}`)}$`));
  const article = page.locator(`[id="${href.split('#')[1]}"]`);
  await expect(article).toBeInViewport();
  await article.locator('summary').click();
  const back = article.getByRole('link', { name: /紧急联系人/ });
  await expect(back.first()).toHaveAttribute('href', '/emergency-contacts/');
  await back.first().click();
  await expect(page).toHaveURL(/\/emergency-contacts\/$/);

  // The note's back link returns to the first marker in the text.
  await page.goto('/emergency-contacts/#note-1');
  await page.locator('#note-1 a[href="#cite-1"]').click();
  await expect(page.locator('#cite-1')).toBeInViewport();
});

test('every registry instrument has a page with anchored articles, its kind and its official source', async ({ page }) => {
  await page.goto('/laws/');
  for (const id of LAW_IDS) {
    await expect(page.locator(`a[href="/laws/${id}/"]`)).toHaveCount(1);
  }
  for (const id of LAW_IDS) {
    await page.goto(`/laws/${id}/`);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('dl')).toContainText('类别');
    await expect(page.locator('dl a[rel="noopener"]')).toHaveAttribute('href', /^https:\/\//);
    const ids = await page.locator('li[id^="art-"]').evaluateAll((els) => els.map((e) => e.id));
    if (id !== 'cfc-measures') expect(ids.length, id).toBeGreaterThan(0);
    for (const artId of ids.slice(0, 3)) {
      await expect(page.locator(`[id="${artId}"] h3 a`)).toHaveAttribute('href', `#${artId}`);
    }
  }
  // The revised text points to its successor.
  await page.goto('/laws/public-security-law-2012/');
  await expect(page.locator('a[href="/laws/public-security-law/"]').first()).toBeVisible();
});
