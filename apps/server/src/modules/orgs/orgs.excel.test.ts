import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import {
  CITIES,
  INDUSTRIES,
  ORG_SHEET_COLUMNS,
  ORG_TYPE_LABELS,
  type OrgInput,
} from '@corridor/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  orgInput,
  type Session,
  type TestApp,
  uniqueName,
} from '../../../test/helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = ORG_SHEET_COLUMNS.map((c) => c.header);
const MiB = 1024 * 1024;

let t: TestApp;
let province: Session;
let wuhanAdmin: Session;
let enterprise: Session;
let broker: Session;

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  const own = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  enterprise = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: own.id });
  broker = await makeUser(t, ['broker'], { regionCode: '420100' });
});
afterAll(() => t.close());

// ---------- workbook and upload helpers ----------

/** An org as an official types it into the sheet: Chinese labels, not codes. */
function rowOf(input: OrgInput): (string | null)[] {
  return [
    input.creditCode,
    input.name,
    ORG_TYPE_LABELS[input.type].zh,
    CITIES.find((c) => c.code === input.regionCode)!.zh,
    input.industry ? INDUSTRIES.find((i) => i.code === input.industry)!.zh : null,
    input.address,
    input.foundedOn,
    input.contactName,
    input.contactPhone,
    input.description,
  ];
}

