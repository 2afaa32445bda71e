/**
 * Structured data (schema.org JSON-LD) for search engines: a BreadcrumbList on every page below the
 * home page, and an Article for chapters, letters and verdicts. Pure: URLs in, plain objects out.
 */

export interface Crumb {
  name: string;
  /** Site-relative path with trailing slash. */
  path: string;
}

export const HOME_CRUMB = '首页';

/**
 * Home › each ancestor page that has a known name › this page. Ancestors without a page of their
 * own (or a name) are skipped rather than invented. The home page itself has no trail.
 */
export function breadcrumbTrail(pathname: string, title: string, names: ReadonlyMap<string, string>): Crumb[] {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return [];
  const trail: Crumb[] = [{ name: HOME_CRUMB, path: '/' }];
  for (let i = 1; i < parts.length; i++) {
    const path = `/${parts.slice(0, i).join('/')}/`;
    const name = names.get(path);
    if (name) trail.push({ name, path });
  }
  trail.push({ name: title, path: `/${parts.join('/')}/` });
  return trail;
}

export function breadcrumbLd(trail: readonly Crumb[], site: URL | string) {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: new URL(c.path, site).href,
    })),
  };
}

export interface ArticleInput {
  title: string;
  description: string;
  url: string;
  image: string;
  siteName: string;
  site: URL | string;
  updated?: Date | undefined;
}

export function articleLd(a: ArticleInput) {
  const publisher = { '@type': 'Organization', name: a.siteName, url: new URL('/', a.site).href };
  return {
    '@type': 'Article',
    headline: a.title,
    description: a.description,
    inLanguage: 'zh-CN',
    url: a.url,
    mainEntityOfPage: a.url,
    image: a.image,
    ...(a.updated ? { dateModified: a.updated.toISOString().slice(0, 10) } : {}),
    author: publisher,
    publisher,
  };
}

/**
 * The text of a <script type="application/ld+json">: one @graph, with "<" escaped so no value can
 * close the script element early.
 */
export function ldJson(items: readonly object[]): string {
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': items }).replace(/</g, '\\u003c');
}
