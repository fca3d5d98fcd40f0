import ExcelJS from 'exceljs';
import { AppError, type ProblemInput } from '../errors';
import { cellText } from './cells';

/** A, B, …, Z, AA, AB … as Excel names columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Opens an uploaded workbook (already through `assertSafeXlsx`) for import: the named sheet or
 * the first, at most `maxRows` data rows, and a header row equal to the template's. Header
 * problems come back as row-1 problems; the caller adds its row problems to the same list.
 */
export async function openImportSheet(
  buffer: Buffer,
  sheetName: string,
  columns: readonly { key: string; header: string }[],
  maxRows: number,
): Promise<{ sheet: ExcelJS.Worksheet; problems: ProblemInput[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('import.not_excel');
  }
  const sheet = wb.getWorksheet(sheetName) ?? wb.worksheets[0];
  if (!sheet) throw new AppError('import.not_excel');
  if (sheet.actualRowCount - 1 > maxRows) throw new AppError('import.too_many_rows');
  const problems: ProblemInput[] = [];
  const header = sheet.getRow(1);
  columns.forEach((col, i) => {
    if (cellText(header.getCell(i + 1).value) !== col.header) {
      problems.push({
        row: 1,
        column: columnLetter(i),
        field: col.key,
        code: 'header.mismatch',
        params: { expected: col.header },
      });
    }
  });
  return { sheet, problems };
}
