import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  blankFor,
  capLength,
  checkTemplate,
  cleanValue,
  displayValue,
  fillTemplate,
  parseTemplate,
  type LetterField,
} from '../../src/lib/letters/fill';
import { BOM, csvCell, downloadName, neutraliseFormula, toCsv, txtContent } from '../../src/lib/letters/text';
import {
  isRoleData,
  prefillFromData,
  prefillRequest,
  violationItems,
  violationLine,
  violationsText,
} from '../../src/lib/letters/violations';
import { MAX_ROWS, makeRow, parseStoredRows, rowsToCsv, serializeRows, sortRows } from '../../src/lib/letters/calllog';
import type { RoleData } from '../../src/lib/checker/data';

const name: LetterField = { id: 'myName', label: '你的姓名', kind: 'text', max: 5 };
const story: LetterField = { id: 'story', label: '事情经过（按日期写）', kind: 'textarea', max: 20 };
const day: LetterField = { id: 'signDate', label: '日期', kind: 'date', max: 20 };
const fields = [name, story, day];
const template = '致机构：\n我是{{myName}}。\n{{ story }}\n署名：{{myName}}\n日期：{{signDate}}\n';

describe('parseTemplate and checkTemplate', () => {
  it('splits text and field slots in order, dropping the trailing line break of YAML block text', () => {
    expect(parseTemplate('致{{a}}：\n{{b}}末尾\n\n')).toEqual([{ text: '致' }, { field: 'a' }, { text: '：\n' }, { field: 'b' }, { text: '末尾' }]);
  });

  it('reports placeholders without a field and fields the letter never uses', () => {
    expect(checkTemplate(template, fields)).toEqual([]);
    expect(checkTemplate('{{myName}}{{typo}}', [name, day])).toEqual([
      '模板里的 {{typo}} 没有对应的 fields 条目',
      '字段 signDate 没有在模板里用到',
    ]);
  });
});

describe('filling a letter', () => {
  it('puts values in every slot and visible blanks where nothing was typed', () => {
    const text = fillTemplate(template, fields, { myName: '张三', signDate: '2026-11-30' });
    expect(text).toBe('致机构：\n我是张三。\n＿＿＿＿（事情经过）\n署名：张三\n日期：2026年11月30日');
  });

  it('shows the blank with the label, without a trailing （…） note', () => {
    expect(blankFor(name)).toBe('＿＿＿＿（你的姓名）');
    expect(blankFor(story)).toBe('＿＿＿＿（事情经过）');
  });

  it('caps each value to its field max, counting characters not UTF-16 units', () => {
    expect(cleanValue('一二三四五六七', name)).toBe('一二三四五');
    expect(cleanValue('😀😀😀😀😀😀', name)).toBe('😀😀😀😀😀');
    expect(capLength('abc', 10)).toBe('abc');
  });

  it('keeps line breaks only in multi-line fields and strips invisible control characters', () => {
    expect(cleanValue('第一行\r\n第二行', story)).toBe('第一行\n第二行');
    expect(cleanValue('张\n三', { kind: 'text', max: 20 })).toBe('张 三');
    expect(cleanValue('\u202E张三\u0007\u0000', { kind: 'text', max: 20 })).toBe('张三');
    expect(cleanValue('   ', name)).toBe('');
  });

  it('keeps markup-like input as literal text', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const text = fillTemplate('{{a}}', [{ id: 'a', label: 'A', kind: 'text', max: 60 }], { a: markup });
    expect(text).toBe(markup);
    expect(fillTemplate('{{a}}', [{ id: 'a', label: 'A', kind: 'text', max: 60 }], { a: '{{a}}' })).toBe('{{a}}');
  });

  it('formats only well-formed dates', () => {
    expect(displayValue('2026-01-05', day)).toBe('2026年1月5日');
    expect(displayValue('明天', day)).toBe('明天');
  });

  it('never lets a value exceed its cap or contain a control character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (raw, max, multi) => {
        const v = cleanValue(raw, { kind: multi ? 'textarea' : 'text', max });
        expect(Array.from(v).length).toBeLessThanOrEqual(max);
        // eslint-disable-next-line no-control-regex
        expect(v).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u202A-\u202E]/);
        if (!multi) expect(v).not.toContain('\n');
      }),
    );
  });
});

