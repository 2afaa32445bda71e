#!/usr/bin/env node
// Checks every link in the built site: each internal href/src (and og:image, canonical) must resolve
// to a file in dist/, each #fragment to an element id in the target page, and external links may only
// point to the official sites named in content/laws and content/channels.yaml (the registry). Pages
// must load no resource from another origin. Prints "file:line  link  problem" and exits 1 on any.
//
//   node scripts/check-links.mjs [--dist dist]        (DIST_DIR works too)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineOf, scanTags } from './lib/html-scan.mjs';

/**
 * Hosts allowed for outgoing links besides those in the registry. Keep it short: every entry is a
 * place the site sends frightened readers, so it must be an official body.
 */
export const EXTRA_ALLOWED_HOSTS = [];

/** Attributes that load or link to a URL, by element. `true` = the URL is a navigation, not a load. */
const URL_ATTRS = /** @type {Record<string, [string, boolean][]>} */ ({
  a: [['href', true]],
  area: [['href', true]],
  link: [['href', false]],
  script: [['src', false]],
  img: [['src', false], ['srcset', false]],
  source: [['src', false], ['srcset', false]],
  iframe: [['src', false]],
  audio: [['src', false]],
  video: [['src', false], ['poster', false]],
  track: [['src', false]],
  embed: [['src', false]],
  object: [['data', false]],
  input: [['src', false]],
  form: [['action', true]],
  use: [['href', false], ['xlink:href', false]],
  image: [['href', false], ['xlink:href', false]],
});

/** <meta> values that are URLs of this site (link previews). */
const META_URLS = new Set(['og:image', 'og:url', 'twitter:image', 'og:image:secure_url']);

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  /** @type {string[]} */
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/**
 * Hostnames of every http(s) address written in the registry files.
 * @param {string} contentDir
 */
export function allowedHostsFrom(contentDir) {
  const hosts = new Set(EXTRA_ALLOWED_HOSTS);
  const files = [join(contentDir, 'channels.yaml')];
  const lawsDir = join(contentDir, 'laws');
  if (existsSync(lawsDir)) for (const f of readdirSync(lawsDir)) if (/\.ya?ml$/.test(f)) files.push(join(lawsDir, f));
  for (const f of files) {
    if (!existsSync(f)) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
      try {
        hosts.add(new URL(m[0]).hostname);
      } catch {
        // not a URL after all
      }
    }
  }
  return hosts;
}

