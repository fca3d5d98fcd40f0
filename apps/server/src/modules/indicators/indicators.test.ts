import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  putIndicators,
  type Session,
  type TestApp,
} from '../../../test/helpers';

let t: TestApp;
let province: Session;
let wuhanAdmin: Session;
let _xianningAdmin: Session;
let _publisher: Session;
let _talent: Session;

const YEAR = 2024;
const base = {
  revenue: 3000,
  mainRevenue: 2800,
  highTechIncome: 2000,
  rdSpend: 200,
  rdSpendDomestic: 190,
  totalCosts: 2600,
  totalAssets: 5000,
  liabilities: 2000,
  staff: 100,
  scienceStaff: 35,
  ip: { inventionPatent: 1, utilityModel: 3 },
  awards: [{ kind: 'stAward', level: 'provincial', year: 2023, rank: 2 }],
  rdInstitutions: [{ level: 'provincial', name: '湖北省光电材料工程技术研究中心' }],
};

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  _xianningAdmin = await makeUser(t, ['city_admin'], { regionCode: '421200' });
  _publisher = await makeUser(t, ['ranking_publisher'], { regionCode: '420000' });
  _talent = await makeUser(t, ['talent']);
});
afterAll(() => t.close());

/** A Wuhan enterprise with its own enterprise user. */
async function enterprise() {
  const org = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  const user = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: org.id });
  return { org, user };
}

const url = (orgId: number, year = YEAR) => `/api/v1/orgs/${orgId}/indicators/${year}`;
const put = (s: Session, orgId: number, payload: object, year = YEAR) =>
  putIndicators(t, s, orgId, year, payload);