async function workbook(rows: (string | null)[][], header: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('机构名录');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

function cellValues(sheet: ExcelJS.Worksheet, rowNumber: number) {
  const row = sheet.getRow(rowNumber);
  return ORG_SHEET_COLUMNS.map((_, i) => row.getCell(i + 1).value);
}

function dataRows(sheet: ExcelJS.Worksheet) {
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow((_row, n) => {
    if (n > 1) out.push(cellValues(sheet, n));
  });
  return out;
}

let uploads = 0;
/**
 * POSTs a file as multipart/form-data built by hand. Each upload comes from its own address so
 * the import rate limit (20 a minute per client) does not interfere with the other tests.
 */
function upload(
  session: Session | null,
  file: Buffer,
  options: { filename?: string; type?: string; ip?: string } = {},
) {
  uploads += 1;
  const boundary = `----corridor${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.filename ?? 'orgs.xlsx'}"\r\n` +
      `Content-Type: ${options.type ?? XLSX}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return as(t, session, {
    method: 'POST',
    url: '/api/v1/orgs/import',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, file, tail]),
    remoteAddress: options.ip ?? `10.77.${(uploads >> 8) & 255}.${uploads & 255}`,
  });
}

async function orgsByCodes(codes: string[]) {
  return t.deps.db
    .selectFrom('orgs')
    .select(['id', 'creditCode', 'name', 'regionCode', 'type', 'industry'])
    .where('creditCode', 'in', codes)
    .execute();
}

async function auditOf(actorId: number, action: string) {
  return t.deps.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('actorId', '=', actorId)
    .where('action', '=', action)
    .execute();
}

/** The same code with a wrong 18th (check) character: only `credit_code.check` fails. */
function withBadCheckChar(code: string): string {
  const last = code[17] === '0' ? '1' : '0';
  return code.slice(0, 17) + last;
}

// ---------- a tiny zip writer/reader, to build hostile "xlsx" files ----------

interface RawEntry {
  name: string;
  method: 0 | 8;
  compressed: Buffer;
  crc: number;
  size: number;
  /** Size written into the headers, if it should lie. */
  declaredSize?: number;
}

function deflated(name: string, data: Buffer): RawEntry {
  return { name, method: 8, compressed: deflateRawSync(data), crc: crc32(data), size: data.length };
}

function zip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += local.length + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, archive) => {
      if (err || !archive) return reject(err);
      const files = new Map<string, Buffer>();
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(files));
      archive.readEntry();
    });
  });
}

/** `mib` MiB of one repeated character, deflated as a stream (never all in memory). */
async function deflatedRepeat(name: string, mib: number): Promise<RawEntry> {
  const chunk = Buffer.alloc(MiB, 'a');
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  let crc = 0;
  for (let i = 0; i < mib; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { name, method: 8, compressed: Buffer.concat(out), crc, size: mib * MiB };
}

/** A real exceljs workbook with some entries added or replaced. */
async function tamperedWorkbook(replace: RawEntry[]): Promise<Buffer> {
  const files = await unzip(await workbook([rowOf(orgInput())]));
  const names = new Set(replace.map((e) => e.name));
  const kept = [...files]
    .filter(([name]) => !names.has(name))
    .map(([name, data]) => deflated(name, data));
  return zip([...kept, ...replace]);
}

// ---------- tests ----------

describe('import template', () => {
  it('gives officials an xlsx whose header row is the sheet columns', async () => {
    const res = await as(t, wuhanAdmin, { method: 'GET', url: '/api/v1/orgs/import-template' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const sheet = await readSheet(res.rawPayload);
    expect(cellValues(sheet, 1)).toEqual(HEADERS);
  });

  it('a filled-in template imports as it is', async () => {
    const res = await as(t, wuhanAdmin, { method: 'GET', url: '/api/v1/orgs/import-template' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const input = orgInput({ regionCode: '420100' });
    wb.worksheets[0]!.getRow(2).values = rowOf(input);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await upload(wuhanAdmin, filled);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toEqual({ created: 1, problems: [] });
    expect(await orgsByCodes([input.creditCode])).toHaveLength(1);
  });

  it('is for officials only', async () => {
    for (const user of [enterprise, broker]) {
      const res = await as(t, user, { method: 'GET', url: '/api/v1/orgs/import-template' });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('import', () => {
  it('imports a valid three-row sheet written with Chinese labels, audited per org', async () => {
    const inputs = [
      orgInput({ regionCode: '420100', type: 'enterprise', industry: 'optoelectronics' }),
      orgInput({
        regionCode: '420700',
        type: 'university',
        industry: 'biomedicine',
        contactPhone: '027-87654321',
      }),
      orgInput({
        regionCode: '421200',
        type: 'incubator',
        industry: null,
        address: null,
        foundedOn: null,
      }),
    ];
    const res = await upload(province, await workbook(inputs.map(rowOf)));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 3, problems: [] });

    const rows = await orgsByCodes(inputs.map((i) => i.creditCode));
    expect(rows).toHaveLength(3);
    for (const input of inputs) {
      expect(rows.find((r) => r.creditCode === input.creditCode)).toMatchObject({
        name: input.name,
        type: input.type,
        regionCode: input.regionCode,
        industry: input.industry,
      });
    }
    for (const row of rows)
      expect(await countAudit(t, { action: 'org.create', objectId: String(row.id) })).toBe(1);
    const imports = (await auditOf(province.me.id, 'org.import')).filter(
      (e) => e.outcome === 'success',
    );
    expect(imports).toHaveLength(1);
    expect(JSON.parse(imports[0]!.detail)).toMatchObject({ created: 3, file: 'orgs.xlsx' });
  });

  it('refuses the whole file when one row is bad, naming row, column and reason', async () => {
    const good1 = orgInput();
    const bad = orgInput();
    const good2 = orgInput();
    const badRow = rowOf(bad);
    badRow[0] = withBadCheckChar(bad.creditCode);
    const res = await upload(wuhanAdmin, await workbook([rowOf(good1), badRow, rowOf(good2)]));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('import.rejected');
    expect(body.message).toBeTruthy();
    expect(body.details).toHaveLength(1);
    expect(body.details[0]).toMatchObject({
      row: 3,
      column: 'A',
      field: 'creditCode',
      code: 'credit_code.check',
    });
    expect(body.details[0].reason).toMatch(/[\u4e00-\u9fff]/);
    expect(body.details[0].reason).toContain('校验码');
    expect(
      await orgsByCodes([good1.creditCode, good2.creditCode, bad.creditCode, badRow[0]!]),
    ).toEqual([]);
    const failures = (await auditOf(wuhanAdmin.me.id, 'org.import')).filter(
      (e) => e.outcome === 'failure',
    );
    expect(failures.length).toBeGreaterThanOrEqual(1);
  });

  it('reports every bad row at once, in row order', async () => {
    const a = orgInput();
    const b = orgInput();
    const rowA = rowOf(a);
    rowA[2] = '银行'; // not an org type
    const rowB = rowOf(b);
    rowB[8] = '12345'; // not a phone number
    const res = await upload(province, await workbook([rowOf(orgInput()), rowA, rowB]));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      expect.objectContaining({ row: 3, column: 'C', field: 'type', code: 'org_type.invalid' }),
      expect.objectContaining({ row: 4, column: 'I', field: 'contactPhone', code: 'phone.format' }),
    ]);
  });

  it('reports a credit code that appears twice in the file, with both rows', async () => {
    const first = orgInput();
    const second = orgInput({ creditCode: first.creditCode });
    const other = orgInput();
    const res = await upload(province, await workbook([rowOf(other), rowOf(first), rowOf(second)]));
    expect(res.statusCode).toBe(400);
    const details = res.json().details;
    expect(details).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'A',
        field: 'creditCode',
        code: 'credit_code.duplicate_in_file',
      }),
    ]);
    expect(details[0].reason).toContain('3'); // points back at the first row holding the code
    expect(await orgsByCodes([first.creditCode, other.creditCode])).toEqual([]);
  });

  it('reports a credit code already registered', async () => {
    const existing = await makeOrg(t, { regionCode: '420100' });
    const fresh = orgInput();
    const res = await upload(
      wuhanAdmin,
      await workbook([rowOf(fresh), rowOf(orgInput({ creditCode: existing.creditCode }))]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'A',
        field: 'creditCode',
        code: 'credit_code.taken',
      }),
    ]);
    expect(await orgsByCodes([fresh.creditCode])).toEqual([]);
  });

  it('a city admin may import only their own city', async () => {
    const wuhan = orgInput({ regionCode: '420100' });
    const ezhou = orgInput({ regionCode: '420700' });
    const res = await upload(wuhanAdmin, await workbook([rowOf(wuhan), rowOf(ezhou)]));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'D',
        field: 'regionCode',
        code: 'region.not_own_city',
      }),
    ]);
    expect(await orgsByCodes([wuhan.creditCode, ezhou.creditCode])).toEqual([]);
  });

  it('refuses a sheet with the wrong header', async () => {
    const header: string[] = [...HEADERS];
    header[1] = '名称';
    const input = orgInput();
    const res = await upload(province, await workbook([rowOf(input)], header));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([
      expect.objectContaining({ row: 1, column: 'B', field: 'name', code: 'header.mismatch' }),
    ]);
    expect(res.json().details[0].reason).toContain('机构名称');
    expect(await orgsByCodes([input.creditCode])).toEqual([]);
  });

  it('refuses a sheet with no data rows', async () => {
    const res = await upload(province, await workbook([]));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import.rejected');
  });

  it('refuses files that are not Excel workbooks, whatever their name', async () => {
    const csv = Buffer.from(`${HEADERS.join(',')}\n${rowOf(orgInput()).join(',')}\n`, 'utf8');
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(256),
    ]);
    const text = Buffer.from('这不是一个 Excel 文件\n', 'utf8');
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(512)]);
    const truncatedZip = (await workbook([])).subarray(0, 200); // right magic bytes, broken zip
    const notAWorkbook = zip([
      deflated('word/document.xml', Buffer.from('<w:document/>')),
      deflated('[Content_Types].xml', Buffer.from('<Types/>')),
    ]);
    for (const file of [csv, png, text, exe, truncatedZip, notAWorkbook, Buffer.alloc(0)]) {
      const res = await upload(province, file);
      expect(res.statusCode, file.subarray(0, 8).toString('hex')).toBe(400);
      expect(res.json().code).toBe('import.not_excel');
    }
  });

  it('refuses a macro-enabled workbook (vbaProject.bin)', async () => {
    const input = orgInput();
    const files = await unzip(await workbook([rowOf(input)]));
    // Control: the same parts re-zipped by the test's own zip writer import fine...
    const control = orgInput();
    const controlFiles = await unzip(await workbook([rowOf(control)]));
    const plain = await upload(
      province,
      zip([...controlFiles].map(([name, data]) => deflated(name, data))),
    );
    expect(plain.statusCode, plain.body).toBe(200);
    // ...and with a macro project added they are refused.
    files.set('xl/vbaProject.bin', randomBytes(2048));
    const xlsm = zip([...files].map(([name, data]) => deflated(name, data)));
    const res = await upload(province, xlsm, { filename: 'orgs.xlsx' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import.not_excel');
    expect(await orgsByCodes([input.creditCode])).toEqual([]);
  });

  describe('zip bombs', () => {
    let bomb200: RawEntry;
    beforeAll(async () => {
      bomb200 = await deflatedRepeat('xl/sharedStrings.xml', 200);
    }, 60_000);

    it('refuses a workbook whose shared strings inflate to 200 MB, and keeps serving', async () => {
      const file = await tamperedWorkbook([bomb200]);
      expect(file.length).toBeLessThan(2 * MiB);
      const res = await upload(province, file);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('import.zip_bomb');
      const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.statusCode).toBe(200);
    });

    it('refuses a bomb that lies about its inflated size in the zip headers', async () => {
      const file = await tamperedWorkbook([{ ...bomb200, declaredSize: 64 * 1024 }]);
      const started = Date.now();
      const res = await upload(province, file);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('import.zip_bomb');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    });

    it('refuses an entry with a compression ratio over 100:1 even under the total limit', async () => {
      const file = await tamperedWorkbook([await deflatedRepeat('xl/sharedStrings.xml', 20)]);
      const res = await upload(province, file);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('import.zip_bomb');
    });
  });

  it('refuses a zip with more than 1,000 entries', async () => {
    const files = await unzip(await workbook([rowOf(orgInput())]));
    const many = [...files].map(([name, data]) => deflated(name, data));
    for (let i = 0; i < 1_000; i++)
      many.push(deflated(`xl/media/image${i}.png`, Buffer.from([i & 255])));
    const res = await upload(province, zip(many));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import.zip_bomb');
  });

  it('refuses a sheet over 10,000 rows, writing nothing', async () => {
    const inputs = Array.from({ length: 10_001 }, () => orgInput());
    const res = await upload(province, await workbook(inputs.map(rowOf)));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('import.too_many_rows');
    expect(await orgsByCodes([inputs[0]!.creditCode, inputs[10_000]!.creditCode])).toEqual([]);
  }, 30_000);

  it('refuses an upload over 10 MiB with 413', async () => {
    const res = await upload(province, randomBytes(11 * MiB));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.too_large');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });

  it('refuses a request without a file or not as multipart', async () => {
    const json = await as(t, province, {
      method: 'POST',
      url: '/api/v1/orgs/import',
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('request.unsupported_media');
    const boundary = 'corridor-empty';
    const empty = await as(t, province, {
      method: 'POST',
      url: '/api/v1/orgs/import',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--${boundary}--\r\n`,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('import.no_file');
  });

  it('refuses broken multipart bodies with 400, not 500', async () => {
    const part = '--b\r\nContent-Disposition: form-data; name="file"; filename="orgs.xlsx"\r\n';
    const cases: [string, string][] = [
      ['multipart/form-data', '[]'], // no boundary
      [`multipart/form-data; boundary=${'x'.repeat(300)}`, 'garbage'], // boundary too long for the parser
      ['multipart/form-data; boundary=b', `${part}\r\nPK`], // ends inside the file part
      ['multipart/form-data; boundary=b', `${part}${'x'.repeat(100_000)}`], // ends inside the part headers
    ];
    for (const [type, payload] of cases) {
      const res = await as(t, province, {
        method: 'POST',
        url: '/api/v1/orgs/import',
        headers: { 'content-type': type },
        payload,
        remoteAddress: `10.79.0.${++uploads & 255}`,
      });
      expect(res.statusCode, type.slice(0, 60)).toBe(400);
      expect(['request.malformed', 'import.no_file']).toContain(res.json().code);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });

  it('limits imports to 20 a minute per client', async () => {
    const ip = '10.78.0.1';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push((await upload(province, Buffer.from('x'), { ip })).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('enterprise and broker users may not import', async () => {
    const input = orgInput();
    const file = await workbook([rowOf(input)]);
    for (const user of [enterprise, broker]) {
      const res = await upload(user, file);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('permission.denied');
    }
    expect(await orgsByCodes([input.creditCode])).toEqual([]);
  });
});

describe('export', () => {
  /** Organisations sharing a name fragment no other test uses, so `q` selects exactly them. */
  async function family(cities: OrgInput['regionCode'][]) {
    const fragment = uniqueName('导出').slice(0, 8);
    const orgs = [];
    for (const [i, regionCode] of cities.entries()) {
      orgs.push(await makeOrg(t, { regionCode, name: `${fragment}${i}号科技有限公司` }));
    }
    return { fragment, orgs };
  }

  async function exportAs(session: Session, query: string) {
    return as(t, session, { method: 'GET', url: `/api/v1/orgs/export?${query}` });
  }

  it('the province exports exactly the filtered organisations', async () => {
    const { fragment, orgs } = await family(['421100', '421100', '421100', '420100']);
    const res = await exportAs(province, `city=421100&q=${encodeURIComponent(fragment)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);
    const sheet = await readSheet(res.rawPayload);
    expect(cellValues(sheet, 1)).toEqual(HEADERS);
    const rows = dataRows(sheet);
    expect(rows.map((r) => r[0]).sort()).toEqual(
      orgs
        .slice(0, 3)
        .map((o) => o.creditCode)
        .sort(),
    );
    expect(rows.every((r) => r[3] === '黄冈')).toBe(true);
    const first = rows.find((r) => r[0] === orgs[0]!.creditCode)!;
    expect(first[1]).toBe(orgs[0]!.name);
    expect(first[2]).toBe('企业');
    expect(first[8]).toBe(orgs[0]!.contactPhone); // the province sees contact details
  });

  it('writes an org.export audit event', async () => {
    const { fragment } = await family(['420200']);
    const before = (await auditOf(province.me.id, 'org.export')).length;
    const res = await exportAs(province, `city=420200&q=${encodeURIComponent(fragment)}`);
    expect(res.statusCode).toBe(200);
    const events = await auditOf(province.me.id, 'org.export');
    expect(events).toHaveLength(before + 1);
    expect(JSON.parse(events.at(-1)!.detail)).toMatchObject({
      rows: 1,
      filter: { city: '420200' },
    });
  });

  it('a city admin may not export another city', async () => {
    const before = (await auditOf(wuhanAdmin.me.id, 'permission.denied')).length;
    const res = await exportAs(wuhanAdmin, 'city=420700');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('permission.denied');
    expect(await auditOf(wuhanAdmin.me.id, 'permission.denied')).toHaveLength(before + 1);
  });

  it('a city admin’s export without a city holds only their city', async () => {
    const { fragment, orgs } = await family(['420100', '420700', '420100', '421200']);
    const res = await exportAs(wuhanAdmin, `q=${encodeURIComponent(fragment)}`);
    expect(res.statusCode).toBe(200);
    const rows = dataRows(await readSheet(res.rawPayload));
    expect(rows.map((r) => r[0]).sort()).toEqual([orgs[0]!.creditCode, orgs[2]!.creditCode].sort());
    expect(rows.every((r) => r[3] === '武汉')).toBe(true);
  });

  it('escapes formula-like text with a leading apostrophe', async () => {
    const fragment = uniqueName('公式').slice(0, 8);
    const input = orgInput({
      regionCode: '420100',
      name: `-${fragment}科技有限公司`,
      address: '@SUM(1+1)',
      description: '=HYPERLINK("http://evil.example","点我")',
    });
    const created = await as(t, province, { method: 'POST', url: '/api/v1/orgs', payload: input });
    expect(created.statusCode, created.body).toBe(201); // the schema allows these characters
    const res = await exportAs(province, `q=${encodeURIComponent(fragment)}`);
    expect(res.statusCode).toBe(200);
    const rows = dataRows(await readSheet(res.rawPayload));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row![1]).toBe(`'${input.name}`);
    expect(row![5]).toBe(`'${input.address}`);
    expect(row![9]).toBe(`'${input.description}`);
    expect(row![0]).toBe(input.creditCode);
    // The plain export never contains a formula cell.
    for (const value of row!)
      expect(typeof value === 'object' && value !== null && 'formula' in value).toBe(false);
  });

  it('enterprise and broker users may not export', async () => {
    for (const user of [enterprise, broker]) {
      const res = await exportAs(user, '');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('permission.denied');
    }
  });
});
