// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES } from './src/lib/security/csp.mjs';
import securityHeaders from './src/integrations/security-headers.mjs';
import ogImages from './src/integrations/og-images';

/** The public address of the site, used for canonical URLs, link previews and the sitemap.
 * Set SITE_URL when deploying; the default is a reserved example domain. */
const site = process.env.SITE_URL ?? 'https://cuishou.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Separate caches let several builds run side by side (tests build fixture copies).
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  integrations: [ogImages(), mdx(), sitemap({ filter: (page) => !page.includes('/404') }), securityHeaders()],
  vite: { plugins: [tailwindcss()] },
  devToolbar: { enabled: false },
  prefetch: false,
  // Shiki's inline styles break the hash-based CSP, and the site shows no code.
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: CSP_DIRECTIVES,
      scriptDirective: { resources: SCRIPT_RESOURCES },
    },
  },
});
