/** The indicator sheet: columns, template, export and cell-level parsing (no database here). */
import {
  COUNT_FIELDS,
  DateSchema,
  FIGURE_FIELDS,
  INDICATOR_FIELD_LABELS,
  IP_KIND_LABELS,
  IP_KINDS,
  IP_OBTAINED_LABELS,
  LISTING_LABELS,
  TECH_FIELD_LABELS,
} from '@corridor/contracts';
import ExcelJS from 'exceljs';
import type { ProblemInput } from '../../core/errors';
import { cellText, safeCell } from '../../core/excel/cells';
import { columnLetter, openImportSheet } from '../../core/excel/sheet';

export const MAX_IMPORT_ROWS = 10_000;
export const SHEET_NAME = '年度指标';

type Kind = 'code' | 'year' | 'amount' | 'count' | 'date' | 'choice' | 'bool';
export interface SheetColumn {
  key: string;
  header: string;
  kind: Kind;
  /** Label or code → code, for 'choice' columns. */
  choices?: Record<string, string>;
}

const choicesOf = (labels: Record<string, { zh: string }>) =>
  Object.fromEntries(
    Object.entries(labels).flatMap(([code, l]) => [
      [l.zh, code],
      [code, code],
    ]),
  );
const unitSuffix = (key: string) => {
  const unit = INDICATOR_FIELD_LABELS[key]?.unit;
  return unit ? `（${unit}）` : '';
};
const field = (key: string): SheetColumn => ({
  key,
  header: `${INDICATOR_FIELD_LABELS[key]?.zh ?? key}${unitSuffix(key)}`,
  kind: COUNT_FIELDS.has(key) ? 'count' : 'amount',
});

/** Column order of the template and the export; headers in Chinese as officials keep them. */
export const SHEET_COLUMNS: SheetColumn[] = [
  { key: 'creditCode', header: '统一社会信用代码', kind: 'code' },
  { key: 'year', header: '年度', kind: 'year' },
  ...FIGURE_FIELDS.map(field),
  { key: 'foundedOn', header: '成立日期', kind: 'date' },
  ...IP_KINDS.filter((k) => IP_KIND_LABELS[k].cls !== null).map(
    (k): SheetColumn => ({
      key: `ip.${k}`,
      header: `${IP_KIND_LABELS[k].zh}（项）`,
      kind: 'count',
    }),
  ),
  field('ipClassIOwnDeveloped'),
  field('ipClassIHighValue'),
  field('ipClassIInUse'),
  {
    key: 'ipObtainedBy',
    header: '知识产权获得方式',
    kind: 'choice',
    choices: choicesOf(IP_OBTAINED_LABELS),
  },
  field('valuation'),
  { key: 'listing', header: '上市状态', kind: 'choice', choices: choicesOf(LISTING_LABELS) },
  {
    key: 'highTechField',
    header: '高新技术领域',
    kind: 'choice',
    choices: choicesOf(TECH_FIELD_LABELS),
  },
  { key: 'equityAmount', header: '当年新增股权融资（万元）', kind: 'amount' },
  { key: 'equityQualified', header: '融资来自合格投资者', kind: 'bool' },
  field('yearsInNiche'),
  field('yearsInField'),
  field('globalMarketRank'),
];

export { columnLetter };

/** Column of a field problem: 'ip.design' → its column, 'equity.0.amount' → the equity column. */
export function columnOfField(fieldPath: string): string {
  const key = fieldPath.startsWith('equity') ? 'equityAmount' : fieldPath;
  const i = SHEET_COLUMNS.findIndex((c) => c.key === key);
  return i >= 0 ? columnLetter(i) : '';
}

const zhLabels = (choices: Record<string, string>) =>
  Object.keys(choices).filter((k) => /[^\x20-\x7e]/.test(k));

