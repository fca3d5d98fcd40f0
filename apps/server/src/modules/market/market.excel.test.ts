import { randomBytes } from 'node:crypto';
import { ACHIEVEMENT_SHEET_COLUMNS, DEMAND_SHEET_COLUMNS } from '@corridor/contracts';
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

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let owner: Session;
let wuhanAdmin: Session;
let talent: Session;
let own: Awaited<ReturnType<typeof makeOrg>>;
let wuhanOrg: Awaited<ReturnType<typeof makeOrg>>;
let ezhouOrg: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestApp();
  own = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  wuhanOrg = await makeOrg(t, { regionCode: '420100', type: 'institute' });
  ezhouOrg = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
  owner = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: own.id });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  talent = await makeUser(t, ['talent']);
});
afterAll(() => t.close());

async function workbook(header: readonly { header: string }[], rows: unknown[][], name: string) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(name);
  sheet.addRow(header.map((c) => c.header));
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let uploads = 0;
function upload(session: Session, path: string, file: Buffer) {
  uploads += 1;
  const boundary = `----market${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="market.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`,
  );
  return as(t, session, {
    method: 'POST',
    url: path,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    remoteAddress: `10.88.0.${uploads}`,
  });
}

const achievementRow = (overrides: Record<number, unknown> = {}) => {
  const row: unknown[] = [
    null,
    `基于机器视觉的锂电池极片缺陷检测系统${randomBytes(2).toString('hex')}`,
    '针对锂电池极片生产过程中缺陷检测精度低等问题，开发了在线视觉检测系统，检测精度提升30%。',
    '机器视觉、锂电池',
    '先进制造与自动化',
    '高端装备制造',
    6,
    null,
    '发明专利:ZL202310123456.7；软件著作权:2023SR0123456',
    '张伟、李娜',
    '许可、转让',
    120.5,
  ];
  for (const [i, v] of Object.entries(overrides)) row[Number(i)] = v;
  return row;
};

async function countFor(orgId: number) {
  const row = await t.deps.db
    .selectFrom('marketAchievements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orgId', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('achievements from Excel', () => {
  it('gives owners and officials a template whose header is the sheet columns', async () => {
    const res = await as(t, owner, {
      method: 'GET',
      url: '/api/v1/market/achievements/import-template',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = wb.worksheets[0]!.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual(ACHIEVEMENT_SHEET_COLUMNS.map((c) => c.header));
    expect(
      (await as(t, talent, { method: 'GET', url: '/api/v1/market/achievements/import-template' }))
        .statusCode,
    ).toBe(403);
  });

  it('imports labelled rows as drafts of the owner’s organisation, audited', async () => {
    const before = await countFor(own.id);
    const file = await workbook(
      ACHIEVEMENT_SHEET_COLUMNS,
      [achievementRow(), achievementRow({ 11: '面议', 10: '合作开发' })],
      '科技成果',
    );
    const res = await upload(owner, '/api/v1/market/achievements/import', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, problems: [] });
    expect(await countFor(own.id)).toBe(before + 2);
    const rows = await t.deps.db
      .selectFrom('marketAchievements')
      .selectAll()
      .where('orgId', '=', own.id)
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['draft', 'draft']);
    expect(rows.map((r) => r.priceWan)).toEqual([null, 120.5]);
    expect(JSON.parse(rows[1]!.ipItems)).toEqual([
      { kind: 'inventionPatent', number: 'ZL202310123456.7', title: '' },
      { kind: 'softwareCopyright', number: '2023SR0123456', title: '' },
    ]);
    expect(JSON.parse(rows[0]!.transferModes)).toEqual(['joint']);
    expect(await countAudit(t, { action: 'market.achievement.import' })).toBeGreaterThan(0);
  });

  it('refuses the whole file when a row is bad, naming row, column and reason', async () => {
    const before = await countFor(own.id);
    const file = await workbook(
      ACHIEVEMENT_SHEET_COLUMNS,
      [achievementRow(), achievementRow({ 6: 10 }), achievementRow({ 11: -1, 4: '炼金术' })],
      '科技成果',
    );
    const res = await upload(owner, '/api/v1/market/achievements/import', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import.rejected');
    expect(res.json().details).toEqual([
      expect.objectContaining({ row: 3, column: 'G', field: 'trl', code: 'trl.range' }),
      expect.objectContaining({ row: 4, column: 'E', field: 'field', code: 'field.invalid' }),
      expect.objectContaining({ row: 4, column: 'L', field: 'priceWan', code: 'amount.negative' }),
    ]);
    expect(await countFor(own.id)).toBe(before);
  });

  it('officials import for organisations of their own city only', async () => {
    const good = achievementRow({ 0: wuhanOrg.creditCode });
    const foreign = achievementRow({ 0: ezhouOrg.creditCode });
    const refused = await upload(
      wuhanAdmin,
      '/api/v1/market/achievements/import',
      await workbook(ACHIEVEMENT_SHEET_COLUMNS, [good, foreign, achievementRow()], '科技成果'),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([
      expect.objectContaining({ row: 3, column: 'A', code: 'market.org_not_allowed' }),
      expect.objectContaining({ row: 4, column: 'A', code: 'required' }),
    ]);
    const ok = await upload(
      wuhanAdmin,
      '/api/v1/market/achievements/import',
      await workbook(ACHIEVEMENT_SHEET_COLUMNS, [good], '科技成果'),
    );
    expect(ok.json()).toEqual({ created: 1, problems: [] });
    expect(await countFor(wuhanOrg.id)).toBe(1);
  });

  it('exports the caller’s list, audited; the city queue for officials', async () => {
    const res = await as(t, owner, {
      method: 'GET',
      url: '/api/v1/market/achievements/export?scope=mine',
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.actualRowCount - 1).toBe(await countFor(own.id));
    expect(sheet.getRow(2).getCell(1).value).toBe(own.creditCode);
    const city = await as(t, wuhanAdmin, {
      method: 'GET',
      url: '/api/v1/market/achievements/export?scope=city',
    });
    expect(city.statusCode).toBe(200);
    expect(await countAudit(t, { action: 'market.achievement.export' })).toBeGreaterThanOrEqual(2);
    expect(
      (await as(t, owner, { method: 'GET', url: '/api/v1/market/achievements/export?scope=city' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('demands from Excel', () => {
  it('imports, refuses bad rows, and exports', async () => {
    const row = [
      '',
      '精密减速器国产化替代技术需求',
      '公司计划开展精密减速器国产化替代，寻求具备批量生产能力的合作方。',
      '先进制造与自动化',
      '',
      200,
      '2099-01-31',
    ];
    const ok = await upload(
      owner,
      '/api/v1/market/demands/import',
      await workbook(DEMAND_SHEET_COLUMNS, [row, [...row.slice(0, 5), '', '']], '技术需求'),
    );
    expect(ok.statusCode).toBe(400);
    expect(ok.json().details).toEqual([
      expect.objectContaining({ row: 3, column: 'G', field: 'deadline' }),
    ]);
    const good = await upload(
      owner,
      '/api/v1/market/demands/import',
      await workbook(DEMAND_SHEET_COLUMNS, [row], '技术需求'),
    );
    expect(good.json()).toEqual({ created: 1, problems: [] });
    const exported = await as(t, owner, {
      method: 'GET',
      url: '/api/v1/market/demands/export?scope=mine',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(2).getCell(2).value).toBe('精密减速器国产化替代技术需求');
  });
});