describe('files: .txt and CSV', () => {
  it('names files after the slug', () => {
    expect(downloadName('stop-contact', 'txt')).toBe('催收明白纸-stop-contact.txt');
    expect(downloadName('../x', 'csv')).toBe('催收明白纸-x.csv');
  });

  it('writes the letter with a BOM and Windows line endings', () => {
    expect(txtContent('甲\n乙')).toBe('\uFEFF甲\r\n乙\r\n');
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    expect(csvCell('普通')).toBe('普通');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('他说"还钱"')).toBe('"他说""还钱"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=x']) expect(neutraliseFormula(v)).toBe(`'${v}`);
    expect(neutraliseFormula('138=1')).toBe('138=1');
    expect(csvCell('=HYPERLINK("http://x","点我")')).toBe('"\'=HYPERLINK(""http://x"",""点我"")"');
  });

  it('starts with a BOM and ends rows with CRLF', () => {
    expect(toCsv(['日期', '说了什么'], [['2026-11-30', '骂人,威胁']])).toBe('\uFEFF日期,说了什么\r\n2026-11-30,"骂人,威胁"\r\n');
    expect(toCsv(['a'], []).startsWith(BOM)).toBe(true);
  });

  it('round-trips any cell through a CSV reader (property)', () => {
    // A minimal RFC 4180 reader, to check that quoting keeps every cell intact.
    const read = (csv: string): string[][] => {
      const rows: string[][] = [];
      let row: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < csv.length; i++) {
        const ch = csv[i]!;
        if (quoted) {
          if (ch === '"' && csv[i + 1] === '"') (cell += '"'), i++;
          else if (ch === '"') quoted = false;
          else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') row.push(cell), (cell = '');
        else if (ch === '\r' && csv[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
        else cell += ch;
      }
      return rows;
    };
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const parsed = read(toCsv(['x', 'y'], rows).slice(1));
        expect(parsed).toEqual([['x', 'y'], ...rows.map((r) => r.map(neutraliseFormula))]);
      }),
    );
  });
});

const roleData: RoleData = {
  role: 'emergency-contact',
  roleLabel: '紧急联系人',
  actions: [
    { id: 'ask-whereabouts', label: '问借款人在哪、让你转告', group: 'who' },
    { id: 'demand-repayment', label: '要求你还钱', group: 'money' },
    { id: 'night-calls', label: '晚上十点后或早上八点前来电', group: 'when' },
    { id: 'threaten-violence', label: '威胁人身或家人安全', group: 'words' },
  ],
  verdicts: {
    'ask-whereabouts': verdict('conditional', '可以问一句，但你没有义务配合', ['标准 关于联系人']),
    'demand-repayment': verdict('prohibited', '不能向你要钱：你没有替他还款的义务', ['民法典 第465条', '民法典 第552条']),
    'night-calls': verdict('prohibited', '深夜不该打给你。', ['标准 关于催收时间']),
    'threaten-violence': verdict('criminal', '威胁人身安全可能违法犯罪', ['刑法 第293条']),
  },
};

function verdict(v: RoleData['verdicts'][string]['verdict'], headline: string, cites: string[]) {
  return { verdict: v, headline, why: '', limits: [], cites: cites.map((text) => ({ text, href: '/laws/x/' })), next: [], href: '/checker/x/' };
}