function styleHeader(sheet: ExcelJS.Worksheet) {
  sheet.columns = SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

export async function buildIndicatorTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(SHEET_NAME);
  styleHeader(sheet);
  SHEET_COLUMNS.forEach((col, i) => {
    const list = col.kind === 'bool' ? ['是', '否'] : col.choices ? zhLabels(col.choices) : null;
    if (!list) return;
    for (let row = 2; row <= 1001; row++) {
      sheet.getCell(`${columnLetter(i)}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
      };
    }
  });
  const notes = wb.addWorksheet('填写说明');
  notes.columns = [
    { header: '项目', width: 24 },
    { header: '要求', width: 90 },
  ];
  notes.addRows([
    ['统一社会信用代码', '已在平台登记的企业；市级管理员只能导入本市企业'],
    ['年度', '四位数字的会计年度，不得晚于当前年份；同一企业同一年度在文件中只能出现一次'],
    ['必填', '新增年度时营业收入、研发费用、资产总额、职工总数、科技人员数必填'],
    ['空单元格', '保留平台中已有的数值不变（不会清空）'],
    ['金额', '单位为万元；人数、项数为整数；不得为负数（净资产除外）'],
    ['合理性', '科技人员数不超过职工总数；主营业务收入不超过营业收入等部分不得大于总数'],
    ['股权融资', '填写后替换该年度的股权融资记录；“融资来自合格投资者”填 是 或 否'],
    ['其他', '科技奖励、研发机构、起草标准等清单请在企业详情页的表单中填写'],
    ['说明', `每次最多 ${MAX_IMPORT_ROWS} 行；任何一行有错，整个文件不导入，并逐行列出原因`],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One workbook row per enterprise-year; `cells` is keyed like SHEET_COLUMNS. */
export async function buildIndicatorExport(
  rows: Record<string, string | number | null>[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(SHEET_NAME);
  styleHeader(sheet);
  // coded values go out as the Chinese labels officials type (and the import reads back)
  const label = (c: SheetColumn, v: string | number | null) => {
    if (c.kind !== 'choice' || typeof v !== 'string') return v;
    return zhLabels(c.choices ?? {}).find((l) => c.choices?.[l] === v) ?? v;
  };
  for (const r of rows) {
    sheet.addRow(SHEET_COLUMNS.map((c) => safeCell(label(c, r[c.key] ?? null))));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ParsedIndicatorRow {
  row: number;
  creditCode: string;
  year: number;
  /** Cells that had a value, by column key, already typed. */
  cells: Record<string, string | number | boolean>;
}

function parseCell(
  col: SheetColumn,
  text: string,
): { value: string | number | boolean } | { code: string; params?: Record<string, string> } {
  switch (col.kind) {
    case 'code':
      return { value: text.toUpperCase() };
    case 'year':
    case 'count': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isInteger(n) ? { value: n } : { code: 'indicator.integer' };
    }
    case 'amount': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { code: 'indicator.number' };
    }
    case 'date':
      return DateSchema.safeParse(text).success ? { value: text } : { code: 'date.invalid' };
    case 'bool':
      if (['是', 'Y', 'y', 'true', '1'].includes(text)) return { value: true };
      if (['否', 'N', 'n', 'false', '0'].includes(text)) return { value: false };
      return { code: 'indicator.choice', params: { choices: '是、否' } };
    case 'choice': {
      const code = col.choices?.[text];
      return code
        ? { value: code }
        : { code: 'indicator.choice', params: { choices: zhLabels(col.choices ?? {}).join('、') } };
    }
  }
}

/** Reads every row; returns the typed cells or every cell-level problem (nothing is written). */
export async function parseIndicatorWorkbook(
  buffer: Buffer,
): Promise<{ rows: ParsedIndicatorRow[]; problems: ProblemInput[] }> {
  const { sheet, problems } = await openImportSheet(
    buffer,
    SHEET_NAME,
    SHEET_COLUMNS,
    MAX_IMPORT_ROWS,
  );
  if (problems.length) return { rows: [], problems };

  const rows: ParsedIndicatorRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: ParsedIndicatorRow['cells'] = {};
    let bad = false;
    SHEET_COLUMNS.forEach((col, i) => {
      const text = cellText(row.getCell(i + 1).value);
      if (text === '') return;
      const parsed = parseCell(col, text);
      if ('value' in parsed) cells[col.key] = parsed.value;
      else {
        bad = true;
        problems.push({ row: rowNumber, column: columnLetter(i), field: col.key, ...parsed });
      }
    });
    if (Object.keys(cells).length === 0 && !bad) return;
    for (const key of ['creditCode', 'year']) {
      if (
        cells[key] === undefined &&
        !problems.some((p) => p.row === rowNumber && p.field === key)
      ) {
        bad = true;
        problems.push({ row: rowNumber, column: columnOfField(key), field: key, code: 'required' });
      }
    }
    if (!bad) {
      rows.push({
        row: rowNumber,
        creditCode: String(cells.creditCode),
        year: Number(cells.year),
        cells,
      });
    }
  });
  return { rows, problems };
}
