import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  dealStep,
  makeOrg,
  makeUser,
  type Session,
  signByBoth,
  type TestApp,
} from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function sheetRows(s: Session, url: string) {
  const res = await as(t, s, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('技术合同')!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('technology contracts as Excel (登记表 columns)', () => {
  it('exports the caller’s scope: the seller city’s admin sees the registered row, others not', async () => {
    const seller = await makeOrg(t, { regionCode: '421100' as never });
    const buyer = await makeOrg(t, { regionCode: '421200' as never });
    const sellerUser = await makeUser(t, ['enterprise'], { orgId: seller.id });
    const made = await as(t, sellerUser, {
      method: 'POST',
      url: '/api/v1/deals',
      payload: {
        type: 'service',
        projectName: '=HYPERLINK("x") 黄冈导出测试技术服务',
        sellerCreditCode: seller.creditCode,
        buyerCreditCode: buyer.creditCode,
        totalAmountWan: 42.5,
        techAmountWan: 40,
        signedOn: '2026-05-01',
        validFrom: '2026-05-01',
        validTo: '2027-04-30',
        field: 'electronicInformation',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const buyerUser = await makeUser(t, ['enterprise'], { orgId: buyer.id });
    expect((await signByBoth(t, id, sellerUser, buyerUser)).statusCode).toBe(200);
    const admin = await makeUser(t, ['city_admin'], { regionCode: '421100' as never });
    const reg = await dealStep(t, admin, id, 'register');
    const no = reg.json().registration.registrationNo as string;

    const rows = await sheetRows(admin, '/api/v1/deals/export?city=421100&status=registered');
    expect(rows[0]).toEqual(expect.arrayContaining(['合同登记编号', '技术交易额（万元）']));
    const row = rows.find((r) => r[0] === no);
    expect(row).toBeDefined();
    // Formula injection is neutralised; amounts stay numbers; labels are Chinese.
    expect(row![1]!.startsWith("'=")).toBe(true);
    expect(row!.slice(2, 4)).toEqual(['技术服务', seller.name]);
    expect(row![11]).toBe('42.5');
    expect(row![6]).toBe('黄冈');

    // Another city's admin and an unrelated enterprise do not get the row.
    const other = await makeUser(t, ['city_admin'], { regionCode: '420100' as never });
    expect((await sheetRows(other, '/api/v1/deals/export')).some((r) => r[0] === no)).toBe(false);
    const stranger = await makeUser(t, ['enterprise'], { orgId: (await makeOrg(t)).id });
    expect((await sheetRows(stranger, '/api/v1/deals/export')).length).toBe(1);
    expect(await countAudit(t, { action: 'deal.export' })).toBeGreaterThanOrEqual(3);
  });

  it('is refused to roles without contracts and rejects bad filters with 400', async () => {
    const talent = await makeUser(t, ['talent']);
    expect((await as(t, talent, { method: 'GET', url: '/api/v1/deals/export' })).statusCode).toBe(
      403,
    );
    const admin = await makeUser(t, ['province_admin']);
    const bad = await as(t, admin, { method: 'GET', url: '/api/v1/deals/export?status=lost' });
    expect(bad.statusCode).toBe(400);
  });
});
