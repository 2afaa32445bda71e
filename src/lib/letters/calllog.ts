/**
 * The call and message log: rows kept in memory, and on this device only if the reader asks.
 * Pure: the island owns the DOM and localStorage; this decides what a row is, what a stored copy
 * must look like to be trusted, and how the CSV reads.
 */
import { cleanValue, displayValue, type LetterField } from './fill';
import { toCsv } from './text';

/** The one localStorage key the log uses; 「删除全部记录」 removes exactly this key. */
export const STORAGE_KEY = 'cuishou-call-log';

/** Rows beyond this are not kept: a log of a year of daily calls fits with room to spare. */
export const MAX_ROWS = 1000;

export type LogRow = Record<string, string>;

/** A row from what was typed: cleaned and capped per field; undefined when every field is empty. */
export function makeRow(fields: readonly LetterField[], raw: Readonly<Record<string, string | undefined>>): LogRow | undefined {
  const row: LogRow = {};
  let any = false;
  for (const f of fields) {
    row[f.id] = cleanValue(raw[f.id] ?? '', f);
    if (row[f.id]) any = true;
  }
  return any ? row : undefined;
}

/**
 * Rows oldest first by date, so an entry added late lands in its place; rows on the same day, and
 * rows without a date (kept at the end), stay in the order they were added. Times are free text
 * (「22点35分」), so they are not compared.
 */
export function sortRows(rows: readonly LogRow[], dateField: string): LogRow[] {
  return rows
    .map((row, i) => ({ row, i, d: row[dateField] ?? '' }))
    .sort((a, b) => (a.d && b.d ? a.d.localeCompare(b.d) : a.d ? -1 : b.d ? 1 : 0) || a.i - b.i)
    .map((x) => x.row);
}

/** The stored form: a version number so a later change of shape can be recognised. */
export function serializeRows(rows: readonly LogRow[]): string {
  return JSON.stringify({ v: 1, rows: rows.slice(0, MAX_ROWS) });
}

/**
 * Rows from a stored copy. Anything unexpected (edited by hand, another version, corrupt) is
 * skipped rather than trusted: unknown keys dropped, values cleaned and capped again.
 */
export function parseStoredRows(text: string | null, fields: readonly LetterField[]): LogRow[] {
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!data || typeof data !== 'object' || (data as { v?: unknown }).v !== 1) return [];
  const rows = (data as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) return [];
  const out: LogRow[] = [];
  for (const r of rows.slice(0, MAX_ROWS)) {
    if (!r || typeof r !== 'object') continue;
    const raw: Record<string, string> = {};
    for (const f of fields) {
      const v = (r as Record<string, unknown>)[f.id];
      if (typeof v === 'string') raw[f.id] = v;
    }
    const row = makeRow(fields, raw);
    if (row) out.push(row);
  }
  return out;
}

/** The log as CSV: field labels as the header, dates as 2026年11月30日. */
export function rowsToCsv(fields: readonly LetterField[], rows: readonly LogRow[]): string {
  return toCsv(
    fields.map((f) => f.label),
    rows.map((r) => fields.map((f) => displayValue(r[f.id] ?? '', f))),
  );
}
