import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMPLAINT_LETTER_PATH, MAX_QUERY_LENGTH, complaintDraftHref, parseState, serializeState } from '../../src/lib/checker/state';
import { buildRuleTable, evaluate, summarise, type RuleLike } from '../../src/lib/checker/evaluate';
import { buildRoleData, isSiteHref, readRoleData, verdictHref, type ResolvedVerdict } from '../../src/lib/checker/data';
import { paragraphs, searchAudience, verdictTitle } from '../../src/lib/checker/pages';

const vocab = {
  roles: ['borrower', 'emergency-contact', 'guarantor'],
  actions: ['ask-whereabouts', 'demand-repayment', 'night-calls', 'threaten-violence'],
};

describe('parseState', () => {
  it('reads a role and actions, in form order', () => {
    expect(parseState('?role=emergency-contact&did=night-calls,demand-repayment', vocab)).toEqual({
      role: 'emergency-contact',
      did: ['demand-repayment', 'night-calls'],
      dropped: false,
    });
  });

  it('drops unknown ids and duplicates and says so', () => {
    const s = parseState('?role=lender&did=night-calls,night-calls,<script>,demand-repayment&did=x', vocab);
    expect(s.role).toBeUndefined();
    expect(s.did).toEqual(['demand-repayment', 'night-calls']);
    expect(s.dropped).toBe(true);
  });

  it('accepts repeated did parameters and encoded commas', () => {
    expect(parseState('role=borrower&did=night-calls&did=ask-whereabouts%2Cthreaten-violence', vocab).did).toEqual([
      'ask-whereabouts',
      'night-calls',
      'threaten-violence',
    ]);
  });

  it('gives an empty state for empty or garbled input', () => {
    expect(parseState('', vocab)).toEqual({ role: undefined, did: [], dropped: false });
    expect(parseState('%E0%A4%A', vocab).role).toBeUndefined();
    expect(parseState('?role=%', vocab).dropped).toBe(true);
  });

  it('ignores everything beyond the length cap', () => {
    const long = `?role=borrower&did=${'night-calls,'.repeat(500)}`;
    expect(long.length).toBeGreaterThan(MAX_QUERY_LENGTH);
    const s = parseState(long, vocab);
    expect(s.did).toEqual(['night-calls']);
    expect(s.dropped).toBe(true);
  });

  it('never throws, whatever the string (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (s) => {
        const r = parseState(s, vocab);
        expect(r.did.every((a) => vocab.actions.includes(a))).toBe(true);
        expect(r.role === undefined || vocab.roles.includes(r.role)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => void parseState(`?role=${s}&did=${s}`, vocab)));
  });

  it('round-trips every valid state (property)', () => {
    const state = fc.record({
      role: fc.option(fc.constantFrom(...vocab.roles), { nil: undefined }),
      did: fc.uniqueArray(fc.constantFrom(...vocab.actions)),
    });
    fc.assert(
      fc.property(state, (s) => {
        const parsed = parseState(serializeState(s, vocab), vocab);
        expect(parsed.role).toBe(s.role);
        expect(parsed.did).toEqual(vocab.actions.filter((a) => s.did.includes(a)));
        expect(parsed.dropped).toBe(false);
      }),
    );
  });
});

describe('serializeState', () => {
  it('writes readable, canonical query strings', () => {
    expect(serializeState({ role: 'borrower', did: ['night-calls', 'ask-whereabouts'] }, vocab)).toBe(
      '?role=borrower&did=ask-whereabouts,night-calls',
    );
    expect(serializeState({ role: undefined, did: [] }, vocab)).toBe('');
    expect(serializeState({ role: 'nobody', did: ['nothing'] }, vocab)).toBe('');
  });
});

type Rule = RuleLike & { headline: string };
const rule = (roles: string[], verdict: Rule['verdict'], headline = verdict): Rule => ({ roles, verdict, headline });
const files = [
  { action: 'ask-whereabouts', source: 'a.yaml', rules: [rule(['borrower', 'guarantor'], 'allowed'), rule(['emergency-contact'], 'conditional')] },
  { action: 'demand-repayment', source: 'b.yaml', rules: [rule(['borrower'], 'allowed'), rule(['emergency-contact'], 'prohibited'), rule(['guarantor'], 'conditional')] },
  { action: 'night-calls', source: 'c.yaml', rules: [rule(['borrower', 'emergency-contact', 'guarantor'], 'prohibited')] },
  { action: 'threaten-violence', source: 'd.yaml', rules: [rule(['borrower', 'emergency-contact', 'guarantor'], 'criminal')] },
];

