import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  MAX_QUERY_LENGTH,
  capLength,
  foldWidth,
  normalizeQuery,
  segmentWords,
} from '../../src/lib/search/normalize';
import {
  KIND_TERMS,
  SynonymError,
  pageSearchTerms,
  buildSynonymIndex,
  queryVariants,
  replaceTerms,
  type SynonymGroup,
} from '../../src/lib/search/synonyms';
import { decodeEntities, excerptText, parseExcerpt } from '../../src/lib/search/excerpt';
import { digestEntry, isDigest, pickHeading, type Digest } from '../../src/lib/search/digest.mjs';
import { filtersFor, readState, stateToSearch } from '../../src/lib/search/state';
import {
  briefItems,
  loadItems,
  pickSubResult,
  rankPages,
  toItem,
  type PagefindApi,
  type PagefindData,
  type PagefindHit,
  type PagefindSubResult,
} from '../../src/lib/search/engine';

const root = resolve(import.meta.dirname, '../..');

describe('normalizeQuery', () => {
  it('strips question words and particles readers add', () => {
    expect(normalizeQuery('紧急联系人要还钱吗')).toBe('紧急联系人要还钱');
    expect(normalizeQuery('网贷爆通讯录了怎么办')).toBe('网贷爆通讯录');
    expect(normalizeQuery('催收是不是可以上门啊')).toBe('催收 上门');
    expect(normalizeQuery('能不能只还本金呢')).toBe('只还本金');
    expect(normalizeQuery('请问停息挂账是什么')).toBe('停息挂账');
  });

  it('keeps words that answers contain, and 了 inside 了解', () => {
    expect(normalizeQuery('催收半夜打电话合不合法')).toBe('催收半夜打电话合法');
    expect(normalizeQuery('我想了解征信')).toBe('我想了解征信');
    expect(normalizeQuery('他欠了多少钱')).toBe('他欠 多少钱');
  });

  it('keeps the measure word of 「几年」 so 「5年」 in the answer matches', () => {
    expect(normalizeQuery('不良记录保存几年')).toBe('不良记录保存 年');
    expect(normalizeQuery('一天打几次')).toBe('一天打 次');
  });

  it('keeps a query made only of question words rather than emptying it', () => {
    expect(normalizeQuery('怎么办')).toBe('怎么办');
  });

  it('folds full-width letters, digits and spaces, lower-cases Latin letters', () => {
    expect(foldWidth('１２３７８　ＡＰＰ')).toBe('12378 APP');
    expect(normalizeQuery('　１２３７８　')).toBe('12378');
    expect(normalizeQuery('借款ＡＰＰ')).toBe('借款app');
  });

  it('turns punctuation, symbols and emoji into single spaces', () => {
    expect(normalizeQuery('  催收？？😡😡  上门！！ ')).toBe('催收 上门');
    expect(normalizeQuery('😀👍🏽')).toBe('');
    expect(normalizeQuery('<img src=x onerror=alert(1)>')).toBe('img src x onerror alert 1');
  });

  it('returns an empty string for anything that is not a string', () => {
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery(42)).toBe('');
    expect(normalizeQuery('   ')).toBe('');
  });

  it('caps the length at 100 characters', () => {
    expect(Array.from(normalizeQuery('催'.repeat(1000))).length).toBe(MAX_QUERY_LENGTH);
  });

  it('never splits a surrogate pair when capping', () => {
    expect(capLength('😀😀😀', 2)).toBe('😀😀');
    expect(capLength('短', 5)).toBe('短');
  });

  it('never returns markup characters or more than 100 characters, whatever comes in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        const q = normalizeQuery(s);
        expect(q).not.toMatch(/[<>&"'`]/u);
        expect(Array.from(q).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(q).toBe(q.trim());
      }),
    );
  });
});

