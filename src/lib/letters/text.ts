/**
 * What leaves the page as a file — always generated in the browser, never uploaded: the letter as
 * .txt and the call log as .csv. Both are written so that Windows Notepad and Excel, which many
 * readers in China use, open Chinese text correctly.
 */

/** Byte order mark: without it, Excel (and old Notepad) guess a legacy encoding and garble Chinese. */
export const BOM = '\uFEFF';

/** 催收明白纸-stop-contact.txt — the slug is ASCII, so the name survives any file system. */
export function downloadName(slug: string, ext: 'txt' | 'csv'): string {
  const safe = slug.replace(/[^a-z0-9-]/g, '') || 'letter';
  return `催收明白纸-${safe}.${ext}`;
}

/** The .txt file: the letter with Windows line endings (old Notepad shows LF files as one line). */
export function txtContent(letter: string): string {
  return BOM + letter.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n') + '\r\n';
}

/**
 * A spreadsheet program runs a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula. A leading apostrophe makes it plain text, so a typed "=HYPERLINK(…)" stays words.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvCell(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV file with a header row, CRLF line endings and a BOM. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}
