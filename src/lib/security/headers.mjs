// Security headers for static hosts (dist/_headers, Netlify/Cloudflare format) and the nginx
// snippet in the README. The Content-Security-Policy header repeats the per-page <meta> policy that
// Astro writes, but one header covers every page, so its script-src and style-src carry the union of
// the hashes found in all pages. A browser enforces both the header and the meta policy, so each page
// stays as strict as its own meta allows; the header adds what a meta tag cannot: frame-ancestors.
// Plain .mjs (with JSDoc types) so astro.config.mjs and the Node scripts can import it.
import { createHash } from 'node:crypto';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES } from './csp.mjs';

/** Sources allowed for stylesheets besides hashes: our own CSS files only. */
export const STYLE_RESOURCES = ["'self'"];

/**
 * Headers that are the same on every page. Permissions-Policy switches off powerful features the
 * site never uses; it deliberately leaves clipboard-write (copy buttons) and speech synthesis
 * (read-aloud) alone. `interest-cohort` (FLoC) is left out on purpose: Chromium no longer knows it
 * and logs an error for every page that names it; `browsing-topics` is its successor.
 */
export const STATIC_HEADERS = [
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  [
    'Permissions-Policy',
    [
      'accelerometer=()',
      'browsing-topics=()',
      'camera=()',
      'display-capture=()',
      'geolocation=()',
      'gyroscope=()',
      'hid=()',
      'magnetometer=()',
      'microphone=()',
      'midi=()',
      'payment=()',
      'serial=()',
      'usb=()',
    ].join(', '),
  ],
];

/**
 * Splits a CSP string into a map of directive name → list of sources, in order.
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
export function parseCsp(policy) {
  /** @type {Map<string, string[]>} */
  const out = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), values);
  }
  return out;
}

/**
 * The CSP of every `<meta http-equiv="content-security-policy">` in an HTML document.
 * @param {string} html
 * @returns {string[]}
 */
export function metaCspOf(html) {
  const out = [];
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag);
    if (content) out.push(decodeEntities(content[1] ?? content[2] ?? ''));
  }
  return out;
}

/** @param {string} s */
function decodeEntities(s) {
  return s
    .replace(/&#39;|&#x27;|&apos;/gi, "'")
    .replace(/&quot;|&#34;|&#x22;/gi, '"')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&amp;/gi, '&');
}

/**
 * The hash sources ('sha256-…') of script-src and style-src across a set of meta policies.
 * @param {Iterable<string>} policies
 */
export function collectHashes(policies) {
  const script = new Set();
  const style = new Set();
  for (const policy of policies) {
    const p = parseCsp(policy);
    for (const v of p.get('script-src') ?? []) if (/^'sha(256|384|512)-/.test(v)) script.add(v);
    for (const v of p.get('style-src') ?? []) if (/^'sha(256|384|512)-/.test(v)) style.add(v);
  }
  return { script: [...script].sort(), style: [...style].sort() };
}

/**
 * The header policy: the shared directives, script-src and style-src with every page's hashes, and
 * frame-ancestors 'none' (which a meta policy ignores).
 * @param {{ script: string[]; style: string[] }} hashes
 */
export function headerCsp(hashes) {
  return [
    ...CSP_DIRECTIVES,
    ['script-src', ...SCRIPT_RESOURCES, ...hashes.script].join(' '),
    ['style-src', ...STYLE_RESOURCES, ...hashes.style].join(' '),
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The text of a `_headers` file.
 * @param {string} csp
 */
export function headersFile(csp) {
  const lines = [
    '# Generated at build time by src/integrations/security-headers.mjs from src/lib/security/.',
    '# Do not edit dist/_headers by hand; change src/lib/security/headers.mjs or csp.mjs.',
    '/*',
    `  Content-Security-Policy: ${csp}`,
    ...STATIC_HEADERS.map(([k, v]) => `  ${k}: ${v}`),
    '',
    '# Hashed file names never change content, so they can be cached for a year.',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ];
  return lines.join('\n');
}

/**
 * The nginx equivalent of the `_headers` file (for the README and for operators).
 * @param {string} csp
 */
export function nginxSnippet(csp) {
  const add = (/** @type {string} */ k, /** @type {string} */ v) => `    add_header ${k} "${v}" always;`;
  return [
    'location / {',
    '    try_files $uri $uri/ =404;',
    add('Content-Security-Policy', csp),
    ...STATIC_HEADERS.map(([k, v]) => add(/** @type {string} */ (k), /** @type {string} */ (v))),
    '}',
    'location /_astro/ {',
    '    # a location with its own add_header inherits none from outside, so all are repeated here',
    add('Content-Security-Policy', csp),
    ...STATIC_HEADERS.map(([k, v]) => add(/** @type {string} */ (k), /** @type {string} */ (v))),
    '    add_header Cache-Control "public, max-age=31536000, immutable" always;',
    '}',
    'error_page 404 /404.html;',
  ].join('\n');
}

/**
 * Inline <script> and <style> bodies of a page, with their CSP hashes. Scripts with a src, and data
 * blocks such as JSON-LD (which browsers never execute, so CSP does not apply), are skipped.
 * @param {string} html
 */
export function inlineHashes(html) {
  const scripts = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const body = m[2] ?? '';
    if (/\ssrc\s*=/i.test(attrs)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
    scripts.push(sha256(body));
  }
  const styles = [];
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.push(sha256(m[1] ?? ''));
  return { scripts, styles };
}

/** @param {string} s */
export function sha256(s) {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}
