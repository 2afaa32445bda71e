/**
 * Pure parts of sharing and reading: font-slice selection from @fontsource's unicode-range, image
 * cache keys and names, structured data, share text, QR paths, voice choice and utterance splitting.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encode } from 'uqr';
import { parseFontFaces, parseRangeToken, selectSlices, type FontSlice } from '../../src/lib/og/fonts';
import { ogCacheKey } from '../../src/lib/og/cache';
import { buildOgSpecs, ogImageFor, ogNameForPath, verdictKicker, type OgSpec } from '../../src/lib/og/specs';
import { TEMPLATE_VERSION, VERDICT_COLOURS, ogTree, textOf, titleSize, type OgNode } from '../../src/lib/og/template';
import { articleLd, breadcrumbLd, breadcrumbTrail, ldJson } from '../../src/lib/share/structured';
import { shareText } from '../../src/lib/share/text';
import { QUIET_ZONE, qrPath, qrSvg } from '../../src/lib/share/qr';
import { plainText } from '../../src/lib/share/anchors';
import { pickChineseVoice, utterances } from '../../src/lib/reading/speech';
import { PRE_PAINT_SCRIPT, TEXT_SIZE_KEY } from '../../src/lib/reading/keys';

const FONT_DIR = resolve(import.meta.dirname, '../../node_modules/@fontsource/noto-sans-sc');

describe('unicode-range parsing and slice selection', () => {
  it('parses single code points, ranges and wildcards', () => {
    expect(parseRangeToken('U+4e00')).toEqual([0x4e00, 0x4e00]);
    expect(parseRangeToken(' U+ff01-ff5e ')).toEqual([0xff01, 0xff5e]);
    expect(parseRangeToken('U+4??')).toEqual([0x400, 0x4ff]);
    expect(parseRangeToken('U+20-1f')).toBeUndefined();
    expect(parseRangeToken('bogus')).toBeUndefined();
  });

  const css = `
    /* a */ @font-face { font-family: 'Noto Sans SC'; src: url(./files/a-700.woff2) format('woff2'), url(./files/a-700.woff) format('woff'); unicode-range: U+4e00-4e10,U+3002; }
    /* b */ @font-face { font-family: 'Noto Sans SC'; src: url(./files/b-700.woff2) format('woff2'), url("./files/b-700.woff") format('woff'); unicode-range: U+4e0?; }
    /* latin */ @font-face { font-family: 'Noto Sans SC'; src: url(./files/latin-700.woff) format('woff'); unicode-range: U+0000-00FF; }`;

  it('reads the .woff file (not .woff2) and the ranges of each @font-face', () => {
    expect(parseFontFaces(css)).toEqual([
      { file: 'a-700.woff', ranges: [[0x4e00, 0x4e10], [0x3002, 0x3002]] },
      { file: 'b-700.woff', ranges: [[0x4e00, 0x4e0f]] },
      { file: 'latin-700.woff', ranges: [[0, 0xff]] },
    ]);
  });

  it('picks the first slice covering each character, keeps file order, and reports uncovered ones', () => {
    const slices = parseFontFaces(css);
    const { slices: picked, missing } = selectSlices(slices, 'A\u4e01。\u4e11\n');
    expect(picked.map((s) => s.file)).toEqual(['a-700.woff', 'latin-700.woff']);
    expect(missing).toEqual(['\u4e11']);
    expect(selectSlices(slices, 'abc').slices.map((s) => s.file)).toEqual(['latin-700.woff']);
  });

  it('covers the site name, titles and punctuation with a few of the real @fontsource 700 slices', () => {
    const slices = parseFontFaces(readFileSync(join(FONT_DIR, '700.css'), 'utf8'));
    expect(slices.length).toBeGreaterThan(90);
    for (const s of slices) expect(existsSync(join(FONT_DIR, 'files', s.file)), s.file).toBe(true);
    const { slices: picked, missing } = selectSlices(slices, '催收明白纸：晚上十点后或早上八点前来电（22点）“传票”……');
    expect(missing).toEqual([]);
    expect(picked.length).toBeGreaterThan(1);
    expect(picked.length).toBeLessThan(20);
    const covers = (s: FontSlice, ch: string) => s.ranges.some(([a, b]) => ch.codePointAt(0)! >= a && ch.codePointAt(0)! <= b);
    for (const ch of '催收明白纸…“') expect(picked.some((s) => covers(s, ch)), ch).toBe(true);
  });
});

const chapterSpec: OgSpec = { name: 'history', path: '/history/', kicker: '章节', title: '消费金融从哪里来' };

describe('image names, specs and cache keys', () => {
  it('derives the image name from the page path', () => {
    expect(ogNameForPath('/history/')).toBe('history');
    expect(ogNameForPath('/checker/spouse/insult/')).toBe('checker-spouse-insult');
    expect(ogNameForPath('/letters/stop-contact/index.html')).toBe('letters-stop-contact');
    expect(ogNameForPath('/')).toBeUndefined();
  });

  it('points pages without their own image at the default', () => {
    const names = new Set(['default', 'history']);
    expect(ogImageFor('/history/', names)).toBe('/og/history.png');
    expect(ogImageFor('/laws/pipl/', names)).toBe('/og/default.png');
    expect(ogImageFor('/', names)).toBe('/og/default.png');
  });

  it('builds one spec per chapter, letter and verdict, with the verdict label', () => {
    const specs = buildOgSpecs({
      chapters: [{ id: 'history', title: '消费金融从哪里来' }],
      letters: [{ id: 'stop-contact', title: '请停止联系我' }],
      verdicts: [
        { role: 'guarantor', action: 'insult', actionLabel: '辱骂', verdict: 'prohibited', headline: '不能骂你', ruleRoles: ['保证人', '配偶'], allRoles: false },
        { role: 'spouse', action: 'insult', actionLabel: '辱骂', verdict: 'prohibited', headline: '不能骂你', ruleRoles: ['保证人', '配偶'], allRoles: false },
      ],
      tagline: '一页说明白',
    });
    expect(specs.map((s) => [s.name, s.path])).toEqual([
      ['default', ''],
      ['history', '/history/'],
      ['letters-stop-contact', '/letters/stop-contact/'],
      ['checker-guarantor-insult', '/checker/guarantor/insult/'],
      ['checker-spouse-insult', '/checker/spouse/insult/'],
    ]);
    expect(specs[4]!.verdict).toEqual({ key: 'prohibited', label: '不可以', headline: '不能骂你' });
    expect(specs[4]!.kicker).toBe('如果你是保证人或配偶');
    expect(specs[4]!.title).toBe('催收员辱骂');
    // Pages of one rule draw the same picture, so the cache draws it once.
    expect(ogCacheKey(specs[3]!, 1, 'v')).toBe(ogCacheKey(specs[4]!, 1, 'v'));
  });

  it('names every role a verdict covers, or says it is the same for everyone', () => {
    expect(verdictKicker(['配偶'], false)).toBe('如果你是配偶');
    expect(verdictKicker(['紧急联系人', '其他亲友', '单位/同事'], false)).toBe('如果你是紧急联系人、其他亲友或单位/同事');
    expect(verdictKicker(['a', 'b'], true)).toBe('无论你是谁');
  });

  it('refuses two pages that would write the same image', () => {
    expect(() =>
      buildOgSpecs({ chapters: [{ id: 'letters-a', title: 'x' }], letters: [{ id: 'a', title: 'y' }], verdicts: [], tagline: 't' }),
    ).toThrow(/letters-a/);
  });

  it('keys the cache by what is drawn, the template version and the font version', () => {
    const key = ogCacheKey(chapterSpec, 1, '5.3.0');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(ogCacheKey({ ...chapterSpec }, 1, '5.3.0')).toBe(key);
    // Same picture under another page name: same file.
    expect(ogCacheKey({ ...chapterSpec, name: 'x', path: '/x/' }, 1, '5.3.0')).toBe(key);
    expect(ogCacheKey({ ...chapterSpec, title: '消费金融从哪里来？' }, 1, '5.3.0')).not.toBe(key);
    expect(ogCacheKey(chapterSpec, 2, '5.3.0')).not.toBe(key);
    expect(ogCacheKey(chapterSpec, 1, '5.4.0')).not.toBe(key);
    expect(ogCacheKey({ ...chapterSpec, verdict: { key: 'allowed', label: '可以', headline: 'h' } }, 1, '5.3.0')).not.toBe(key);
  });
});

describe('image template', () => {
  const collect = (n: OgNode | string, out: string[] = []): string[] => {
    if (typeof n === 'string') out.push(n);
    else {
      const c = n.props.children;
      for (const child of c === undefined ? [] : Array.isArray(c) ? c : [c]) collect(child, out);
    }
    return out;
  };
  const styles = (n: OgNode, out: Record<string, string | number>[] = []) => {
    if (n.props.style) out.push(n.props.style);
    const c = n.props.children;
    for (const child of c === undefined ? [] : Array.isArray(c) ? c : [c]) if (typeof child !== 'string') styles(child, out);
    return out;
  };

  it('draws the site name and title, and for verdicts the label in the verdict colour', () => {
    const verdict: OgSpec = { ...chapterSpec, verdict: { key: 'criminal', label: '可能违法犯罪·可报警', headline: '这是犯罪' } };
    const tree = ogTree(verdict, '催收明白纸', 'f0');
    expect(tree.props.style).toMatchObject({ width: 1200, height: 630, fontFamily: 'f0' });
    expect(collect(tree)).toEqual(['催收明白纸', '章节', '消费金融从哪里来', '可能违法犯罪·可报警', '这是犯罪']);
    expect(styles(tree).filter((s) => s.backgroundColor === VERDICT_COLOURS.criminal).length).toBeGreaterThanOrEqual(1);
    expect(textOf(verdict, '催收明白纸')).toBe(collect(tree).join(''));
    expect(collect(ogTree(chapterSpec, '催收明白纸', 'f0'))).toEqual(['催收明白纸', '章节', '消费金融从哪里来']);
    const fallback: OgSpec = { name: 'default', path: '', kicker: '', title: '一页说明白' };
    expect(collect(ogTree(fallback, '催收明白纸', 'f0'))).toEqual(['催收明白纸', '一页说明白']);
    expect(textOf(fallback, '催收明白纸')).toBe('催收明白纸一页说明白');
  });

  it('shrinks long titles so they fit, keeping short ones large for thumbnails', () => {
    expect(titleSize('短标题', false)).toBeGreaterThanOrEqual(80);
    expect(titleSize('很'.repeat(60), false)).toBeLessThan(titleSize('很'.repeat(20), false));
    expect(titleSize('很'.repeat(30), true)).toBeLessThan(titleSize('很'.repeat(10), true));
    expect(TEMPLATE_VERSION).toBeGreaterThan(0);
  });
});

describe('structured data', () => {
  const names = new Map([
    ['/checker/', '催收员能做什么'],
    ['/checker/spouse/', '催收员能对配偶做什么'],
  ]);

  it('builds a breadcrumb trail from known ancestors only', () => {
    expect(breadcrumbTrail('/', '首页', names)).toEqual([]);
    expect(breadcrumbTrail('/history/', '消费金融', names)).toEqual([
      { name: '首页', path: '/' },
      { name: '消费金融', path: '/history/' },
    ]);
    expect(breadcrumbTrail('/checker/spouse/insult/', '辱骂', names).map((c) => c.path)).toEqual([
      '/',
      '/checker/',
      '/checker/spouse/',
      '/checker/spouse/insult/',
    ]);
    expect(breadcrumbTrail('/letters/stop-contact/', '信', names).map((c) => c.path)).toEqual(['/', '/letters/stop-contact/']);
  });

  it('numbers breadcrumb items from 1 with absolute URLs', () => {
    const ld = breadcrumbLd(breadcrumbTrail('/checker/spouse/', '配偶', names), 'https://example.org');
    expect(ld.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: '首页', item: 'https://example.org/' },
      { '@type': 'ListItem', position: 2, name: '催收员能做什么', item: 'https://example.org/checker/' },
      { '@type': 'ListItem', position: 3, name: '配偶', item: 'https://example.org/checker/spouse/' },
    ]);
  });

  it('describes an article with its date, image and publisher', () => {
    const a = articleLd({
      title: 't',
      description: 'd',
      url: 'https://example.org/t/',
      image: 'https://example.org/og/t.png',
      siteName: '催收明白纸',
      site: 'https://example.org',
      updated: new Date('2026-11-30T00:00:00Z'),
    });
    expect(a).toMatchObject({ '@type': 'Article', headline: 't', dateModified: '2026-11-30', inLanguage: 'zh-CN' });
    expect(a.publisher).toEqual({ '@type': 'Organization', name: '催收明白纸', url: 'https://example.org/' });
    expect(articleLd({ title: 't', description: 'd', url: 'u', image: 'i', siteName: 's', site: 'https://e.org' })).not.toHaveProperty('dateModified');
  });

  it('escapes "<" so a value cannot close the script element', () => {
    const text = ldJson([{ '@type': 'Thing', name: '</script><script>alert(1)</script>' }]);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)['@graph'][0].name).toBe('</script><script>alert(1)</script>');
    expect(JSON.parse(text)['@context']).toBe('https://schema.org');
  });
});

describe('share text', () => {
  it('joins title and summary with a full-width colon', () => {
    expect(shareText('紧急联系人要还钱吗', '不用，除非你签过担保。')).toBe('紧急联系人要还钱吗：不用，除非你签过担保。');
  });
  it('does not add a colon after a question mark, or repeat a title the summary starts with', () => {
    expect(shareText('要还钱吗？', '不用。')).toBe('要还钱吗？不用。');
    expect(shareText('标题', '标题和更多')).toBe('标题和更多');
    expect(shareText(' 标题 ', '')).toBe('标题');
  });
});

describe('QR code', () => {
  it('joins each row’s dark modules into one rectangle per run', () => {
    expect(qrPath([[true, true, false, true], [false, false, false, false], [false, true, true, true]])).toBe(
      'M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z',
    );
  });

  it('draws exactly the dark modules of the encoded address, inside a white quiet zone', () => {
    const url = 'https://cuishou.example/checker/emergency-contact/night-calls/';
    const { data, size } = encode(url, { ecc: 'M', border: 0 });
    const svg = qrSvg(url);
    const full = size + 2 * QUIET_ZONE;
    expect(svg).toContain(`viewBox="-${QUIET_ZONE} -${QUIET_ZONE} ${full} ${full}"`);
    expect(svg).toContain('fill="#fff"');
    const d = /<path d="([^"]+)"/.exec(svg)![1]!;
    const drawn = new Set<string>();
    for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      for (let i = 0; i < Number(m[3]); i++) drawn.add(`${Number(m[1]) + i},${m[2]}`);
    }
    const dark = new Set<string>();
    data.forEach((row, y) => row.forEach((on, x) => on && dark.add(`${x},${y}`)));
    expect(drawn).toEqual(dark);
    expect(svg.length).toBeLessThan(6000);
  });
});

describe('heading anchor labels', () => {
  it('gives the plain text of a rendered heading, without note markers', () => {
    expect(plainText('催收员能<strong>上门</strong>吗？<sup><a href="#note-1">[1]</a></sup>')).toBe('催收员能上门吗？');
    expect(plainText('A &amp; B&nbsp;&#x4e2d;&#25991; &lt;x&gt;')).toBe('A & B 中文 <x>');
  });
});

describe('read aloud', () => {
  const v = (lang: string, localService = true) => ({ lang, localService, name: lang });

  it('chooses an on-device mainland Mandarin voice, never an online one', () => {
    expect(pickChineseVoice([v('en-US'), v('zh-TW'), v('zh-CN')])?.lang).toBe('zh-CN');
    expect(pickChineseVoice([v('zh_CN')])?.lang).toBe('zh_CN');
    expect(pickChineseVoice([v('cmn-Hans-CN')])?.lang).toBe('cmn-Hans-CN');
    expect(pickChineseVoice([v('zh-CN', false)])).toBeUndefined();
    expect(pickChineseVoice([v('zh-HK'), v('zh-TW'), v('ja-JP')])).toBeUndefined();
    expect(pickChineseVoice([])).toBeUndefined();
  });

  it('keeps short paragraphs whole and cuts long ones after sentences', () => {
    expect(utterances(['标题', '  ', '第一段。'])).toEqual(['标题', '第一段。']);
    const long = '第一句话很长很长。第二句话也很长。第三句。';
    const parts = utterances([long], 10);
    expect(parts).toEqual(['第一句话很长很长。', '第二句话也很长。', '第三句。']);
    expect(parts.join('')).toBe(long);
  });

  it('cuts a sentence longer than the limit at a comma, else at the limit, losing nothing', () => {
    const s = '一二三四五，六七八九十一二三四五六七八九十。';
    const parts = utterances([s], 8);
    expect(parts.every((p) => p.length <= 8)).toBe(true);
    expect(parts[0]).toBe('一二三四五，');
    expect(parts.join('')).toBe(s);
  });

  it('stores the text size under one key that the pre-paint script reads', () => {
    expect(PRE_PAINT_SCRIPT).toContain(`'${TEXT_SIZE_KEY}'`);
    // The script must parse as plain JavaScript (it runs before any module).
    expect(() => new Function(PRE_PAINT_SCRIPT)).not.toThrow();
  });
});
