/**
 * The pure parts of the quality-gate scripts: the security-header builder, the HTML tag scanner, the
 * link checker (on a tiny built site in a temp folder) and the text extraction of the Chinese linter.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectHashes, headerCsp, headersFile, inlineHashes, metaCspOf, parseCsp, sha256 } from '../../src/lib/security/headers.mjs';
import { scanTags } from '../../scripts/lib/html-scan.mjs';
import { checkSite } from '../../scripts/check-links.mjs';
import { mdxBlocks, prepare, yamlBlocks } from '../../scripts/lint-zh.mjs';

const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy.replace(/'/g, '&#39;')}">`;

describe('security headers', () => {
  it('reads the meta policy and unites the hashes of all pages', () => {
    const a = metaCspOf(`<head>${meta("default-src 'self'; script-src 'self' 'sha256-AAA=' ; style-src 'self' 'sha256-S1='")}</head>`);
    const b = metaCspOf(`<head>${meta("script-src 'self' 'sha256-BBB=' 'sha256-AAA='; style-src 'self'")}</head>`);
    expect(a).toHaveLength(1);
    expect(parseCsp(a[0]!).get('script-src')).toEqual(["'self'", "'sha256-AAA='"]);
    expect(collectHashes([...a, ...b])).toEqual({ script: ["'sha256-AAA='", "'sha256-BBB='"], style: ["'sha256-S1='"] });
  });

  it('builds a header policy with frame-ancestors and no unsafe sources', () => {
    const csp = headerCsp({ script: ["'sha256-AAA='"], style: [] });
    const p = parseCsp(csp);
    expect(p.get('frame-ancestors')).toEqual(["'none'"]);
    expect(p.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", "'sha256-AAA='"]);
    expect(p.get('style-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    const file = headersFile(csp);
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: /m);
    expect(file).toContain('  Referrer-Policy: no-referrer');
    expect(file).not.toMatch(/clipboard|interest-cohort/);
  });

  it('hashes inline scripts and styles but not JSON-LD or external scripts', () => {
    const html = '<script>a()</script><script type="module">b()</script><script src="/x.js"></script><script type="application/ld+json">{}</script><style>p{}</style>';
    expect(inlineHashes(html)).toEqual({ scripts: [sha256('a()'), sha256('b()')], styles: [sha256('p{}')] });
    // The known SHA-256 of the empty string, as CSP writes it.
    expect(sha256('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
  });
});

describe('scanTags', () => {
  it('reads attributes in every quoting style and decodes entities', () => {
    const tags = scanTags(`<a href="/a/?x=1&amp;y=2" data-x='q' hidden id=z>t</a><img src=/i.png alt="">`);
    expect(tags.map((t) => t.name)).toEqual(['a', 'img']);
    expect(tags[0]!.attrs.get('href')).toBe('/a/?x=1&y=2');
    expect(tags[0]!.attrs.get('data-x')).toBe('q');
    expect(tags[0]!.attrs.get('id')).toBe('z');
    expect(tags[0]!.attrs.has('hidden')).toBe(true);
    expect(tags[1]!.attrs.get('src')).toBe('/i.png');
  });

  it('skips comments and the text of scripts', () => {
    const tags = scanTags('<!-- <a href="/no"> --><script>const s = "<a href=\'/no\'>";</script><p id="yes">');
    expect(tags.map((t) => t.name)).toEqual(['script', 'p']);
  });
});

describe('checkSite', () => {
  const dist = mkdtempSync(join(tmpdir(), 'gates-links-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const write = (file: string, html: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), html);
  };
  write('index.html', '<link rel="canonical" href="https://site.example/"><a href="/a/#%E9%97%AE">ok</a><a href="/a/#missing">bad</a><a href="/nope/">bad</a><a href="/a">slash</a>');
  write('a/index.html', '<h2 id="问">问</h2><a href="#top">bad</a><a href="https://www.gov.example/x">ok</a><a href="https://evil.example/">bad</a><a href="tel:12378">ok</a>');
  write('b/index.html', '<script src="https://cdn.example/x.js"></script><img src="/missing.png" alt=""><a href="https://site.example/a/">own</a><a href="javascript:void 0">x</a>');

  it('finds missing pages, fragments, slashes, foreign hosts and resources', () => {
    const { problems } = checkSite(dist, { site: 'https://site.example/', allowedHosts: new Set(['www.gov.example']) });
    const got = problems.map((p) => `${p.file} ${p.link} ${p.problem.split(' ')[0]}`).sort();
    expect(got).toEqual(
      [
        'a/index.html #top no',
        'a/index.html https://evil.example/ external',
        'b/index.html /missing.png no',
        'b/index.html https://cdn.example/x.js loads',
        'b/index.html javascript:void 0 javascript:',
        'index.html /a missing',
        'index.html /a/#missing no',
        'index.html /nope/ no',
      ].sort(),
    );
  });
});

describe('lint-zh text extraction', () => {
  it('takes front matter values and prose, without imports, fences and component tags', () => {
    const mdx = ['---', 'title: 标题', 'order: 1', '---', '', 'import X from "y";', '', '## 问题？', '', '一句话<Cite law="pipl" article="4" />。', '<Callout>', '提示文字', '</Callout>', '```', '代码里的中文', '```'].join('\n');
    expect(mdxBlocks(mdx)).toEqual([
      { text: '标题', line: 2 },
      { text: '## 问题？', line: 8 },
      { text: '一句话。', line: 10 },
      { text: '提示文字', line: 12 },
    ]);
  });

  it('reads flow mappings and quoted YAML values', () => {
    expect(yamlBlocks('- { id: a, label: 问借款人, order: 1 }\nname: "中国人民银行"\nurl: https://x\n  terms: [催收, 讨债]')).toEqual([
      { text: '问借款人', line: 1 },
      { text: '中国人民银行', line: 2 },
      { text: '催收', line: 4 },
      { text: '讨债', line: 4 },
    ]);
  });

  it('replaces letter placeholders and the space after a bold lead-in', () => {
    expect(prepare('我是{{myName}}。**先说结论。** 然后')).toBe('我是某。**先说结论。**然后');
  });
});
