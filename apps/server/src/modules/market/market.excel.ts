import {
  ACHIEVEMENT_SHEET_COLUMNS,
  type Achievement,
  CITIES,
  DEMAND_SHEET_COLUMNS,
  type Demand,
  INDUSTRIES,
  MARKET_IP_KINDS,
  STAGES,
  TECH_FIELDS,
  TRANSFER_MODES,
} from '@corridor/contracts';
import type { ProblemInput } from '../../core/errors';
import { cellText } from '../../core/excel/cells';
import { columnLetter as letterOf, openImportSheet } from '../../core/excel/sheet';
import { buildWorkbook, type SheetColumn } from '../../core/excel/workbook';

/**
 * Excel in and out for achievements and demands. Officials and owners type labels (电子信息,
 * 许可, 发明专利), not codes; both are accepted. Lists inside a cell are separated by 、 or ；.
 */
export const MAX_IMPORT_ROWS = 5_000;
export const ACHIEVEMENT_SHEET = '科技成果';
export const DEMAND_SHEET = '技术需求';

type Column = SheetColumn;

const byLabel = (items: readonly { code: string; zh: string }[]) =>
  new Map<string, string>(
    items.flatMap((i) => [[i.code, i.code] as const, [i.zh, i.code] as const]),
  );
const FIELD = byLabel(TECH_FIELDS);
const INDUSTRY = byLabel(INDUSTRIES);
const STAGE = byLabel(STAGES);
const MODE = byLabel(TRANSFER_MODES);
const IP = byLabel(MARKET_IP_KINDS);
const zh = (items: readonly { code: string; zh: string }[]) =>
  new Map<string, string>(items.map((i) => [i.code, i.zh]));
const FIELD_ZH = zh(TECH_FIELDS);
const INDUSTRY_ZH = zh(INDUSTRIES);
const STAGE_ZH = zh(STAGES);
const MODE_ZH = zh(TRANSFER_MODES);
const IP_ZH = zh(MARKET_IP_KINDS);
const CITY_ZH = new Map<string, string>(CITIES.map((c) => [c.code, c.zh]));

const list = (v: string | null | undefined) =>
  v
    ? v
        .split(/[、；;，,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
const amount = (v: string | null | undefined) => {
  if (v === null || v === undefined || v === '面议') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : v; // not a number: the schema says why
};

/** A sheet row (raw texts by column key) → the achievement input the schema checks. */
export function achievementCandidate(raw: Record<string, string | null>) {
  return {
    title: raw.title ?? '',
    abstract: raw.abstract ?? '',
    keywords: list(raw.keywords),
    field: raw.field ? (FIELD.get(raw.field) ?? raw.field) : raw.field,
    industry: raw.industry ? (INDUSTRY.get(raw.industry) ?? raw.industry) : null,
    trl: raw.trl == null ? raw.trl : Number(raw.trl),
    ...(raw.stage ? { stage: STAGE.get(raw.stage) ?? raw.stage } : {}),
    ipItems: list(raw.ipItems).map((item) => {
      const [kind = '', number = ''] = item.split(/[:：]/).map((s) => s.trim());
      return { kind: IP.get(kind) ?? kind, number, title: '' };
    }),
    inventors: list(raw.inventors),
    transferModes: list(raw.transferModes).map((m) => MODE.get(m) ?? m),
    priceWan: amount(raw.priceWan),
    attachments: [],
  };
}

export function demandCandidate(raw: Record<string, string | null>) {
  return {
    title: raw.title ?? '',
    description: raw.description ?? '',
    field: raw.field ? (FIELD.get(raw.field) ?? raw.field) : raw.field,
    industry: raw.industry ? (INDUSTRY.get(raw.industry) ?? raw.industry) : null,
    budgetWan: amount(raw.budgetWan),
    deadline: raw.deadline ?? '',
  };
}

export interface SheetRow {
  row: number;
  raw: Record<string, string | null>;
}

/** Reads every non-empty row under a checked header (nothing is validated beyond the header). */
export async function readSheet(
  buffer: Buffer,
  columns: readonly Column[],
  sheetName: string,
): Promise<{ rows: SheetRow[]; problems: ProblemInput[] }> {
  const { sheet, problems } = await openImportSheet(buffer, sheetName, columns, MAX_IMPORT_ROWS);
  if (problems.length) return { rows: [], problems };
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const raw: Record<string, string | null> = {};
    columns.forEach((col, i) => {
      const text = cellText(row.getCell(i + 1).value);
      raw[col.key] = text === '' ? null : text;
    });
    if (Object.values(raw).some((v) => v !== null)) rows.push({ row: rowNumber, raw });
  });
  return { rows, problems };
}