describe('query words', () => {
  it('drops pronouns, particles and fillers that every page has', () => {
    const words = segmentWords('我的钱');
    expect(words).not.toContain('我的');
    expect(words.join('')).toContain('钱');
    expect(segmentWords('他们天天打我电话').join('')).toBe('打电话');
  });
});

const GROUPS: SynonymGroup[] = [
  { id: 'collection', terms: ['催收', '催债', '讨债'] },
  { id: 'borrow', terms: ['借款', '借钱'], keep: ['借款人'] },
  { id: 'contact', terms: ['紧急联系人', '联系人'] },
  { id: 'typo-collection', typo: true, terms: ['催收', '崔收'] },
];

describe('synonyms', () => {
  const index = buildSynonymIndex(GROUPS);

  it('rewrites readers’ words into the site’s words, longest match first', () => {
    expect(replaceTerms('讨债的天天打', index.synonyms)).toBe('催收的天天打');
    expect(replaceTerms('紧急联系人', index.synonyms)).toBe('紧急联系人');
    expect(replaceTerms('当联系人', index.synonyms)).toBe('当紧急联系人');
  });

  it('leaves kept words alone (借款人 is not 借款 + 人)', () => {
    expect(replaceTerms('借款人去世', index.synonyms)).toBe('借款人去世');
    expect(replaceTerms('别人借钱', index.synonyms)).toBe('别人借款');
  });

  it('fixes typos first, then offers the site’s words as a second query', () => {
    expect(queryVariants('崔收半夜', index)).toEqual(['催收半夜']);
    expect(queryVariants('讨债半夜', index)).toEqual(['讨债半夜', '催收半夜']);
    expect(queryVariants('半夜', index)).toEqual(['半夜']);
    expect(queryVariants('', index)).toEqual([]);
    expect(queryVariants('讨债', undefined)).toEqual(['讨债']);
  });

  it('rejects a word listed in two groups, naming both', () => {
    const bad = [...GROUPS, { id: 'debt', terms: ['要债', '讨债'] }];
    expect(() => buildSynonymIndex(bad)).toThrow(SynonymError);
    expect(() => buildSynonymIndex(bad)).toThrow(/讨债.*collection.*debt/u);
  });

  it('gives pages their own keywords plus the words readers use for their kind, once each', () => {
    expect(pageSearchTerms(['停息挂账', '模板'], '模板')).toEqual(['停息挂账', '模板', ...KIND_TERMS['模板']!.filter((t) => t !== '模板')]);
    expect(pageSearchTerms(['催收'], '章节')).toEqual(['催收']);
    expect(pageSearchTerms()).toEqual([]);
  });

  it('loads the site’s list (content/search/synonyms.yaml) without conflicts', () => {
    const groups = parse(readFileSync(resolve(root, 'content/search/synonyms.yaml'), 'utf8')) as SynonymGroup[];
    expect(groups.length).toBeGreaterThanOrEqual(10);
    const index = buildSynonymIndex(groups);
    expect(queryVariants('讨债的半夜打电话', index)).toContain('催收的半夜打电话');
    expect(queryVariants('爆通迅录', index)[0]).toBe('爆通讯录');
    expect(KIND_TERMS['模板']).toContain('模板');
  });
});

describe('excerpts', () => {
  it('splits at <mark> and decodes entities into plain text', () => {
    expect(parseExcerpt('催收 <mark>半夜</mark> 打电话 &lt;b&gt; &amp; &quot;')).toEqual([
      { text: '催收 ', mark: false },
      { text: '半夜', mark: true },
      { text: ' 打电话 <b> & "', mark: false },
    ]);
  });

  it('keeps any other tag as literal text, so it can only ever be shown, never run', () => {
    const parts = parseExcerpt('<img src=x onerror=alert(1)><mark>钱</mark>');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)>', mark: false });
    expect(parts[1]).toEqual({ text: '钱', mark: true });
  });

  it('merges neighbouring parts and drops empty ones', () => {
    expect(parseExcerpt('<mark>紧急</mark><mark>联系人</mark>')).toEqual([{ text: '紧急联系人', mark: true }]);
    expect(parseExcerpt('')).toEqual([]);
    expect(excerptText(parseExcerpt('a<mark>b</mark>c'))).toBe('abc');
  });

  it('decodes numeric entities but leaves invalid and unknown ones as written', () => {
    expect(decodeEntities('&#20538;&#x503A;')).toBe('债债');
    expect(decodeEntities('&#0; &#xD800; &bogus;')).toBe('&#0; &#xD800; &bogus;');
  });
});

