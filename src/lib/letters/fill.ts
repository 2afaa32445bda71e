/**
 * Letter templates: the text in content/letters/*.mdx with {{fieldId}} placeholders, filled from what
 * the reader types. Pure: the page renders the same segments on the server (with blanks) that the
 * island later fills, and the copied, printed and downloaded text all come from these rules.
 */

export type FieldKind = 'text' | 'date' | 'tel' | 'textarea';

export interface LetterField {
  id: string;
  label: string;
  kind: FieldKind;
  max: number;
  hint?: string | undefined;
}

/** A piece of a template: literal text, or the place where one field goes. */
export type Segment = { text: string } | { field: string };

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/** Splits a template into literal text and field slots, in order. */
export function parseTemplate(template: string): Segment[] {
  // YAML block text ends with a line break that is not part of the letter.
  template = template.replace(/\s+$/, '');
  const out: Segment[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push({ text: template.slice(last, m.index) });
    out.push({ field: m[1] as string });
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push({ text: template.slice(last) });
  return out;
}

/**
 * Problems with a template, for the build to report: a placeholder naming no field (the letter
 * would show a raw {{…}}) or a field the letter never uses (the reader would type in vain).
 */
export function checkTemplate(template: string, fields: readonly LetterField[]): string[] {
  const ids = new Set(fields.map((f) => f.id));
  const used = new Set<string>();
  const problems: string[] = [];
  for (const s of parseTemplate(template)) {
    if (!('field' in s)) continue;
    used.add(s.field);
    if (!ids.has(s.field)) problems.push(`模板里的 {{${s.field}}} 没有对应的 fields 条目`);
  }
  for (const f of fields) {
    if (!used.has(f.id)) problems.push(`字段 ${f.id} 没有在模板里用到`);
  }
  return [...new Set(problems)];
}

// Control characters (except tab and line breaks) and bidi overrides: invisible, and bidi overrides
// can make a printed letter read differently from what was typed.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

/** At most `max` characters, counted as code points so an emoji is never cut in half. */
export function capLength(value: string, max: number): string {
  if (value.length <= max) return value;
  return Array.from(value).slice(0, max).join('');
}

/**
 * What a typed value becomes in the letter: plain text without invisible control characters, line
 * breaks kept only for multi-line fields, trimmed, and capped to the field's `max`.
 */
export function cleanValue(raw: string, field: Pick<LetterField, 'kind' | 'max'>): string {
  let v = String(raw ?? '').replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(/\t/g, ' ');
  v = field.kind === 'textarea' ? v.replace(/[ \u3000]+\n/g, '\n') : v.replace(/\n+/g, ' ');
  return capLength(v.trim(), field.max);
}

/** A date from <input type="date"> (2026-11-30) reads as 2026年11月30日 in the letter. */
export function formatDateValue(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : value;
}

/** The text shown for a field: the cleaned value, dates in Chinese form. */
export function displayValue(raw: string, field: Pick<LetterField, 'kind' | 'max'>): string {
  const v = cleanValue(raw, field);
  return field.kind === 'date' ? formatDateValue(v) : v;
}

/** The visible blank for an empty field: ＿＿＿＿（你的姓名）. A trailing （…） note in the label is left out. */
export function blankFor(field: Pick<LetterField, 'label'>): string {
  const label = field.label.replace(/（[^（）]*）$/, '').trim() || field.label;
  return `＿＿＿＿（${label}）`;
}

/** The whole letter as plain text: typed values where given, visible blanks elsewhere. */
export function fillTemplate(
  template: string,
  fields: readonly LetterField[],
  values: Readonly<Record<string, string | undefined>>,
): string {
  const byId = new Map(fields.map((f) => [f.id, f]));
  return parseTemplate(template)
    .map((s) => {
      if ('text' in s) return s.text;
      const field = byId.get(s.field);
      if (!field) return '';
      const v = displayValue(values[s.field] ?? '', field);
      return v || blankFor(field);
    })
    .join('');
}
