import ExcelJS from 'exceljs';
import { safeCell } from './cells';

export type SheetColumn = { key: string; header: string; width: number };

/**
 * One sheet with a bold, frozen header row and the rows below (every text cell escaped
 * against formula injection), plus an optional '填写说明' sheet of notes for templates.
 */
export async function buildWorkbook(
  sheetName: string,
  columns: readonly SheetColumn[],
  rows: (string | number | null)[][],
  notes: string[][] = [],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) sheet.addRow(r.map((v) => safeCell(v)));
  if (notes.length) {
    const n = wb.addWorksheet('填写说明');
    n.columns = [
      { header: '列', width: 24 },
      { header: '要求', width: 90 },
    ];
    n.addRows(notes);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
