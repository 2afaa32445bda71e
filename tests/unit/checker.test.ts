import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUERY_LENGTH, parseState, serializeState } from '../../src/lib/checker/state';
import { buildRuleTable, evaluate, summarise, type RuleLike } from '../../src/lib/checker/evaluate';

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
