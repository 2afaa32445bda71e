import { describe, expect, it } from 'vitest';
import {
  articleAnchor,
  articleLabel,
  citationHref,
  extractCitations,
} from '../../src/lib/cite/references';
import { numberNotes } from '../../src/lib/cite/notes';
import {
  buildNotes,
  buildRegistry,
  CitationError,
  indexUsage,
  resolveAll,
  resolveCitation,
} from '../../src/lib/cite/registry';

const registry = buildRegistry([
  {
    id: 'pipl',
    title: '中华人民共和国个人信息保护法',
    shortTitle: '个人信息保护法',
    kind: '法律',
    articles: [
      { number: '47', summary: '删除权', verification: 'verified' },
      { number: '45', summary: '查阅复制权', verification: 'verified' },
    ],
  },
  {
    id: 'criminal-law',
    title: '中华人民共和国刑法',
    shortTitle: '刑法',
    kind: '法律',
    articles: [{ number: '293-1', summary: '催收非法债务罪', verification: 'verified' }],
  },
  {
    id: 'collection-standard',
    title: '互联网金融 个人网络消费信贷 贷后催收风控指引',
    shortTitle: 'GB/T 45251-2025',
    kind: '国家标准',
    articles: [{ number: 'hours', label: '关于催收时间的要求', summary: '22点到8点不催收', verification: 'reported' }],
  },
]);

describe('extractCitations', () => {
  it('finds every Cite tag in document order, with either quote style', () => {
    const mdx = `你可以要求删除<Cite law="pipl" article="47" />。\n又见<Cite article='45' law='pipl'/>和<Cite law="criminal-law" />。`;
    expect(extractCitations(mdx)).toEqual([
      { law: 'pipl', article: '47' },
      { law: 'pipl', article: '45' },
      { law: 'criminal-law', article: undefined },
    ]);
  });

  it('ignores other components and returns an empty law for a tag without one', () => {
    expect(extractCitations('<Say>不要</Say><Citex law="x" />')).toEqual([]);
    expect(extractCitations('<Cite article="1" />')).toEqual([{ law: '', article: '1' }]);
  });
});

describe('labels and anchors', () => {
  it('names articles the Chinese way', () => {
    expect(articleLabel('47')).toBe('第47条');
    expect(articleLabel('293-1')).toBe('第293条之一');
    expect(articleLabel('253-1')).toBe('第253条之一');
    expect(articleLabel('hours', '关于催收时间的要求')).toBe('关于催收时间的要求');
  });

  it('builds stable anchors and hrefs', () => {
    expect(articleAnchor('293-1')).toBe('art-293-1');
    expect(citationHref({ law: 'pipl', article: '47' })).toBe('/laws/pipl/#art-47');
    expect(citationHref({ law: 'pipl' })).toBe('/laws/pipl/');
  });
});

describe('numberNotes', () => {
  it('numbers in order of first citation and reuses the number for a repeated citation', () => {
    const idx = numberNotes([
      { law: 'pipl', article: '47' },
      { law: 'criminal-law', article: '293-1' },
      { law: 'pipl', article: '47' },
      { law: 'pipl', article: '45' },
    ]);
    expect(idx.notes.map((n) => [n.n, n.ref.law, n.ref.article])).toEqual([
      [1, 'pipl', '47'],
      [2, 'criminal-law', '293-1'],
      [3, 'pipl', '45'],
    ]);
    expect(idx.numberOf({ law: 'pipl', article: '45' })).toBe(3);
    expect(idx.numberOf({ law: 'pipl', article: '46' })).toBeUndefined();
  });

  it('treats a whole-instrument citation as its own note', () => {
    const idx = numberNotes([{ law: 'pipl' }, { law: 'pipl', article: '47' }]);
    expect(idx.notes).toHaveLength(2);
  });
});

describe('resolveCitation', () => {
  it('resolves an article to its label and anchor', () => {
    const r = resolveCitation(registry, { law: 'criminal-law', article: '293-1' }, 'x.mdx');
    expect(r.text).toBe('刑法 第293条之一');
    expect(r.href).toBe('/laws/criminal-law/#art-293-1');
  });

  it('resolves provision keys with their label', () => {
    const r = resolveCitation(registry, { law: 'collection-standard', article: 'hours' }, 'x.mdx');
    expect(r.text).toBe('GB/T 45251-2025 关于催收时间的要求');
  });

  it('names the file and the reference for an unknown law', () => {
    expect(() => resolveCitation(registry, { law: 'civil-cod', article: '465' }, 'content/chapters/a.mdx')).toThrow(
      /content\/chapters\/a\.mdx: .*law="civil-cod" article="465"/,
    );
  });

  it('names the file and the reference for an unknown article', () => {
    expect(() => resolveCitation(registry, { law: 'pipl', article: '99' }, 'content/letters/b.mdx')).toThrow(
      CitationError,
    );
    expect(() => resolveCitation(registry, { law: 'pipl', article: '99' }, 'content/letters/b.mdx')).toThrow(
      /content\/letters\/b\.mdx.*law="pipl" article="99"/,
    );
  });

  it('reports every bad reference of a file at once', () => {
    try {
      resolveAll(registry, [{ law: 'x' }, { law: 'pipl', article: '47' }, { law: 'pipl', article: '1' }], 'f.mdx');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message.split('\n')).toHaveLength(2);
    }
  });
});

describe('buildNotes and indexUsage', () => {
  it('resolves the numbered notes of a page', () => {
    const notes = buildNotes(registry, numberNotes([{ law: 'pipl', article: '45' }, { law: 'pipl', article: '47' }]), 'p');
    expect(notes.map((n) => `${n.n}:${n.cite.text}`)).toEqual(['1:个人信息保护法 第45条', '2:个人信息保护法 第47条']);
  });

  it('lists each citing page once per article', () => {
    const use = { href: '/emergency-contacts/', title: '紧急联系人', kind: '章节' as const };
    const usage = indexUsage([
      { use, refs: [{ law: 'pipl', article: '47' }, { law: 'pipl', article: '47' }] },
      { use: { ...use, href: '/myths/' }, refs: [{ law: 'pipl', article: '47' }] },
    ]);
    expect(usage.get('pipl#47')?.map((u) => u.href)).toEqual(['/emergency-contacts/', '/myths/']);
    expect(usage.get('pipl#45')).toBeUndefined();
  });
});