/** The URL path a dist file is served at. @param {string} dist @param {string} file */
function urlPathOf(dist, file) {
  const rel = relative(dist, file).split(sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

/**
 * @typedef {{ file: string; line: number; link: string; problem: string }} Problem
 * @param {string} dist
 * @param {{ site?: string; allowedHosts: Set<string> }} options
 */
export function checkSite(dist, { site, allowedHosts }) {
  dist = resolve(dist);
  const files = walk(dist);
  const fileSet = new Set(files.map((f) => relative(dist, f).split(sep).join('/')));
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  /** @type {Map<string, { text: string; tags: ReturnType<typeof scanTags>; ids: Set<string> }>} */
  const pages = new Map();
  for (const f of htmlFiles) {
    const text = readFileSync(f, 'utf8');
    const tags = scanTags(text);
    const ids = new Set();
    for (const t of tags) {
      const id = t.attrs.get('id');
      if (id) ids.add(id);
      // <a name> is an old but valid fragment target.
      if (t.name === 'a' && t.attrs.get('name')) ids.add(/** @type {string} */ (t.attrs.get('name')));
    }
    pages.set(relative(dist, f).split(sep).join('/'), { text, tags, ids });
  }
  const origin = site ? new URL(site).origin : undefined;
  /** @type {Problem[]} */
  const problems = [];
  let checked = 0;
  const external = new Map();

  /** Finds the dist file for a URL path. @param {string} path */
  function target(path) {
    let p;
    try {
      p = decodeURIComponent(path);
    } catch {
      return { error: 'badly encoded path' };
    }
    const rel = p.replace(/^\/+/, '');
    if (p.endsWith('/')) {
      const index = `${rel}index.html`;
      return fileSet.has(index) ? { file: index } : { error: 'no page at this address' };
    }
    if (fileSet.has(rel)) return { file: rel };
    if (fileSet.has(`${rel}/index.html`)) return { error: 'missing trailing slash (costs a redirect)' };
    return { error: 'no such file' };
  }

  for (const [pageFile, page] of pages) {
    const base = new URL(urlPathOf(dist, join(dist, pageFile)), 'http://site.invalid');
    /** @param {string} raw @param {number} offset @param {boolean} navigation @param {string} tagName */
    const check = (raw, offset, navigation, tagName) => {
      const link = raw.trim();
      checked++;
      const report = (/** @type {string} */ problem) =>
        problems.push({ file: pageFile, line: lineOf(page.text, offset), link, problem });
      if (link === '') return report('empty address');
      if (/^javascript:/i.test(link)) return report('javascript: link');
      if (/^(mailto|sms):/i.test(link)) return;
      if (/^tel:/i.test(link)) {
        if (!/^tel:\+?[0-9-]+$/i.test(link)) report('tel: link with characters other than digits');
        return;
      }
      if (/^data:/i.test(link)) {
        if (tagName !== 'img' && tagName !== 'source') report('data: address outside an image');
        return;
      }
      let url;
      try {
        url = new URL(link, base);
      } catch {
        return report('not a valid URL');
      }
      const isOwn = url.origin === base.origin || (origin !== undefined && url.origin === origin);
      if (!isOwn) {
        if (!navigation) return report('loads a resource from another site');
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return report(`unexpected scheme ${url.protocol}`);
        if (!allowedHosts.has(url.hostname)) return report(`external host ${url.hostname} is not in the allow-list (content/laws, content/channels.yaml)`);
        external.set(url.hostname, (external.get(url.hostname) ?? 0) + 1);
        return;
      }
      const found = target(url.pathname);
      if (found.error) return report(found.error);
      const hash = url.hash.slice(1);
      if (url.hash === '#' || (link.endsWith('#') && !hash)) return report('empty fragment');
      if (!hash || hash.startsWith(':~:')) return;
      const targetPage = pages.get(/** @type {string} */ (found.file));
      if (!targetPage) return; // fragment of a non-HTML file
      let id;
      try {
        id = decodeURIComponent(hash);
      } catch {
        return report('badly encoded fragment');
      }
      if (!targetPage.ids.has(id)) report(`no element with id "${id}" in ${found.file}`);
    };
    for (const tag of page.tags) {
      if (tag.name === 'meta') {
        const prop = tag.attrs.get('property') ?? tag.attrs.get('name') ?? '';
        const content = tag.attrs.get('content');
        if (META_URLS.has(prop) && content) check(content, tag.offset, false, 'meta');
        continue;
      }
      const attrs = URL_ATTRS[tag.name];
      if (!attrs) continue;
      for (const [attr, navigation] of attrs) {
        const value = tag.attrs.get(attr);
        if (value === undefined) continue;
        // <link rel=canonical|prev|next> is a reference, not a load; other <link>s load a file.
        const rel = tag.attrs.get('rel') ?? '';
        const nav = navigation || (tag.name === 'link' && /\b(canonical|prev|next|alternate|sitemap)\b/.test(rel));
        if (attr === 'srcset') {
          for (const candidate of value.split(',')) {
            const u = candidate.trim().split(/\s+/)[0];
            if (u) check(u, tag.offset, false, tag.name);
          }
        } else {
          // <form action> with an empty value submits to the page itself.
          if (tag.name === 'form' && value === '') continue;
          check(value, tag.offset, nav, tag.name);
        }
      }
    }
  }
  return { problems, pages: pages.size, checked, external };
}

/** Canonical origin of the built site, from the home page. @param {string} dist */
function siteOf(dist) {
  const home = join(dist, 'index.html');
  if (!existsSync(home)) return undefined;
  const canonical = scanTags(readFileSync(home, 'utf8')).find((t) => t.name === 'link' && t.attrs.get('rel') === 'canonical');
  return canonical?.attrs.get('href');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--dist');
  const dist = resolve(i > 0 ? (process.argv[i + 1] ?? 'dist') : (process.env.DIST_DIR ?? 'dist'));
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    console.error(`check-links: ${dist} not found; build first (npm run build).`);
    process.exit(2);
  }
  const allowedHosts = allowedHostsFrom(resolve('content'));
  const site = process.env.SITE_URL ?? siteOf(dist);
  const { problems, pages, checked, external } = checkSite(dist, { site, allowedHosts });
  // One line per broken link, with the places it appears (a missing page is often linked many times).
  /** @type {Map<string, string[]>} */
  const grouped = new Map();
  for (const p of problems) {
    const key = `${p.link}  → ${p.problem}`;
    grouped.set(key, [...(grouped.get(key) ?? []), `${p.file}:${p.line}`]);
  }
  for (const [key, places] of grouped) {
    const shown = places.slice(0, 4).join(', ');
    console.log(`${key}\n    in ${shown}${places.length > 4 ? ` and ${places.length - 4} more` : ''}`);
  }
  const ext = [...external].map(([h, n]) => `${h} (${n})`).join(', ');
  console.log(`check-links: ${pages} pages, ${checked} links, ${problems.length} problem(s) (${grouped.size} distinct). External: ${ext || 'none'}.`);
  process.exit(problems.length ? 1 : 0);
}
