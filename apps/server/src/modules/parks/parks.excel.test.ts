import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { parkInput, phaseInput } from './parks.fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let uploads = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function upload(session: Session, parkId: number, file: Buffer) {
  uploads += 1;
  const boundary = `----corridor${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="figures.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`,
  );
  return as(t, session, {
    method: 'POST',
    url: `/api/v1/parks/${parkId}/figures/import`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    remoteAddress: `10.79.${(uploads >> 8) & 255}.${uploads & 255}`,
  });
}

async function setup() {
  const host = await makeUser(t, ['city_admin'], { regionCode: '421100' });
  const outflow = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  const park = await as(t, host, { method: 'POST', url: '/api/v1/parks', payload: parkInput() });
  const id = park.json().id as number;
  await as(t, host, { method: 'POST', url: `/api/v1/parks/${id}/phases`, payload: phaseInput() });
  await as(t, host, {
    method: 'POST',
    url: `/api/v1/parks/${id}/figures`,
    payload: { year: 2020, item: 'vat_local', valueWan: 100 },
  });
  return { host, outflow, id };
}

async function exported(s: Session, id: number) {
  const res = await as(t, s, { method: 'GET', url: `/api/v1/parks/${id}/figures/export` });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

describe('yearly figures in Excel', () => {
  it('export, fill in, import back: one updated, one created, audited', async () => {
    const { host, id } = await setup();
    const wb = await exported(host, id);
    const sheet = wb.getWorksheet('年度数据')!;
    expect(sheet.getRow(2).values).toEqual([undefined, 2020, '增值税地方留成', 100, 0, '黄冈']);
    sheet.getRow(2).getCell(3).value = 150;
    sheet.addRow([2021, '固定资产投资', 8000, null, '黄冈', '统计局反馈']);
    const res = await upload(host, id, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const figures = (
      await as(t, host, { method: 'GET', url: `/api/v1/parks/${id}/figures` })
    ).json().items;
    expect(
      figures.map((f: { year: number; valueWan: number; version: number }) => [
        f.year,
        f.valueWan,
        f.version,
      ]),
    ).toEqual([
      [2020, 150, 2],
      [2021, 8000, 1],
    ]);
    expect(await countAudit(t, { action: 'park.figure.import', objectId: String(id) })).toBe(1);
  });

  it('a bad file is refused whole with its problems per row; a non-reporting party cannot import', async () => {
    const { host, outflow, id } = await setup();
    const wb = await exported(host, id);
    const sheet = wb.getWorksheet('年度数据')!;
    sheet.addRow([2030, '增值税地方留成', 10, null, null, null]);
    sheet.addRow([2021, '不存在的指标', 10, null, null, null]);
    sheet.addRow([2021, '固定资产投资', 10, 20, null, null]);
    const res = await upload(host, id, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .details.map((d: { row: number; field: string; code: string }) => [d.row, d.field, d.code]),
    ).toEqual([
      [3, 'year', 'parks.year_outside'],
      [4, 'item', 'parks.item_unknown'],
      [5, 'incentivesWan', 'parks.incentives_exceed'],
    ]);
    const figures = (
      await as(t, host, { method: 'GET', url: `/api/v1/parks/${id}/figures` })
    ).json().items;
    expect(figures).toHaveLength(1);
    // Wuhan is a party but Huanggang reports: its import of Huanggang's figures is refused
    const denied = await upload(
      outflow,
      id,
      Buffer.from(await (await exported(host, id)).xlsx.writeBuffer()),
    );
    expect(denied.statusCode).toBe(400);
    expect(denied.json().details[0]).toMatchObject({
      row: 2,
      field: 'reportedBy',
      code: 'parks.not_own_city',
    });
  });
});