export function columnLetter(columns: readonly Column[], field: string): string {
  const root = field.split('.')[0];
  const i = columns.findIndex((c) => c.key === root);
  return i >= 0 ? letterOf(i) : '';
}

const workbook = buildWorkbook;

const labels = (m: Map<string, string>) => [...m.values()].join('、');

export function achievementTemplate() {
  return workbook(
    ACHIEVEMENT_SHEET,
    ACHIEVEMENT_SHEET_COLUMNS,
    [],
    [
      ['所属机构统一社会信用代码', '机构用户可留空（即本机构）；市级管理员须填写本市机构的代码'],
      ['成果名称', '4–100 字'],
      ['成果简介', '20–4000 字'],
      ['技术领域', labels(FIELD_ZH)],
      ['技术成熟度', '1–9 的整数'],
      ['成果阶段', `可空（按成熟度推定）；${labels(STAGE_ZH)}`],
      ['知识产权', `类型:号码，多项以；分隔；类型为 ${labels(IP_ZH)}`],
      ['转化方式', labels(MODE_ZH)],
      ['意向价格', '万元，不小于 0，最多两位小数；留空或“面议”表示面议'],
      ['说明', `每次最多 ${MAX_IMPORT_ROWS} 行，导入为草稿；任何一行有错，整个文件不导入`],
    ],
  );
}

export function demandTemplate() {
  return workbook(
    DEMAND_SHEET,
    DEMAND_SHEET_COLUMNS,
    [],
    [
      ['所属机构统一社会信用代码', '机构用户可留空（即本机构）；市级管理员须填写本市机构的代码'],
      ['技术领域', labels(FIELD_ZH)],
      ['预算', '万元，不小于 0；留空或“面议”表示面议'],
      ['截止日期', 'YYYY-MM-DD'],
      ['说明', `每次最多 ${MAX_IMPORT_ROWS} 行，导入为草稿；任何一行有错，整个文件不导入`],
    ],
  );
}

const EXPORT_EXTRA = [
  { key: 'id', header: '编号', width: 10 },
  { key: 'city', header: '城市', width: 8 },
  { key: 'status', header: '状态', width: 12 },
  { key: 'publishedAt', header: '发布时间', width: 22 },
];

export function achievementExport(items: Achievement[], creditCodes: Map<number, string>) {
  const rows = items.map((a) => [
    creditCodes.get(a.org.id) ?? '',
    a.title,
    a.abstract,
    a.keywords.join('、'),
    FIELD_ZH.get(a.field) ?? a.field,
    a.industry ? (INDUSTRY_ZH.get(a.industry) ?? a.industry) : '',
    a.trl,
    STAGE_ZH.get(a.stage) ?? a.stage,
    a.ipItems.map((i) => `${IP_ZH.get(i.kind) ?? i.kind}:${i.number}`).join('；'),
    a.inventors.join('、'),
    a.transferModes.map((m) => MODE_ZH.get(m) ?? m).join('、'),
    a.priceWan ?? '面议',
    a.id,
    CITY_ZH.get(a.regionCode) ?? a.regionCode,
    a.status,
    a.publishedAt,
  ]);
  return workbook(ACHIEVEMENT_SHEET, [...ACHIEVEMENT_SHEET_COLUMNS, ...EXPORT_EXTRA], rows);
}

export function demandExport(items: Demand[], creditCodes: Map<number, string>) {
  const rows = items.map((d) => [
    creditCodes.get(d.org.id) ?? '',
    d.title,
    d.description,
    FIELD_ZH.get(d.field) ?? d.field,
    d.industry ? (INDUSTRY_ZH.get(d.industry) ?? d.industry) : '',
    d.budgetWan ?? '面议',
    d.deadline,
    d.id,
    CITY_ZH.get(d.regionCode) ?? d.regionCode,
    d.status,
    d.publishedAt,
  ]);
  return workbook(DEMAND_SHEET, [...DEMAND_SHEET_COLUMNS, ...EXPORT_EXTRA], rows);
}
