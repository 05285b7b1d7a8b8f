/**
 * CSV for staff to open in Excel or WPS: UTF-8 with a BOM (else Excel reads Chinese as
 * mojibake), CRLF rows, RFC 4180 quoting, and formulas neutralised (OWASP CSV injection: a
 * cell a resident typed that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so
 * a spreadsheet shows it as text instead of running it).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, safe and quoted when it needs to be. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the BOM, then each row's cells joined by commas, rows ended by CRLF. */
export const toCsv = (rows: readonly (readonly (string | number | undefined | null)[])[]): string =>
  `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