describe('violations from the checker', () => {
  it('lists only prohibited and criminal actions, in the checker order', () => {
    const items = violationItems(roleData, ['threaten-violence', 'ask-whereabouts', 'demand-repayment']);
    expect(items.map((i) => i.id)).toEqual(['demand-repayment', 'threaten-violence']);
  });

  it('writes each item as 「n. label：headline。依据：cites」 without doubling the full stop', () => {
    const { text, omitted } = violationsText(violationItems(roleData, ['demand-repayment', 'night-calls']));
    expect(text).toBe(
      '1. 要求你还钱：不能向你要钱：你没有替他还款的义务。依据：民法典 第465条、民法典 第552条\n' +
        '2. 晚上十点后或早上八点前来电：深夜不该打给你。依据：标准 关于催收时间',
    );
    expect(omitted).toBe(0);
  });

  it('leaves out whole items rather than cutting one when the field is full', () => {
    const items = violationItems(roleData, ['demand-repayment', 'night-calls', 'threaten-violence']);
    const first = violationLine(1, items[0]!);
    const { text, omitted } = violationsText(items, Array.from(first).length + 5);
    expect(text).toBe(first);
    expect(omitted).toBe(2);
  });

  it('reads the draft link: known role first, then actions against the role data', () => {
    const roles = ['borrower', 'emergency-contact'];
    expect(prefillRequest('', roles)).toEqual({ role: undefined, asked: false });
    expect(prefillRequest('?role=lender&did=x', roles)).toEqual({ role: undefined, asked: true });
    expect(prefillRequest('?role=emergency-contact&did=night-calls', roles)).toEqual({ role: 'emergency-contact', asked: true });

    const ok = prefillFromData('?role=emergency-contact&did=demand-repayment,night-calls', roles, roleData, 2000);
    expect(ok.count).toBe(2);
    expect(ok.partial).toBe(false);
    expect(ok.text).toContain('不能向你要钱');

    const garbled = prefillFromData('?role=emergency-contact&did=night-calls,<script>,ask-whereabouts', roles, roleData, 2000);
    expect(garbled.count).toBe(1);
    expect(garbled.partial).toBe(true);
    expect(garbled.text).not.toContain('<script>');
  });

  it('trusts fetched data only in the expected shape', () => {
    expect(isRoleData(roleData)).toBe(true);
    expect(isRoleData(null)).toBe(false);
    expect(isRoleData('<!doctype html>')).toBe(false);
    expect(isRoleData({ ...roleData, actions: [{ id: 1 }] })).toBe(false);
    expect(isRoleData({ ...roleData, verdicts: { x: { verdict: 'prohibited' } } })).toBe(false);
  });
});

describe('call log', () => {
  const logFields: LetterField[] = [
    { id: 'callDate', label: '日期', kind: 'date', max: 20 },
    { id: 'callerNumber', label: '来电号码或账号', kind: 'tel', max: 30 },
    { id: 'whatSaid', label: '说了什么', kind: 'textarea', max: 10 },
  ];

  it('makes rows from typed values, cleaned and capped; an all-empty row is no row', () => {
    expect(makeRow(logFields, { callDate: '2026-11-30', whatSaid: '一二三四五六七八九十多余' })).toEqual({
      callDate: '2026-11-30',
      callerNumber: '',
      whatSaid: '一二三四五六七八九十',
    });
    expect(makeRow(logFields, { callDate: ' ', whatSaid: '\n' })).toBeUndefined();
  });

  it('sorts by date, keeping the order of entry within a day and undated rows last', () => {
    const rows = [
      { callDate: '', n: 'a' },
      { callDate: '2026-11-30', n: 'b' },
      { callDate: '2026-11-02', n: 'c' },
      { callDate: '2026-11-30', n: 'd' },
    ];
    expect(sortRows(rows, 'callDate').map((r) => r.n)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('restores only well-formed stored copies, re-cleaning every value', () => {
    const rows = [{ callDate: '2026-11-30', callerNumber: '138', whatSaid: '骂人' }];
    expect(parseStoredRows(serializeRows(rows), logFields)).toEqual(rows);
    expect(parseStoredRows(null, logFields)).toEqual([]);
    expect(parseStoredRows('not json', logFields)).toEqual([]);
    expect(parseStoredRows('{"v":2,"rows":[]}', logFields)).toEqual([]);
    expect(
      parseStoredRows(JSON.stringify({ v: 1, rows: [{ whatSaid: '很长很长很长很长很长很长', evil: 'x', callerNumber: 5 }, 'x', null] }), logFields),
    ).toEqual([{ callDate: '', callerNumber: '', whatSaid: '很长很长很长很长很长' }]);
    const many = Array.from({ length: MAX_ROWS + 5 }, () => rows[0]!);
    expect(parseStoredRows(serializeRows(many), logFields)).toHaveLength(MAX_ROWS);
  });

  it('exports CSV with labels, Chinese dates and neutralised formulas', () => {
    const csv = rowsToCsv(logFields, [{ callDate: '2026-11-30', callerNumber: '+8613800000000', whatSaid: '说"还钱",不然' }]);
    expect(csv).toBe('\uFEFF日期,来电号码或账号,说了什么\r\n2026年11月30日,\'+8613800000000,"说""还钱"",不然"\r\n');
  });
});