describe('buildRuleTable', () => {
  it('indexes every role × action pair', () => {
    const t = buildRuleTable(files, vocab.roles, vocab.actions);
    expect(t.size).toBe(12);
    expect(t.get('emergency-contact/demand-repayment')?.verdict).toBe('prohibited');
  });

  it('fails naming each missing pair and unknown id', () => {
    const broken = [
      { ...files[0]!, rules: [rule(['borrower'], 'allowed')] },
      ...files.slice(1, 3),
      { action: 'dance', source: 'x.yaml', rules: [rule(['borrower'], 'allowed')] },
    ];
    expect(() => buildRuleTable(broken, vocab.roles, vocab.actions)).toThrow(/emergency-contact\/ask-whereabouts/);
    expect(() => buildRuleTable(broken, vocab.roles, vocab.actions)).toThrow(/x\.yaml: 未知的动作 "dance"/);
    expect(() => buildRuleTable(broken, vocab.roles, vocab.actions)).toThrow(/borrower\/threaten-violence/);
  });
});

describe('evaluate', () => {
  const table = buildRuleTable(files, vocab.roles, vocab.actions);

  it('orders results by severity, then form order, and counts them', () => {
    const e = evaluate(table, 'emergency-contact', ['ask-whereabouts', 'demand-repayment', 'night-calls', 'threaten-violence'], vocab.actions);
    expect(e.results.map((r) => `${r.action}:${r.rule.verdict}`)).toEqual([
      'threaten-violence:criminal',
      'demand-repayment:prohibited',
      'night-calls:prohibited',
      'ask-whereabouts:conditional',
    ]);
    expect(e.notAllowed).toBe(3);
    expect(e.callPolice).toBe(true);
  });

  it('gives a different answer for the same action by role', () => {
    expect(evaluate(table, 'borrower', ['demand-repayment'], vocab.actions).results[0]?.rule.verdict).toBe('allowed');
    expect(evaluate(table, 'guarantor', ['demand-repayment'], vocab.actions).results[0]?.rule.verdict).toBe('conditional');
  });

  it('summarises for the live region', () => {
    const e = evaluate(table, 'borrower', ['demand-repayment', 'night-calls'], vocab.actions);
    expect(summarise(e, 2)).toBe('你勾选了 2 项，其中 1 项不被允许，1 项可以。');
    expect(summarise(evaluate(table, 'borrower', [], vocab.actions), 0)).toBe('还没有勾选任何做法。');
    expect(summarise(evaluate(table, 'borrower', ['threaten-violence'], vocab.actions), 1)).toMatch(/110/);
  });
});

describe('complaintDraftHref', () => {
  const table = buildRuleTable(files, vocab.roles, vocab.actions);

  it('passes only prohibited and criminal actions, in canonical order', () => {
    const e = evaluate(table, 'emergency-contact', ['threaten-violence', 'ask-whereabouts', 'night-calls', 'demand-repayment'], vocab.actions);
    expect(complaintDraftHref('emergency-contact', e.results, vocab)).toBe(
      `${COMPLAINT_LETTER_PATH}?role=emergency-contact&did=demand-repayment,night-calls,threaten-violence`,
    );
  });

  it('offers no draft when nothing selected is forbidden', () => {
    const e = evaluate(table, 'borrower', ['ask-whereabouts', 'demand-repayment'], vocab.actions);
    expect(complaintDraftHref('borrower', e.results, vocab)).toBeUndefined();
    expect(complaintDraftHref('borrower', [], vocab)).toBeUndefined();
  });

  it('never passes an id the vocabulary does not know', () => {
    const forged = [{ action: '<script>', rule: { verdict: 'criminal' } }];
    expect(complaintDraftHref('borrower', forged, vocab)).toBeUndefined();
  });
});

const resolved = (verdict: ResolvedVerdict['verdict'], extra: Partial<ResolvedVerdict> = {}): ResolvedVerdict => ({
  verdict,
  headline: `${verdict} headline`,
  why: '第一句。第二句。',
  limits: [],
  cites: [{ text: '民法典 第465条', href: '/laws/civil-code/#art-465' }],
  next: [{ text: '紧急联系人', href: '/emergency-contacts/' }],
  ...extra,
});

