import { randomBytes } from 'node:crypto';
import {
  CITIES,
  INDUSTRIES,
  ORG_SHEET_COLUMNS,
  ORG_TYPE_LABELS,
  type OrgInput,
  type PublicCockpit,
} from '@corridor/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  orgInput,
  putIndicators,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { beijingMonth } from '../../core/aggregates/keys';

/**
 * Every figure of the cockpit against the rows beneath it. The PostgreSQL database is shared
 * by test files running in parallel, so these tests work in a city × type no other test file
 * writes (Xianning × government department / financial institution) and compare deltas.
 */
const CITY = '421200';
const TYPE = 'government_department';

let t: TestApp;
let province: Session;
let xianning: Session;
let wuhan: Session;
let talent: Session;

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  xianning = await makeUser(t, ['city_admin'], { regionCode: CITY });
  wuhan = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  talent = await makeUser(t, ['talent']);
});
afterAll(() => t.close());

async function publicView(query = ''): Promise<PublicCockpit> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/cockpit/public${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const city = (v: PublicCockpit, code = CITY) => v.cities.find((c) => c.code === code)!;

/** What the registry itself says: a count straight from the orgs table. */
async function rowsCount(regionCode: string, type: string, industry?: string) {
  let q = t.deps.db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('regionCode', '=', regionCode);
  if (type) q = q.where('type', '=', type);
  if (industry) q = q.where('industry', '=', industry);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

async function importSheet(session: Session, inputs: OrgInput[]) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('机构名录');
  sheet.addRow(ORG_SHEET_COLUMNS.map((c) => c.header));
  for (const i of inputs) {
    sheet.addRow([
      i.creditCode,
      i.name,
      ORG_TYPE_LABELS[i.type].zh,
      CITIES.find((c) => c.code === i.regionCode)!.zh,
      i.industry ? INDUSTRIES.find((x) => x.code === i.industry)!.zh : null,
    ]);
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = `----cockpit${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orgs.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return as(t, session, {
    method: 'POST',
    url: '/api/v1/orgs/import',
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    remoteAddress: `10.77.${randomBytes(1)[0]}.${randomBytes(1)[0]}`,
  });
}

describe('public cockpit: organisation figures follow every way the registry changes', () => {
  it('create (form), bulk load, import and edits move the counts exactly; they equal the rows', async () => {
    const before = await publicView();
    const rowsBefore = await rowsCount(CITY, TYPE);
    expect(city(before).byType[TYPE]).toBe(rowsBefore);

    // 2 through the form (createOrg), 2 through the bulk path (makeOrg), 2 through an import
    for (let i = 0; i < 2; i++) {
      const res = await as(t, xianning, {
        method: 'POST',
        url: '/api/v1/orgs',
        payload: orgInput({ regionCode: CITY, type: TYPE, industry: 'agritech' }),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const bulk = [
      await makeOrg(t, { regionCode: CITY, type: TYPE, industry: 'logistics' }),
      await makeOrg(t, { regionCode: CITY, type: TYPE, industry: null }),
    ];
    const imported = await importSheet(xianning, [
      orgInput({ regionCode: CITY, type: TYPE, industry: 'agritech' }),
      orgInput({ regionCode: CITY, type: TYPE, industry: 'health' }),
    ]);
    expect(imported.statusCode, imported.body).toBe(200);

    const mid = await publicView();
    expect(city(mid).byType[TYPE]! - city(before).byType[TYPE]!).toBe(6);
    // City and corridor totals move with other test files too: at least ours, and consistent.
    expect(city(mid).orgs - city(before).orgs).toBeGreaterThanOrEqual(6);
    expect(mid.totals.orgs - before.totals.orgs).toBeGreaterThanOrEqual(6);
    expect(city(mid).byType[TYPE]).toBe(await rowsCount(CITY, TYPE));
    expect(mid.totals.orgs).toBe(mid.cities.reduce((a, c) => a + c.orgs, 0));
    for (const c of mid.cities) {
      expect(c.orgs).toBe(Object.values(c.byType).reduce((a, b) => a + b, 0));
    }

    // An edit of type moves one count to another type; a move of city to another city.
    const [first, second] = bulk as [(typeof bulk)[0], (typeof bulk)[0]];
    const retype = await as(t, province, {
      method: 'PATCH',
      url: `/api/v1/orgs/${first.id}`,
      payload: { type: 'financial_institution', version: 1 },
    });
    expect(retype.statusCode, retype.body).toBe(200);
    const move = await as(t, province, {
      method: 'PATCH',
      url: `/api/v1/orgs/${second.id}`,
      payload: { regionCode: '420700', version: 1 },
    });
    expect(move.statusCode, move.body).toBe(200);
    // An edit that changes none of city/type/industry changes no count.
    const rename = await as(t, province, {
      method: 'PATCH',
      url: `/api/v1/orgs/${first.id}`,
      payload: { description: '仅修改简介', version: 2 },
    });
    expect(rename.statusCode, rename.body).toBe(200);

    const after = await publicView();
    expect(city(after).byType[TYPE]! - city(mid).byType[TYPE]!).toBe(-2);
    const fin = (v: PublicCockpit) =>
      v.cities.find((c) => c.code === CITY)!.byType.financial_institution!;
    expect(fin(after) - fin(mid)).toBe(1);
    expect(city(after, '420700').byType[TYPE]! - city(mid, '420700').byType[TYPE]!).toBe(1);
    expect(city(after).byType[TYPE]).toBe(await rowsCount(CITY, TYPE));
    expect(fin(after)).toBe(await rowsCount(CITY, 'financial_institution'));
  });

  it('the platforms KPI shows the registry count as context (not comparable with the target)', async () => {
    const v = await publicView();
    const kpi = v.kpis.find((k) => k.code === 'provincial_platforms')!;
    const expected = v.cities.reduce(
      (a, c) => a + (c.byType.service_platform ?? 0) + (c.byType.institute ?? 0),
      0,
    );
    expect(kpi.platform).toEqual({
      value: expected,
      basis: 'registry.platform_types_any_level',
      comparable: false,
    });
    expect(kpi.target).toEqual({ op: 'gt', value: 1500, year: 2025 });
    expect(v.kpis.find((k) => k.code === 'rd_gdp_ratio')!.target).toEqual({
      op: 'gt',
      value: 4.2,
      year: 2025,
    });
    expect(v.kpis.find((k) => k.code === 'high_tech_enterprises')!.target!.value).toBe(15000);
    expect(v.kpis.find((k) => k.code === 'high_tech_value_added_ratio')!.target).toEqual({
      op: 'eq',
      value: 36,
      year: 2025,
    });
    // Anonymous: certified counts (public), never the computed eligibility.
    expect(v.tiers.status).toBe('certified_only');
    expect(v.tiers.rows).toHaveLength(5 * 9);
    for (const r of v.tiers.rows)
      expect(Object.keys(r).sort()).toEqual(['certified', 'city', 'tier']);
    expect(v.kpis.find((k) => k.code === 'high_tech_enterprises')!.platform).toEqual({
      value: v.tiers.rows.filter((r) => r.tier === 'highTech').reduce((a, r) => a + r.certified, 0),
      basis: 'indicators.high_tech_certificates',
      comparable: true,
    });
  });

  it('exposes aggregates only: no organisation name, code, contact or address', async () => {
    const org = await makeOrg(t, { regionCode: CITY, type: TYPE });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cockpit/public' });
    expect(res.statusCode).toBe(200);
    for (const secret of [org.name, org.creditCode, org.contactName!, org.contactPhone!]) {
      expect(res.body).not.toContain(secret);
    }
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
    };
    walk(res.json());
    for (const k of ['name', 'creditCode', 'contactName', 'contactPhone', 'address', 'id'])
      expect(keys.has(k), k).toBe(false);
  });

  it('refuses a bad year or unknown query fields (400)', async () => {
    for (const q of ['?year=1999', '?year=abc', '?year=2101', '?city=420100']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/cockpit/public${q}` });
      expect(res.statusCode, q).toBe(400);
    }
  });
});

