#!/usr/bin/env node
// Serves the built site (dist/) like a static host would: compressed responses (brotli or gzip; a
// precompressed `file.br` next to a file is sent as is, like nginx's brotli_static),
// the headers from dist/_headers (Netlify/Cloudflare format), directory index pages, a redirect to
// the trailing-slash URL, and dist/404.html for unknown paths. Used by `npm start` and the tests.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest']);

/** Parses the _headers file: a path pattern line, then indented `Name: value` lines. */
export function parseHeaders(text) {
  const rules = [];
  let current;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const i = line.indexOf(':');
      if (current && i > 0) current.headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    } else {
      current = { pattern: line.trim(), headers: [] };
      rules.push(current);
    }
  }
  return rules;
}

function matches(pattern, path) {
  const re = new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(path);
}

let headerRules = [];
try {
  headerRules = parseHeaders(await readFile(join(root, '_headers'), 'utf8'));
} catch {
  // No _headers file: serve without extra headers.
}

async function resolveFile(pathname) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, safe);
  if (!file.startsWith(root)) return undefined;
  try {
    const s = await stat(file);
    if (s.isDirectory()) {
      if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
      file = join(file, 'index.html');
      await stat(file);
    }
    return { file };
  } catch {
    return undefined;
  }
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let found = await resolveFile(url.pathname);
    if (found?.redirect) {
      res.writeHead(301, { Location: found.redirect + url.search });
      res.end();
      return;
    }
    let status = 200;
    if (!found) {
      status = 404;
      found = { file: join(root, '404.html') };
    }
    const body = await readFile(found.file);
    const ext = extname(found.file);
    const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', Vary: 'Accept-Encoding' };
    for (const rule of headerRules) {
      if (matches(rule.pattern, url.pathname)) for (const [k, v] of rule.headers) headers[k] = v;
    }
    headers['Cache-Control'] ??= url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    let out = body;
    const accept = String(req.headers['accept-encoding'] ?? '');
    const precompressed = /\bbr\b/.test(accept) ? await readFile(`${found.file}.br`).catch(() => undefined) : undefined;
    if (precompressed) {
      out = precompressed;
      headers['Content-Encoding'] = 'br';
    } else if (COMPRESSIBLE.has(ext) && body.length > 256) {
      if (/\bbr\b/.test(accept)) {
        out = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
        headers['Content-Encoding'] = 'br';
      } else if (/\bgzip\b/.test(accept)) {
        out = gzipSync(body, { level: 9 });
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = String(out.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : out);
  } catch (e) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(String(e));
  }
});

server.listen(port, host, () => {
  console.log(`催收明白纸 serving ${root} at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
});
