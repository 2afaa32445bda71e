// Writes dist/_headers after every build: one Content-Security-Policy header whose script-src and
// style-src carry the hashes of every page's <meta> policy, plus the other security headers (see
// src/lib/security/headers.mjs). It also fails the build when a page has no CSP meta tag or holds an
// inline script or style that its own policy does not allow, because browsers would block it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectHashes, headerCsp, headersFile, inlineHashes, metaCspOf, parseCsp } from '../lib/security/headers.mjs';

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* htmlFiles(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

/** @returns {import('astro').AstroIntegration} */
export default function securityHeaders() {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies = [];
        const problems = [];
        let pages = 0;
        for await (const file of htmlFiles(root)) {
          pages++;
          const html = await readFile(file, 'utf8');
          const metas = metaCspOf(html);
          const name = relative(root, file);
          if (metas.length !== 1) {
            problems.push(`${name}: expected one CSP <meta>, found ${metas.length}`);
            continue;
          }
          const policy = parseCsp(/** @type {string} */ (metas[0]));
          policies.push(/** @type {string} */ (metas[0]));
          const { scripts, styles } = inlineHashes(html);
          const allowedScripts = new Set(policy.get('script-src') ?? []);
          const allowedStyles = new Set(policy.get('style-src') ?? []);
          for (const h of scripts) if (!allowedScripts.has(h)) problems.push(`${name}: inline <script> ${h} is not in its script-src`);
          for (const h of styles) if (!allowedStyles.has(h)) problems.push(`${name}: inline <style> ${h} is not in its style-src`);
        }
        if (problems.length) throw new Error(`Content-Security-Policy problems:\n  ${problems.join('\n  ')}`);
        const csp = headerCsp(collectHashes(policies));
        await writeFile(join(root, '_headers'), headersFile(csp));
        logger.info(`_headers written (CSP from ${pages} pages, ${csp.length} characters)`);
      },
    },
  };
}
