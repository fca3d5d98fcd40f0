import type { CellValue } from 'exceljs';

/** A cell as trimmed text: dates as YYYY-MM-DD, rich text joined, formulas by their result. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

/**
 * Formula injection defence for exports (OWASP CSV injection): text starting with = + - @ or a
 * tab/CR is stored with a leading apostrophe so a spreadsheet shows it as text.
 */
export function safeCell(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
