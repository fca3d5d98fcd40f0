import {
  CITIES,
  INDUSTRIES,
  ORG_SHEET_COLUMNS,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  type Org,
  type OrgInput,
  OrgInputSchema,
} from '@corridor/contracts';
import ExcelJS from 'exceljs';
import type { ProblemInput } from '../../core/errors';
import { cellText, safeCell } from '../../core/excel/cells';
import { columnLetter, openImportSheet } from '../../core/excel/sheet';
import { problemsFromZodIssues } from '../../core/http/zod-problems';

export const MAX_IMPORT_ROWS = 10_000;
const SHEET_NAME = '机构名录';

// Officials type labels, not codes: accept 企业 / 武汉 / 武汉市 / 光电子信息 as well as the codes.
const TYPE_BY_LABEL = new Map<string, string>(
  ORG_TYPES.flatMap((t) => [
    [t, t],
    [ORG_TYPE_LABELS[t].zh, t],
  ]),
);
const CITY_BY_LABEL = new Map<string, string>(
  CITIES.flatMap((c) => [
    [c.code, c.code],
    [c.zh, c.code],
    [`${c.zh}市`, c.code],
  ]),
);
const INDUSTRY_BY_LABEL = new Map<string, string>(
  INDUSTRIES.flatMap((i) => [
    [i.code, i.code],
    [i.zh, i.code],
  ]),
);

function styleHeader(sheet: ExcelJS.Worksheet) {
  sheet.columns = ORG_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The import template: the header row, drop-down lists for coded columns, and a notes sheet. */
export async function buildOrgTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(SHEET_NAME);
  styleHeader(sheet);
  const lists: Record<string, string[]> = {
    type: ORG_TYPES.map((t) => ORG_TYPE_LABELS[t].zh),
    regionCode: CITIES.map((c) => c.zh),
    industry: INDUSTRIES.map((i) => i.zh),
  };
  ORG_SHEET_COLUMNS.forEach((col, i) => {
    const list = lists[col.key];
    if (!list) return;
    for (let row = 2; row <= 1001; row++) {
      sheet.getCell(`${columnLetter(i)}${row}`).dataValidation = {
        type: 'list',
        allowBlank: col.key === 'industry',
        formulae: [`"${list.join(',')}"`],
      };
    }
  });
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', width: 20 },
    { header: '要求', width: 80 },
  ];
  notes.addRows([
    ['统一社会信用代码', '18 位，按 GB 32100 校验（第 17、18 位校验码）'],
    ['机构名称', '2–80 字，汉字、字母、数字及常用标点'],
    ['机构类型', lists.type!.join('、')],
    ['所属城市', lists.regionCode!.join('、')],
    ['所属产业', `可空；${lists.industry!.join('、')}`],
    ['成立日期', 'YYYY-MM-DD，可空'],
    ['联系电话', '11 位手机号或带区号的固定电话，可空'],
    ['说明', `每次最多 ${MAX_IMPORT_ROWS} 行；任何一行有错，整个文件不导入，并逐行列出原因`],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The current list as a workbook (personal fields already masked by the caller's rights). */
export async function buildOrgExport(orgs: Org[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(SHEET_NAME);
  styleHeader(sheet);
  const cityZh = new Map<string, string>(CITIES.map((c) => [c.code, c.zh]));
  const industryZh = new Map<string, string>(INDUSTRIES.map((i) => [i.code, i.zh]));
  for (const o of orgs) {
    sheet.addRow([
      o.creditCode,
      safeCell(o.name),
      ORG_TYPE_LABELS[o.type].zh,
      cityZh.get(o.regionCode) ?? o.regionCode,
      o.industry ? (industryZh.get(o.industry) ?? o.industry) : '',
      safeCell(o.address),
      o.foundedOn,
      safeCell(o.contactName),
      safeCell(o.contactPhone),
      safeCell(o.description),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ParsedRow {
  row: number;
  input: OrgInput;
}

/** Reads and validates every row; returns the rows or every problem found (nothing is written). */
export async function parseOrgWorkbook(
  buffer: Buffer,
): Promise<{ rows: ParsedRow[]; problems: ProblemInput[] }> {
  const { sheet, problems } = await openImportSheet(
    buffer,
    SHEET_NAME,
    ORG_SHEET_COLUMNS,
    MAX_IMPORT_ROWS,
  );
  if (problems.length) return { rows: [], problems };

  const rows: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: Record<string, string | null> = {};
    ORG_SHEET_COLUMNS.forEach((col, i) => {
      const text = cellText(row.getCell(i + 1).value);
      raw[col.key] = text === '' ? null : text;
    });
    if (Object.values(raw).every((v) => v === null)) return;
    const candidate = {
      ...raw,
      type: raw.type ? (TYPE_BY_LABEL.get(raw.type) ?? raw.type) : raw.type,
      regionCode: raw.regionCode
        ? (CITY_BY_LABEL.get(raw.regionCode) ?? raw.regionCode)
        : raw.regionCode,
      industry: raw.industry ? (INDUSTRY_BY_LABEL.get(raw.industry) ?? raw.industry) : null,
    };
    const parsed = OrgInputSchema.safeParse(candidate);
    if (parsed.success) {
      rows.push({ row: rowNumber, input: parsed.data });
      return;
    }
    for (const p of problemsFromZodIssues(parsed.error.issues)) {
      const index = ORG_SHEET_COLUMNS.findIndex((c) => c.key === p.field);
      problems.push({ ...p, row: rowNumber, column: index >= 0 ? columnLetter(index) : '' });
    }
  });
  return { rows, problems };
}

export function columnOf(field: string): string {
  const index = ORG_SHEET_COLUMNS.findIndex((c) => c.key === field);
  return index >= 0 ? columnLetter(index) : '';
}
