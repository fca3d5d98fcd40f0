/**
 * The yearly-figures sheet of a park (年度数据): export, and import with row-level problems.
 * The export is also the template: an officer exports, fills in rows, and imports it back.
 */
import { CITIES, SHARED_ITEM_LABELS, SHARED_ITEMS, type SharedItem } from '@corridor/contracts';
import type { ProblemInput } from '../../core/errors';
import { cellText } from '../../core/excel/cells';
import { columnLetter, openImportSheet } from '../../core/excel/sheet';
import { buildWorkbook } from '../../core/excel/workbook';

export const SHEET_NAME = '年度数据';
export const MAX_IMPORT_ROWS = 2_000;
export const COLUMNS = [
  { key: 'year', header: '年度', width: 10 },
  { key: 'item', header: '收入或指标', width: 24 },
  { key: 'valueWan', header: '数值（万元）', width: 16 },
  { key: 'incentivesWan', header: '优惠政策兑现（万元）', width: 20 },
  { key: 'reportedBy', header: '填报城市', width: 12 },
  { key: 'note', header: '备注', width: 40 },
] as const;

const itemByLabel = new Map<string, SharedItem>(
  SHARED_ITEMS.flatMap((i) => [
    [SHARED_ITEM_LABELS[i].zh, i],
    [i, i],
  ]),
);
const cityByName = new Map<string, string>(
  CITIES.flatMap((c) => [
    [c.zh, c.code],
    [`${c.zh}市`, c.code],
    [c.code, c.code],
  ]),
);
const cityName = (code: string) => CITIES.find((c) => c.code === code)?.zh ?? code;

export interface FigureCells {
  year: number;
  item: SharedItem;
  valueWan: number;
  incentivesWan: number;
  reportedBy: string;
  note: string | null;
}

export function buildFigureWorkbook(rows: FigureCells[]): Promise<Buffer> {
  return buildWorkbook(
    SHEET_NAME,
    COLUMNS,
    rows.map((r) => [
      r.year,
      SHARED_ITEM_LABELS[r.item].zh,
      r.valueWan,
      r.incentivesWan,
      cityName(r.reportedBy),
      r.note,
    ]),
    [
      ['年度', '四位数字；须在共建协议某一阶段之内'],
      ['收入或指标', SHARED_ITEMS.map((i) => SHARED_ITEM_LABELS[i].zh).join('、')],
      ['数值、优惠政策兑现', '单位万元，最多两位小数，不得为负；优惠政策兑现不超过数值，不填为 0'],
      ['填报城市', '园区共建方之一（不填为飞入地）；市级管理员只能导入本市填报的数据'],
      [
        '说明',
        `同一年度同一指标只能出现一次；已有数据将被更新；任何一行有错，整个文件不导入（每次最多 ${MAX_IMPORT_ROWS} 行）`,
      ],
    ],
  );
}

export interface ParsedRow extends FigureCells {
  row: number;
  reportedByGiven: boolean;
}

const amount = (text: string): number | null => {
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) && n >= 0 && Math.abs(Math.round(n * 100) - n * 100) < 1e-6 ? n : null;
};

export async function parseFigureWorkbook(
  buffer: Buffer,
  hostCity: string,
): Promise<{ rows: ParsedRow[]; problems: ProblemInput[] }> {
  const { sheet, problems } = await openImportSheet(buffer, SHEET_NAME, COLUMNS, MAX_IMPORT_ROWS);
  if (problems.length) return { rows: [], problems };
  const rows: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const text = COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value));
    if (text.every((t) => t === '')) return;
    const at = (i: number, code: string, params?: Record<string, string | number>) =>
      problems.push({
        row: rowNumber,
        column: columnLetter(i),
        field: COLUMNS[i]!.key,
        code,
        ...(params ? { params } : {}),
      });
    const before = problems.length;
    const year = Number(text[0]);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      at(0, text[0] ? 'invalid_value' : 'required');
    const item = itemByLabel.get(text[1]!);
    if (!item) at(1, text[1] ? 'parks.item_unknown' : 'required');
    const value = amount(text[2]!);
    if (value === null) at(2, text[2] ? 'amount.invalid' : 'required');
    const incentives = text[3] ? amount(text[3]) : 0;
    if (incentives === null) at(3, 'amount.invalid');
    else if (value !== null && incentives > value) at(3, 'parks.incentives_exceed');
    const city = text[4] ? cityByName.get(text[4]) : hostCity;
    if (!city) at(4, 'parks.city_unknown');
    const note = text[5] || null;
    if (note && (note.length > 300 || /[<>]/.test(note))) at(5, 'invalid_value');
    if (problems.length > before) return;
    rows.push({
      row: rowNumber,
      year,
      item: item!,
      valueWan: value!,
      incentivesWan: incentives!,
      reportedBy: city!,
      reportedByGiven: !!text[4],
      note,
    });
  });
  return { rows, problems };
}