describe("leaders' drill-down", () => {
  it('requires sign-in and an official role', async () => {
    const anon = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cockpit/leaders/cities/${CITY}`,
    });
    expect(anon.statusCode).toBe(401);
    const res = await as(t, talent, {
      method: 'GET',
      url: `/api/v1/cockpit/leaders/cities/${CITY}`,
    });
    expect(res.statusCode).toBe(403);
  });

  it('a city admin drills into their own city only (refusal audited); the province anywhere', async () => {
    const denied = await countAudit(t, { action: 'permission.denied' });
    const other = await as(t, wuhan, {
      method: 'GET',
      url: `/api/v1/cockpit/leaders/cities/${CITY}`,
    });
    expect(other.statusCode).toBe(403);
    expect(await countAudit(t, { action: 'permission.denied' })).toBeGreaterThan(denied);
    const own = await as(t, xianning, {
      method: 'GET',
      url: `/api/v1/cockpit/leaders/cities/${CITY}`,
    });
    expect(own.statusCode, own.body).toBe(200);
    for (const c of CITIES) {
      const res = await as(t, province, {
        method: 'GET',
        url: `/api/v1/cockpit/leaders/cities/${c.code}`,
      });
      expect(res.statusCode, c.code).toBe(200);
      expect(res.json().code).toBe(c.code);
    }
  });

  it('industry and monthly registration figures equal the rows', async () => {
    const url = `/api/v1/cockpit/leaders/cities/${CITY}`;
    const detail = async () => (await as(t, xianning, { method: 'GET', url })).json();
    const before = await detail();
    await makeOrg(t, { regionCode: CITY, type: TYPE, industry: 'agritech' });
    await makeOrg(t, { regionCode: CITY, type: TYPE, industry: 'agritech' });
    await makeOrg(t, { regionCode: CITY, type: TYPE, industry: null });
    // Deltas only where this file alone writes (Xianning × government department)…
    const mid = await detail();
    expect(mid.byType[TYPE] - before.byType[TYPE]).toBe(3);
    expect(mid.registrations).toHaveLength(12);
    expect(mid.tiers.status).toBe('full');

    // …and for figures other files also move, equality with the rows read between two equal
    // answers (every change commits rows and aggregates together, so equal answers mean no
    // change came in between).
    const month = beijingMonth(new Date().toISOString());
    const ind = (v: typeof mid, code: string | null) =>
      v.byIndustry.find((x: { industry: string | null }) => x.industry === code)?.count ?? 0;
    const reg = (v: typeof mid) =>
      v.registrations.find((r: { month: string }) => r.month === month)?.count ?? 0;
    const start = new Date(Date.parse(`${month}-01T00:00:00Z`) - 8 * 3_600_000).toISOString();
    for (let attempt = 0; ; attempt++) {
      const a = await detail();
      const rows = {
        agritech: await rowsCount(CITY, '', 'agritech'),
        type: await rowsCount(CITY, TYPE),
        month: Number(
          (
            await t.deps.db
              .selectFrom('orgs')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('regionCode', '=', CITY)
              .where('createdAt', '>=', start)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      };
      const b = await detail();
      if (JSON.stringify({ ...a, generatedAt: 0 }) !== JSON.stringify({ ...b, generatedAt: 0 })) {
        expect(attempt, 'the city kept changing').toBeLessThan(20);
        continue;
      }
      expect(ind(a, 'agritech')).toBe(rows.agritech);
      expect(a.byType[TYPE]).toBe(rows.type);
      expect(reg(a)).toBe(rows.month);
      break;
    }
  });

  it('tiers per city and the high-tech KPI count certificates, as the certificate rows say', async () => {
    const year = Number(new Date().toISOString().slice(0, 4));
    const certified = async () => {
      const res = await as(t, province, {
        method: 'GET',
        url: `/api/v1/cockpit/public?year=${year}`,
      });
      const v: PublicCockpit = res.json();
      expect(v.tiers.status).toBe('full');
      expect(v.tiers.rows).toHaveLength(5 * 9);
      const row = v.tiers.rows.find((r) => r.city === CITY && r.tier === 'highTech')!;
      const kpi = v.kpis.find((k) => k.code === 'high_tech_enterprises')!.platform!;
      expect(kpi.comparable).toBe(true);
      expect(kpi.value).toBe(
        v.tiers.rows.filter((r) => r.tier === 'highTech').reduce((a, r) => a + r.certified, 0),
      );
      return row.certified;
    };
    const before = await certified();
    const firm = await makeOrg(t, { regionCode: CITY, type: 'enterprise' });
    const cert = await as(t, province, {
      method: 'POST',
      url: `/api/v1/orgs/${firm.id}/certificates`,
      payload: { kind: 'highTech', number: `GR${year}42${firm.id}`, issuedOn: `${year}-01-02` },
    });
    expect(cert.statusCode, cert.body).toBe(201);
    expect((await certified()) - before).toBe(1);
    const detail = await as(t, xianning, {
      method: 'GET',
      url: `/api/v1/cockpit/leaders/cities/${CITY}?year=${year}`,
    });
    const rows = detail.json().tiers.rows as { city: string; tier: string; certified: number }[];
    expect(rows.every((r) => r.city === CITY)).toBe(true);
    expect(rows.find((r) => r.tier === 'highTech')!.certified).toBe(before + 1);
  });
});

describe('tier figures: certified counts are public, computed eligibility is for officials', () => {
  const year = Number(new Date().toISOString().slice(0, 4));
  const url = `/api/v1/cockpit/public?year=${year}`;
  type Row = PublicCockpit['tiers']['rows'][number];
  const row = (v: PublicCockpit, tier: string): Row =>
    v.tiers.rows.find((r) => r.city === CITY && r.tier === tier)!;
  /** What the certificate rows say: Xianning holders of a certificate valid in the year. */
  async function holders(kind: string) {
    const r = await t.deps.db
      .selectFrom('orgCertificates')
      .select((eb) => eb.fn.count<number>('orgId').distinct().as('n'))
      .where('regionCode', '=', CITY)
      .where('kind', '=', kind)
      .where('issuedOn', '<=', `${year}-12-31`)
      .where((eb) => eb.or([eb('expiresOn', 'is', null), eb('expiresOn', '>=', `${year}-01-01`)]))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  it('anonymous and non-officials get certified counts that follow recorded certificates', async () => {
    const anon = async () => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as PublicCockpit;
    };
    const before = await anon();
    expect(before.tiers.status).toBe('certified_only');
    // Two firms of this file's city are recognised: one 专精特新 listing, one 高企 that expired
    // before the year (not counted).
    const listed = await makeOrg(t, { regionCode: CITY, type: 'enterprise' });
    const lapsed = await makeOrg(t, { regionCode: CITY, type: 'enterprise' });
    for (const [org, payload] of [
      [
        listed,
        { kind: 'specialisedSme', number: `ZJTX${year}${listed.id}`, issuedOn: `${year}-03-01` },
      ],
      [
        lapsed,
        {
          kind: 'highTech',
          number: `GR${year - 4}${lapsed.id}`,
          issuedOn: `${year - 4}-01-02`,
          expiresOn: `${year - 1}-12-31`,
        },
      ],
    ] as const) {
      const res = await as(t, province, {
        method: 'POST',
        url: `/api/v1/orgs/${org.id}/certificates`,
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const after = await anon();
    expect(row(after, 'specialisedSme').certified - row(before, 'specialisedSme').certified).toBe(
      1,
    );
    expect(row(after, 'highTech').certified - row(before, 'highTech').certified).toBe(0);
    expect(row(after, 'specialisedSme').certified).toBe(await holders('specialisedSme'));
    expect(row(after, 'highTech').certified).toBe(await holders('highTech'));
    expect(after.tiers.rows.some((r) => 'eligible' in r)).toBe(false);

    // A signed-in member who is not an official sees the same: no eligibility.
    const member = await as(t, talent, { method: 'GET', url });
    expect(member.statusCode, member.body).toBe(200);
    const mv: PublicCockpit = member.json();
    expect(mv.tiers.status).toBe('certified_only');
    expect(JSON.stringify(mv.tiers)).not.toContain('eligible');
    // …and the indicators module's own statistics stay closed to them.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/tiers/stats?year=${year}` })).statusCode,
    ).toBe(401);
    expect(
      (await as(t, talent, { method: 'GET', url: `/api/v1/tiers/stats?year=${year}` })).statusCode,
    ).toBe(403);
  });

  it('officials get the same certified counts plus the computed eligibility', async () => {
    const official = async () => (await as(t, province, { method: 'GET', url })).json();
    const before: PublicCockpit = await official();
    // A Xianning firm whose figures of the year meet the 科技型中小企业 rules (100 points).
    const firm = await makeOrg(t, {
      regionCode: CITY,
      type: 'enterprise',
      foundedOn: '2018-05-20',
    });
    const put = await putIndicators(t, province, firm.id, year, {
      revenue: 3000,
      rdSpend: 200,
      staff: 100,
      scienceStaff: 35,
      totalAssets: 5000,
      ip: { inventionPatent: 1 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const after: PublicCockpit = await official();
    expect(row(after, 'techSme').eligible! - row(before, 'techSme').eligible!).toBe(1);
    expect(row(after, 'techSme').evaluated! - row(before, 'techSme').evaluated!).toBe(1);
    // The public still sees no eligibility, though the figure moved.
    const anon: PublicCockpit = (await t.app.inject({ method: 'GET', url })).json();
    expect(JSON.stringify(anon.tiers)).not.toMatch(/eligible|evaluated/);

    for (const session of [province, wuhan]) {
      const res = await as(t, session, { method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      const v: PublicCockpit = res.json();
      expect(v.tiers.status).toBe('full');
      expect(v.tiers.rows).toHaveLength(5 * 9);
      for (const r of v.tiers.rows) {
        expect(Number.isInteger(r.eligible), r.tier).toBe(true);
        expect(Number.isInteger(r.evaluated), r.tier).toBe(true);
      }
      // Eligibility is the indicators module's statistic, as GET /tiers/stats gives it.
      const stats = (
        await as(t, session, { method: 'GET', url: `/api/v1/tiers/stats?year=${year}` })
      ).json() as {
        cities: {
          regionCode: string;
          evaluated: number;
          tiers: { tier: string; eligible: number }[];
        }[];
      };
      const ours = stats.cities.find((c) => c.regionCode === CITY)!;
      expect(row(v, 'highTech').evaluated).toBe(ours.evaluated);
      for (const tier of ['techSme', 'highTech', 'gazelle'])
        expect(row(v, tier).eligible, tier).toBe(ours.tiers.find((x) => x.tier === tier)!.eligible);
      expect(row(v, 'specialisedSme').certified).toBe(await holders('specialisedSme'));
    }
  });
});
