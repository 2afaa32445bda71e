// The Content-Security-Policy shared by Astro's per-page <meta> (with script/style hashes) and by
// public/_headers for static hosts. Plain .mjs so astro.config.mjs and the header check can import it.

/**
 * Directives other than script-src and style-src, which Astro fills with hashes.
 * @type {import('astro/dist/core/csp/config.js').CspDirective[]}
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "manifest-src 'self'",
];

/** 'wasm-unsafe-eval' lets Pagefind run its WebAssembly search; nothing else evaluates code. */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];