describe('buildRoleData', () => {
  const actions = [
    { id: 'ask-whereabouts', label: '问借款人在哪', group: 'who' },
    { id: 'night-calls', label: '夜里来电', group: 'when' },
  ];
  const data = buildRoleData({ id: 'spouse', label: '配偶' }, actions, (a) =>
    a === 'night-calls' ? resolved('prohibited', { say: '请白天联系。' }) : resolved('conditional', { limits: ['只问一次'] }),
  );

  it('gives every action its verdict and the address of its page', () => {
    expect(data.role).toBe('spouse');
    expect(data.actions.map((a) => a.id)).toEqual(['ask-whereabouts', 'night-calls']);
    expect(data.verdicts['night-calls']).toMatchObject({ verdict: 'prohibited', say: '请白天联系。', href: '/checker/spouse/night-calls/' });
    expect(data.verdicts['ask-whereabouts']).toMatchObject({ verdict: 'conditional', limits: ['只问一次'] });
    expect('say' in data.verdicts['ask-whereabouts']!).toBe(false);
  });

  it('survives a JSON round trip and reads back unchanged', () => {
    const back = readRoleData(JSON.parse(JSON.stringify(data)), 'spouse');
    expect(back?.verdicts).toEqual(JSON.parse(JSON.stringify(data.verdicts)));
    expect(back?.actions).toEqual(data.actions);
  });
});

describe('readRoleData', () => {
  const good = buildRoleData({ id: 'borrower', label: '借款人本人' }, [{ id: 'insult', label: '辱骂', group: 'words' }], () => resolved('prohibited'));

  it('rejects a file for another role or of the wrong shape', () => {
    expect(readRoleData(good, 'spouse')).toBeUndefined();
    for (const junk of [null, 3, 'x', [], { role: 'borrower' }]) expect(readRoleData(junk, 'borrower')).toBeUndefined();
  });

  it('drops unknown verdicts and foreign or scripted links', () => {
    const bad = JSON.parse(JSON.stringify(good));
    bad.verdicts.insult.cites.push({ text: 'x', href: 'javascript:alert(1)' }, { text: 'y', href: '//evil.example/' }, { text: 'z', href: 'https://evil.example/' });
    bad.verdicts.other = { ...bad.verdicts.insult, verdict: 'maybe' };
    bad.verdicts.third = { ...bad.verdicts.insult, href: 'javascript:void 0' };
    const r = readRoleData(bad, 'borrower')!;
    expect(Object.keys(r.verdicts)).toEqual(['insult']);
    expect(r.verdicts.insult!.cites).toEqual(good.verdicts.insult!.cites);
  });

  it('never throws, whatever the JSON (property)', () => {
    fc.assert(fc.property(fc.jsonValue(), (j) => void readRoleData(j, 'borrower')));
    fc.assert(fc.property(fc.anything(), (j) => void readRoleData({ role: 'borrower', roleLabel: 'x', verdicts: { a: j }, actions: [j] }, 'borrower')));
  });
});

describe('isSiteHref', () => {
  it('accepts paths on this site only', () => {
    for (const ok of ['/laws/pipl/#art-47', '/help/#nfra-12378', '/']) expect(isSiteHref(ok)).toBe(true);
    for (const no of ['javascript:alert(1)', '//evil.example/', '/\\evil.example', 'https://x.example/', 'laws/', '', 5, undefined]) {
      expect(isSiteHref(no)).toBe(false);
    }
  });
});

describe('verdict page words', () => {
  it('splits a rule text into short paragraphs at sentence ends only', () => {
    expect(paragraphs('第一句，还没完。 第二句！\n第三句')).toEqual(['第一句，还没完。', '第二句！', '第三句']);
    expect(paragraphs('不要拆开 inside a sentence，对吧。')).toEqual(['不要拆开 inside a sentence，对吧。']);
    expect(paragraphs('  ')).toEqual([]);
  });

  it('files the borrower under 借款人 and everyone else under 紧急联系人 for search', () => {
    expect(searchAudience('borrower')).toBe('借款人');
    for (const r of ['emergency-contact', 'guarantor', 'spouse', 'relative-or-friend', 'employer-colleague']) expect(searchAudience(r)).toBe('紧急联系人');
  });

  it('asks the question a reader would', () => {
    expect(verdictTitle('配偶', '辱骂')).toBe('催收员辱骂，可以吗？（配偶）');
    expect(verdictHref('spouse', 'insult')).toBe('/checker/spouse/insult/');
  });
});