describe('search page address', () => {
  it('reads q, who and type, falling back to 全部 for unknown values', () => {
    expect(readState(new URLSearchParams('q=爆通讯录&who=borrower&type=law'))).toEqual({
      q: '爆通讯录',
      who: 'borrower',
      type: 'law',
    });
    expect(readState(new URLSearchParams('who=hacker&type=<b>'))).toEqual({ q: '', who: 'all', type: 'all' });
  });

  it('caps a very long q', () => {
    expect(Array.from(readState(new URLSearchParams({ q: '钱'.repeat(1000) })).q).length).toBe(MAX_QUERY_LENGTH);
  });

  it('writes only what differs from the defaults', () => {
    expect(stateToSearch({ q: '', who: 'all', type: 'all' })).toBe('');
    expect(stateToSearch({ q: '半夜 催收', who: 'emergency-contact', type: 'all' })).toBe(
      '?q=%E5%8D%8A%E5%A4%9C+%E5%82%AC%E6%94%B6&who=emergency-contact',
    );
  });

  it('maps filters to the pages’ 对象 and 类型 values; 所有人 counts for both audiences', () => {
    expect(filtersFor({ who: 'all', type: 'all' })).toEqual({});
    expect(filtersFor({ who: 'borrower', type: 'verdict' })).toEqual({
      对象: { any: ['借款人', '所有人'] },
      类型: { any: ['判断'] },
    });
    expect(filtersFor({ who: 'emergency-contact', type: 'letter' })['类型']).toEqual({ any: ['模板'] });
  });
});

/** A tiny stand-in for Pagefind: AND over whitespace words, score = occurrences. */
function fakePagefind(pages: Record<string, string>) {
  const calls: { term: string; filters: unknown }[] = [];
  const api: PagefindApi = {
    async search(term, options) {
      calls.push({ term, filters: options?.filters });
      const words = term.split(/\s+/u).filter(Boolean);
      const results: PagefindHit[] = [];
      for (const [url, text] of Object.entries(pages)) {
        if (!words.every((w) => text.includes(w))) continue;
        const score = words.reduce((s, w) => s + text.split(w).length - 1, 0);
        // Word positions, as Pagefind reports them: the index of each matching space-separated token.
        const tokens = text.split(/\s+/u);
        const positions = tokens.flatMap((t, i) => (words.some((w) => t.includes(w)) ? [i] : []));
        results.push({
          id: url,
          score,
          words: positions,
          data: async () => ({ url, excerpt: text, meta: { title: url } }),
        });
      }
      return { results: results.sort((a, b) => b.score - a.score) };
    },
  };
  return { api, calls };
}