async function _deniedCount(s: Session) {
  const row = await t.deps.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actorId', '=', s.me.id)
    .where('action', '=', 'permission.denied')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function changes(orgId: number) {
  return t.deps.db
    .selectFrom('indicatorChanges')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('id')
    .execute();
}

describe('yearly indicators: entry, correction and provenance', () => {
  it('the enterprise enters its own year; every value records its source, who and when', async () => {
    const { org, user } = await enterprise();
    const audited = { action: 'indicator.save', objectId: `${org.id}:${YEAR}` };
    const before = await countAudit(t, audited);
    const res = await put(user, org.id, base);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ orgId: org.id, year: YEAR, version: 1 });
    expect(body.values).toMatchObject({ revenue: 3000, staff: 100, ip: base.ip, netAssets: null });
    expect(body.provenance.revenue).toMatchObject({ source: 'form', changedBy: '测试用户' });
    expect(body.provenance.netAssets).toBeUndefined(); // nothing entered, no provenance
    expect(await countAudit(t, audited)).toBe(before + 1);
    // the tier results are stored in the same transaction
    const tiers = await t.deps.db
      .selectFrom('tierResults')
      .selectAll()
      .where('orgId', '=', org.id)
      .execute();
    expect(tiers).toHaveLength(9);
    expect(tiers.find((r) => r.tier === 'techSme')).toMatchObject({ year: YEAR, eligible: 1 });
    const rows = await changes(org.id);
    expect(rows.map((c) => c.field).sort()).toEqual(
      Object.keys(base)
        .filter((k) => k !== 'version')
        .sort(),
    );
    expect(rows.every((c) => c.oldValue === null && c.changedBy === user.me.id)).toBe(true);
  });

  it('a city admin replaces the year; the history keeps old and new values', async () => {
    const { org, user } = await enterprise();
    await put(user, org.id, base);
    const res = await put(wuhanAdmin, org.id, { ...base, revenue: 3300, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, values: { revenue: 3300 } });
    const history = await as(t, user, { method: 'GET', url: `${url(org.id)}/history` });
    expect(history.statusCode).toBe(200);
    const latest = history.json().items[0];
    expect(latest).toMatchObject({
      field: 'revenue',
      oldValue: 3000,
      newValue: 3300,
      source: 'form',
    });
    // same values again: nothing written, version unchanged
    const again = await put(wuhanAdmin, org.id, { ...base, revenue: 3300 });
    expect(again.json().version).toBe(2);
    expect((await changes(org.id)).filter((c) => c.field === 'revenue')).toHaveLength(2);
    // a stale version is refused
    const stale = await put(wuhanAdmin, org.id, { ...base, revenue: 3100, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('indicator.version_conflict');
  });

  it('the enterprise corrects one value with a reason; the correction is its own source', async () => {
    const { org, user } = await enterprise();
    await put(province, org.id, base);
    const res = await as(t, user, {
      method: 'PATCH',
      url: url(org.id),
      payload: { values: { scienceStaff: 40 }, note: '补充兼职满半年人员', version: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, values: { scienceStaff: 40, revenue: 3000 } });
    expect(res.json().provenance.scienceStaff).toMatchObject({ source: 'correction' });
    expect(res.json().provenance.revenue).toMatchObject({ source: 'form' });
    const last = (await changes(org.id)).at(-1)!;
    expect(last).toMatchObject({
      field: 'scienceStaff',
      oldValue: '35',
      newValue: '40',
      note: '补充兼职满半年人员',
    });
    const noReason = await as(t, user, {
      method: 'PATCH',
      url: url(org.id),
      payload: { values: { scienceStaff: 41 }, version: 2 },
    });
    expect(noReason.statusCode).toBe(400);
    const missingYear = await as(t, user, {
      method: 'PATCH',
      url: url(org.id, 2020),
      payload: { values: { scienceStaff: 41 }, note: '更正', version: 1 },
    });
    expect(missingYear.statusCode).toBe(404);
    expect(missingYear.json().code).toBe('indicator.not_found');
  });

  it('lists the years and reads one year; an absent year is 404', async () => {
    const { org, user } = await enterprise();
    await put(user, org.id, base, 2023);
    await put(user, org.id, { ...base, revenue: 3600 }, 2024);
    const list = await as(t, user, { method: 'GET', url: `/api/v1/orgs/${org.id}/indicators` });
    expect(list.statusCode).toBe(200);
    expect(list.json().years.map((y: { year: number }) => y.year)).toEqual([2024, 2023]);
    expect(list.json().abilities).toEqual({ edit: true, certificates: false, history: true });
    const one = await as(t, user, { method: 'GET', url: url(org.id, 2023) });
    expect(one.json().values.revenue).toBe(3000);
    const none = await as(t, user, { method: 'GET', url: url(org.id, 2019) });
    expect(none.statusCode).toBe(404);
  });
});

describe('bad input is a 400 naming the field and the reason', () => {
  const cases: [string, object, string, string, string][] = [
    ['negative revenue', { revenue: -1 }, 'revenue', 'indicator.negative', '不能为负数'],
    [
      'more science staff than staff',
      { scienceStaff: 120 },
      'scienceStaff',
      'indicator.science_staff_exceeds_staff',
      '科技人员数不能超过职工总数',
    ],
    [
      'main revenue over revenue (a share over 100 %)',
      { mainRevenue: 3500 },
      'mainRevenue',
      'indicator.percent_over_100',
      '占比超过 100%：部分不能大于总数',
    ],
    [
      'R&D in China over total R&D',
      { rdSpendDomestic: 250 },
      'rdSpendDomestic',
      'indicator.percent_over_100',
      '占比超过 100%：部分不能大于总数',
    ],
    [
      'an award in the future',
      { awards: [{ kind: 'stAward', level: 'national', year: 2999 }] },
      'awards.0.year',
      'indicator.year_in_future',
      '年份不能晚于当前年份',
    ],
    [
      'founded after the data year',
      { foundedOn: '2025-03-01' },
      'foundedOn',
      'indicator.founded_after_year',
      '成立日期晚于评价年度',
    ],
  ];
  for (const [name, patch, field, code, reason] of cases) {
    it(name, async () => {
      const { org, user } = await enterprise();
      const res = await put(user, org.id, { ...base, ...patch });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toContainEqual({ field, code, reason });
      const stored = await t.deps.db
        .selectFrom('indicatorYears')
        .select('id')
        .where('orgId', '=', org.id)
        .execute();
      expect(stored).toHaveLength(0);
    });
  }

  it('a year in the future, in English when asked', async () => {
    const { org, user } = await enterprise();
    const next = new Date().getUTCFullYear() + 1;
    const res = await putIndicators(t, user, org.id, next, base, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual({
      field: 'year',
      code: 'indicator.year_in_future',
      reason: 'the year is in the future',
    });
  });

  it('a correction that breaks a rule names the field under values', async () => {
    const { org, user } = await enterprise();
    await put(user, org.id, base);
    const res = await as(t, user, {
      method: 'PATCH',
      url: url(org.id),
      payload: { values: { staff: 10 }, note: '人数更正', version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual(
      expect.objectContaining({
        field: 'values.scienceStaff',
        code: 'indicator.science_staff_exceeds_staff',
      }),
    );
  });

  it('missing required figures, unknown fields and wrong types are refused', async () => {
    const { org, user } = await enterprise();
    const { revenue: _dropped, ...noRevenue } = base;
    expect((await put(user, org.id, noRevenue)).json().details).toContainEqual(
      expect.objectContaining({ field: 'revenue' }),
    );
    expect((await put(user, org.id, { ...base, profit: 1 })).statusCode).toBe(400);
    expect((await put(user, org.id, { ...base, staff: 10.5 })).statusCode).toBe(400);
    expect((await put(user, org.id, { ...base, ip: { trademarkX: 1 } })).statusCode).toBe(400);
  });
});
