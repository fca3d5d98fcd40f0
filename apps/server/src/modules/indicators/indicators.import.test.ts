import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { columnLetter, SHEET_COLUMNS } from './indicators.excel';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = SHEET_COLUMNS.map((c) => c.header);
const col = (key: string) => columnLetter(SHEET_COLUMNS.findIndex((c) => c.key === key));

let t: TestApp;
let province: Session;
let wuhanAdmin: Session;
let uploads = 0;

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
});
afterAll(() => t.close());

type Cells = Record<string, string | number>;

/** A sheet row as an official types it: Chinese labels for coded columns. */
function row(creditCode: string, year: number, cells: Cells = {}): (string | number | null)[] {
  const values: Cells = {
    creditCode,
    year,
    revenue: 3000,
    rdSpend: 200,
    totalAssets: 5000,
    staff: 100,
    scienceStaff: 35,
    'ip.inventionPatent': 2,
    listing: '未上市',
    ...cells,
  };
  return SHEET_COLUMNS.map((c) => values[c.key] ?? null);
}

async function workbook(rows: (string | number | null)[][], header = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('年度指标');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(session: Session, file: Buffer) {
  uploads += 1;
  const boundary = `----corridor${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="indicators.xlsx"\r\n` +
      `Content-Type: ${XLSX}\r\n\r\n`,
  );
  return as(t, session, {
    method: 'POST',
    url: '/api/v1/indicators/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    remoteAddress: `10.78.${(uploads >> 8) & 255}.${uploads & 255}`,
  });
}

async function stored(orgId: number) {
  return t.deps.db
    .selectFrom('indicatorYears')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('year')
    .execute();
}

describe('Excel import of yearly indicators', () => {
  it('gives a template whose header is the import header', async () => {
    const res = await as(t, wuhanAdmin, {
      method: 'GET',
      url: '/api/v1/indicators/import-template',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = wb.worksheets[0]!.getRow(1);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
  });

  it('one bad row refuses the whole file, with row, column and reason in Chinese', async () => {
    const a = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    const b = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    const file = await workbook([
      row(a.creditCode, 2023),
      row(a.creditCode, 2024, { revenue: -5 }),
      row(b.creditCode, 2024, { scienceStaff: 150, listing: '主板' }),
    ]);
    const res = await upload(wuhanAdmin, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import.rejected');
    expect(res.json().details).toEqual([
      {
        row: 3,
        column: col('revenue'),
        field: 'revenue',
        code: 'indicator.negative',
        reason: '不能为负数',
      },
      {
        row: 4,
        column: col('listing'),
        field: 'listing',
        code: 'indicator.choice',
        reason: '取值应为：未上市、新三板、已上市',
      },
    ]);
    expect(await stored(a.id)).toHaveLength(0);
    expect(await stored(b.id)).toHaveLength(0);
  });

  it('rows that parse but break a rule are reported too; nothing is written', async () => {
    const a = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    const huangshi = await makeOrg(t, { regionCode: '420200', type: 'enterprise' });
    const file = await workbook([
      row(a.creditCode, 2024, { scienceStaff: 150 }),
      row(a.creditCode, 2024),
      row(huangshi.creditCode, 2024),
      row('91420100MA4K00000X', 2024),
    ]);
    const res = await upload(wuhanAdmin, file);
    expect(res.statusCode).toBe(400);
    const reasons = res
      .json()
      .details.map((d: { row: number; reason: string }) => [d.row, d.reason]);
    expect(reasons).toEqual([
      [2, '科技人员数不能超过职工总数'],
      [3, '文件中该企业该年度重复（第 2 行）'],
      [4, '只能导入本市企业的指标'],
      [5, '该统一社会信用代码未登记'],
    ]);
    expect(await stored(a.id)).toHaveLength(0);
  });

  it('a good file is written: provenance "excel", tiers evaluated; empty cells keep values', async () => {
    const a = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    const b = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    const before = await countAudit(t, { action: 'indicator.save', objectId: `${a.id}:2024` });
    const first = await upload(
      wuhanAdmin,
      await workbook([
        row(a.creditCode, 2023),
        row(a.creditCode, 2024, { mainRevenue: 2900, equityAmount: 800, equityQualified: '是' }),
        row(b.creditCode, 2024, { highTechField: '电子信息' }),
      ]),
    );
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await countAudit(t, { action: 'indicator.save', objectId: `${a.id}:2024` })).toBe(
      before + 1,
    );
    const [y2023, y2024] = await stored(a.id);
    expect(y2024).toMatchObject({ revenue: 3000, mainRevenue: 2900, listing: 'unlisted' });
    expect(JSON.parse(y2024!.equity!)).toEqual([
      { year: 2024, amount: 800, qualifiedInvestor: true },
    ]);
    expect(y2023!.mainRevenue).toBeNull();
    const year = await as(t, province, {
      method: 'GET',
      url: `/api/v1/orgs/${a.id}/indicators/2024`,
    });
    expect(year.json().provenance.revenue).toMatchObject({ source: 'excel' });
    const tiers = await t.deps.db
      .selectFrom('tierResults')
      .select('year')
      .where('orgId', '=', a.id)
      .execute();
    expect(tiers).toHaveLength(18);

    // second file: only revenue filled in for 2024 (other cells empty) → only revenue changes
    const only: (string | number | null)[] = SHEET_COLUMNS.map((c) =>
      c.key === 'creditCode'
        ? a.creditCode
        : c.key === 'year'
          ? 2024
          : c.key === 'revenue'
            ? 3200
            : null,
    );
    const second = await upload(wuhanAdmin, await workbook([only, row(a.creditCode, 2023)]));
    expect(second.json()).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const after = (await stored(a.id))[1]!;
    expect(after).toMatchObject({ revenue: 3200, mainRevenue: 2900, version: 2 });
  });

  it('a wrong header, a non-multipart request and a non-official are refused', async () => {
    const bad = await upload(wuhanAdmin, await workbook([], ['代码', ...HEADERS.slice(1)]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ row: 1, column: 'A', code: 'header.mismatch' });
    const json = await as(t, province, {
      method: 'POST',
      url: '/api/v1/indicators/import',
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    const org = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    const user = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: org.id });
    expect((await upload(user, await workbook([row(org.creditCode, 2024)]))).statusCode).toBe(403);
  });
});

describe('Excel export of one year', () => {
  it('exports the rows of the year; a city admin only their own city', async () => {
    const a = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    await upload(province, await workbook([row(a.creditCode, 2022, { revenue: 4321 })]));
    const res = await as(t, wuhanAdmin, {
      method: 'GET',
      url: '/api/v1/indicators/export?year=2022',
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === a.creditCode) found = r;
    });
    expect(found).toBeDefined();
    const revenueAt = SHEET_COLUMNS.findIndex((c) => c.key === 'revenue') + 1;
    expect(found!.getCell(revenueAt).value).toBe(4321);
    const foreign = await as(t, wuhanAdmin, {
      method: 'GET',
      url: '/api/v1/indicators/export?year=2022&city=420200',
    });
    expect(foreign.statusCode).toBe(403);
  });
});