describe('rankPages', () => {
  it('does not search at all for an empty or emoji-only query', async () => {
    const { api, calls } = fakePagefind({ '/a/': '钱' });
    expect(await rankPages(api, '  😀 ')).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('ranks pages with every word first, then pages with most of the words', async () => {
    const { api } = fakePagefind({
      '/all/': '半夜 上门 录音',
      '/most/': '半夜 半夜 半夜 上门 上门 上门',
      '/none/': '证据',
    });
    const ranked = await rankPages(api, '半夜上门录音吗');
    expect(ranked.map((r) => r.id)).toEqual(['/all/', '/most/']);
  });

  it('leaves out pages with half of the words or fewer', async () => {
    const { api } = fakePagefind({ '/one/': '半夜', '/two/': '半夜 上门', '/three/': '半夜 上门 录音' });
    const ranked = await rankPages(api, '半夜 上门 录音 证据');
    expect(ranked.map((r) => r.id)).toEqual(['/three/']);
  });

  it('also searches the query in the site’s words', async () => {
    const { api, calls } = fakePagefind({ '/chapter/': '催收 骚扰' });
    const ranked = await rankPages(api, '讨债骚扰', { synonyms: buildSynonymIndex(GROUPS) });
    expect(ranked.map((r) => r.id)).toEqual(['/chapter/']);
    expect(calls.some((c) => c.term.includes('讨'))).toBe(true);
    expect(calls.some((c) => c.term.includes('催'))).toBe(true);
  });

  it('passes the reader’s filters to every search', async () => {
    const { api, calls } = fakePagefind({ '/a/': '半夜 打电话' });
    const filters = { 类型: { any: ['判断'] } };
    await rankPages(api, '半夜打电话', { filters });
    expect(calls.length).toBeGreaterThan(1);
    for (const c of calls) expect(c.filters).toEqual(filters);
  });
});

const sub = (title: string, element: string | undefined, scores: number[]): PagefindSubResult => ({
  title,
  url: element ? `/p/#${title}` : '/p/',
  excerpt: `<mark>${title}</mark>`,
  ...(element ? { anchor: { element, id: title } } : {}),
  weighted_locations: scores.map((s, i) => ({ weight: 1, balanced_score: s, location: i })),
});

describe('results', () => {
  it('shows the best-matching question heading, not the notes or next steps', () => {
    const subs = [sub('页面', undefined, [50]), sub('能上门吗？', 'h2', [5]), sub('法律依据', 'h2', [9]), sub('怎么投诉？', 'h2', [7])];
    expect(pickSubResult(subs)?.title).toBe('怎么投诉？');
    expect(pickSubResult([sub('页面', undefined, [1])])?.title).toBe('页面');
    expect(pickSubResult([])).toBeUndefined();
  });

  it('turns Pagefind data into title, kind, heading and excerpt', () => {
    const data: PagefindData = {
      url: '/common-problems/',
      excerpt: '整页',
      meta: { title: '常见问题' },
      filters: { 类型: ['章节'] },
      sub_results: [sub('催收半夜打电话，合法吗？', 'h2', [3])],
    };
    expect(toItem(data)).toEqual({
      url: '/common-problems/',
      title: '常见问题',
      kind: '章节',
      heading: { title: '催收半夜打电话，合法吗？', url: '/p/#催收半夜打电话，合法吗？' },
      excerpt: [{ text: '催收半夜打电话，合法吗？', mark: true }],
    });
  });

  it('loads only the requested slice of results', async () => {
    const { api } = fakePagefind({ '/a/': '钱 钱 钱', '/b/': '钱 钱', '/c/': '钱' });
    const ranked = await rankPages(api, '钱');
    const items = await loadItems(ranked, 1, 2);
    expect(items.map((i) => i.url)).toEqual(['/b/']);
  });
});

describe('search digest (instant results without page contents)', () => {
  const fragment = {
    url: '/common-problems/',
    meta: { title: '常见问题' },
    filters: { 类型: ['章节'] },
    anchors: [
      { element: 'h2', id: 'b', text: '第二问？', location: 20 },
      { element: 'h2', id: 'a', text: ' 第一问？ ', location: 5 },
      { element: 'a', id: 'cite-1', text: '[1]', location: 7 },
      { element: 'h2', id: 'notes-title', text: '法律依据', location: 40 },
      { element: 'h3', text: '没有 id', location: 30 },
    ],
  };

  it('keeps url, title, type and the question headings in page order (no notes, links or id-less headings)', () => {
    expect(digestEntry(fragment)).toEqual(['/common-problems/', '常见问题', '章节', [[5, '第一问？', 'a'], [20, '第二问？', 'b']]]);
    expect(digestEntry({ url: '/x/' })).toEqual(['/x/', '/x/', '', []]);
  });

  it('picks the heading most matched words sit under, none when they sit before every heading', () => {
    const headings = digestEntry(fragment)[3];
    expect(pickHeading(headings, [6, 21, 22, 25])?.[2]).toBe('b');
    expect(pickHeading(headings, [6, 21])?.[2]).toBe('a'); // a tie goes to the earlier heading
    expect(pickHeading(headings, [1, 2, 3])).toBeUndefined();
    expect(pickHeading([], [1])).toBeUndefined();
  });

  it('prefers a question that names the reader’s words over a long section that merely uses them', () => {
    const headings: [number, string, string][] = [
      [0, '我被填成紧急联系人，要替他还钱吗？', 'must-i-pay'],
      [50, '我想帮家里人，能做些什么？', 'help'],
    ];
    const manyBelowSecond = [51, 55, 60, 61, 70, 80, 90];
    expect(pickHeading(headings, [3, ...manyBelowSecond], ['紧急', '联系', '钱'])?.[2]).toBe('must-i-pay');
    expect(pickHeading(headings, [3, ...manyBelowSecond], [])?.[2]).toBe('help');
    expect(pickHeading(headings, [], ['钱'])?.[2]).toBe('must-i-pay');
  });

  it('refuses a digest of the wrong shape', () => {
    expect(isDigest({ p1: ['/a/', 'A', '章节', []] })).toBe(true);
    for (const bad of [null, [], 'x', { p1: ['/a/', 'A'] }, { p1: ['/a/', 1, '章节', []] }]) expect(isDigest(bad)).toBe(false);
  });

  it('turns ranked pages into titles and matched headings from the digest alone', async () => {
    const { api } = fakePagefind({ '/p/': '开头 说明 半夜 电话 问题 上门 上门 上门', '/q/': '上门' });
    const ranked = await rankPages(api, '上门');
    const digest: Digest = {
      '/p/': ['/p/', '页面P', '章节', [[0, '开头？', 'start'], [4, '上门吗？', 'visit']]],
      '/q/': ['/q/', '页面Q', '判断', []],
    };
    expect(briefItems(ranked, 0, 5, digest)).toEqual([
      { url: '/p/', title: '页面P', kind: '章节', heading: { title: '上门吗？', url: '/p/#visit' }, excerpt: [] },
      { url: '/q/', title: '页面Q', kind: '判断', heading: undefined, excerpt: [] },
    ]);
    // A page the digest does not know is left out (the caller then loads page data instead).
    expect(briefItems(ranked, 0, 5, { '/q/': digest['/q/']! }).map((i) => i.url)).toEqual(['/q/']);
  });

  it('collects word positions from the single-word searches too', async () => {
    const { api } = fakePagefind({ '/p/': '半夜 电话 其他 上门' });
    const [hit] = await rankPages(api, '半夜上门');
    expect([...hit!.locations].sort()).toEqual([0, 3]);
  });
});

describe('the evaluation set', () => {
  it('has at least 40 queries, each with one to three answer paths', () => {
    const queries = parse(readFileSync(resolve(root, 'tests/search/queries.yaml'), 'utf8')) as {
      q: string;
      answers: string[];
    }[];
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const item of queries) {
      expect(item.q.trim().length, JSON.stringify(item)).toBeGreaterThan(0);
      expect(item.answers.length, item.q).toBeGreaterThanOrEqual(1);
      expect(item.answers.length, item.q).toBeLessThanOrEqual(3);
      for (const a of item.answers) expect(a, item.q).toMatch(/^\/([a-z0-9*-]+\/)*$/u);
    }
    expect(new Set(queries.map((q) => q.q)).size).toBe(queries.length);
  });
});
