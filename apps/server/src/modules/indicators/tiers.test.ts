import {
  type CityCode,
  TIER_IDS,
  type TierGap,
  tierBandText,
  tierGapText,
} from '@corridor/contracts';
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
import { recomputeAllTierResults } from './indicators.recompute';

let t: TestApp;
let province: Session;
let wuhanAdmin: Session;
let huanggangAdmin: Session;
let publisher: Session;

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  huanggangAdmin = await makeUser(t, ['city_admin'], { regionCode: '421100' });
  publisher = await makeUser(t, ['ranking_publisher'], { regionCode: '420000' });
});
afterAll(() => t.close());

/** Scores 100 on the 科技型中小企业 table: eligible. */
const strong = {
  revenue: 3000,
  rdSpend: 200,
  staff: 100,
  scienceStaff: 35,
  totalAssets: 5000,
  ip: { inventionPatent: 1 },
};
/** 科技人员 20 % → 12, R&D 4.5 % → 30, 2 Class-II items → 12: 54 points, 6 short of 60. */
const close = {
  revenue: 3000,
  rdSpend: 135,
  staff: 100,
  scienceStaff: 20,
  totalAssets: 5000,
  ip: { utilityModel: 2 },
};
/** Too big for a 科技型中小企业 (sales and assets over 2亿), by far. */
const big = { ...strong, revenue: 60000, totalAssets: 80000, rdSpend: 4000, staff: 400 };

async function firm(regionCode: CityCode, years: Record<number, object>, foundedOn = '2018-05-20') {
  const org = await makeOrg(t, { regionCode, type: 'enterprise', foundedOn });
  for (const [year, values] of Object.entries(years)) {
    const res = await putIndicators(t, province, org.id, Number(year), values);
    expect(res.statusCode).toBe(200);
  }
  return org;
}

const tiersOf = (s: Session, orgId: number, query = '') =>
  as(t, s, { method: 'GET', url: `/api/v1/orgs/${orgId}/tiers${query}` });

describe('tier evaluation of one enterprise', () => {
  it('answers every tier: eligibility, indicator values, points, bands, rules and gaps', async () => {
    const org = await firm('420100', { 2023: strong, 2024: close });
    const res = await tiersOf(wuhanAdmin, org.id, '?year=2024');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ orgId: org.id, year: 2024, availableYears: [2024, 2023] });
    expect(body.tiers.map((x: { tier: string }) => x.tier)).toEqual([...TIER_IDS]);
    const techSme = body.tiers.find((x: { tier: string }) => x.tier === 'techSme');
    expect(techSme).toMatchObject({ eligible: false, total: 54, withinReach: true });
    const science = techSme.indicators.find((i: { id: string }) => i.id === 'scienceStaff');
    expect(science).toMatchObject({ value: 0.2, points: 12, band: { min: 0.2, unit: 'ratio' } });
    expect(tierBandText(science.band, 'zh-CN')).toBe('≥ 20.0%');
    expect(techSme.failedRules.map((r: { id: string }) => r.id)).toEqual(['score']);
    // the gap is a code and values, never words: the page renders it in the reader's language
    expect(techSme.gaps).toEqual([
      {
        ruleId: 'score',
        indicator: 'score.total',
        current: 54,
        required: 60,
        op: '>=',
        shortfall: 6,
        unit: '分',
        code: 'more',
        values: { subject: { kind: 'total' }, valueUnit: '分' },
      },
    ]);
    expect(tierGapText(techSme.gaps[0], 'zh-CN')).toBe('总分 54 分 → 需 60 分：还差 6 分');
    expect(tierGapText(techSme.gaps[0], 'en')).toBe(
      'Total score 54 points → needs 60 points: 6 points short',
    );
    expect(techSme.directRoutes.map((r: { id: string }) => r.id)).toContain('highTechCert');
    // the default year is the latest; the earlier year scores 100
    expect((await tiersOf(wuhanAdmin, org.id)).json().year).toBe(2024);
    const earlier = (await tiersOf(wuhanAdmin, org.id, '?year=2023')).json();
    expect(earlier.tiers[0]).toMatchObject({ tier: 'techSme', eligible: true, via: 'rules' });
    expect((await tiersOf(wuhanAdmin, org.id, '?year=2020')).statusCode).toBe(404);
  });

  it('gaps say what is missing as codes and values, and far-off tiers are not within reach', async () => {
    const org = await firm('420100', { 2024: big });
    const body = (await tiersOf(province, org.id)).json();
    const techSme = body.tiers.find((x: { tier: string }) => x.tier === 'techSme');
    expect(techSme.eligible).toBe(false);
    expect(techSme.withinReach).toBe(false);
    const gaps: TierGap[] = techSme.gaps;
    expect(
      gaps.map(({ code, indicator, shortfall, unit }) => ({ code, indicator, shortfall, unit })),
    ).toEqual([
      { code: 'less', indicator: 'revenue', shortfall: 40000, unit: '万元' },
      { code: 'less', indicator: 'totalAssets', shortfall: 60000, unit: '万元' },
      { code: 'more', indicator: 'scienceStaffShare', shortfall: 6, unit: '人' },
    ]);
    expect(gaps.map((g) => tierGapText(g, 'zh-CN'))).toEqual([
      '营业收入 60000 万元 → 需 ≤ 20000 万元：需减少 40000 万元',
      '资产总额 80000 万元 → 需 ≤ 20000 万元：需减少 60000 万元',
      // hiring also grows the total, so 35/400 needs 6 more, not 5
      '科技人员占职工总数比例 8.8% → 需 10.0%：还差 6 人',
    ]);
    expect(tierGapText(gaps[2]!, 'en')).toBe(
      'S&T staff share of staff 8.8% → needs 10.0%: 6 people short',
    );
    const publisherView = await tiersOf(publisher, org.id);
    expect(publisherView.statusCode).toBe(200);
  });
});

describe('certificates actually held', () => {
  it('officials of the city record a 高企 certificate; it is a direct route and is stored', async () => {
    const org = await firm('420100', { 2024: close });
    const user = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: org.id });
    const cert = {
      kind: 'highTech',
      number: `GR2023420${org.id}`,
      issuedOn: '2023-10-16',
      expiresOn: '2026-10-15',
      issuer: '湖北省科学技术厅',
    };
    const stored = () =>
      t.deps.db
        .selectFrom('tierResults')
        .select(['eligible', 'via'])
        .where('orgId', '=', org.id)
        .where('tier', '=', 'techSme')
        .executeTakeFirstOrThrow();
    expect(await stored()).toEqual({ eligible: 0, via: null });

    const added = await as(t, wuhanAdmin, {
      method: 'POST',
      url: `/api/v1/orgs/${org.id}/certificates`,
      payload: cert,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ ...cert, orgId: org.id });
    const audited = { action: 'certificate.add', objectId: String(added.json().id) };
    expect(await countAudit(t, audited)).toBe(1);
    expect(await stored()).toEqual({ eligible: 1, via: 'direct' });

    const view = (await tiersOf(user, org.id)).json();
    expect(view.tiers.find((x: { tier: string }) => x.tier === 'highTech').certified).toBe(true);
    expect(view.tiers.find((x: { tier: string }) => x.tier === 'techSme')).toMatchObject({
      eligible: true,
      via: 'direct',
    });

    const list = await as(t, user, { method: 'GET', url: `/api/v1/orgs/${org.id}/certificates` });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ items: [cert], abilities: { manage: false } });

    const duplicate = await as(t, province, {
      method: 'POST',
      url: `/api/v1/orgs/${org.id}/certificates`,
      payload: cert,
    });
    expect(duplicate.statusCode).toBe(409);

    // the enterprise itself, and another city's admin, may not record or remove certificates
    const selfIssued = await as(t, user, {
      method: 'POST',
      url: `/api/v1/orgs/${org.id}/certificates`,
      payload: { ...cert, number: 'X1' },
    });
    expect(selfIssued.statusCode).toBe(403);
    const id = added.json().id;
    const foreign = await as(t, huanggangAdmin, {
      method: 'DELETE',
      url: `/api/v1/orgs/${org.id}/certificates/${id}`,
    });
    expect(foreign.statusCode).toBe(403);

    const removed = await as(t, province, {
      method: 'DELETE',
      url: `/api/v1/orgs/${org.id}/certificates/${id}`,
    });
    expect(removed.statusCode).toBe(200);
    expect(await stored()).toEqual({ eligible: 0, via: null });
    const again = await as(t, province, {
      method: 'DELETE',
      url: `/api/v1/orgs/${org.id}/certificates/${id}`,
    });
    expect(again.statusCode).toBe(404);
  });

  it('refuses impossible dates', async () => {
    const org = await firm('420100', { 2024: strong });
    const post = (payload: object) =>
      as(t, province, { method: 'POST', url: `/api/v1/orgs/${org.id}/certificates`, payload });
    const backwards = await post({
      kind: 'littleGiant',
      number: 'A1',
      issuedOn: '2024-05-01',
      expiresOn: '2023-05-01',
    });
    expect(backwards.json().details).toContainEqual(
      expect.objectContaining({ field: 'expiresOn', code: 'certificate.expires_before_issued' }),
    );
    const future = await post({ kind: 'littleGiant', number: 'A2', issuedOn: '2999-01-01' });
    expect(future.json().details).toContainEqual(
      expect.objectContaining({ field: 'issuedOn', code: 'certificate.issued_in_future' }),
    );
  });
});

describe('tier statistics per city', () => {
  // 2003 and Huanggang: a year no other test writes, so the deltas are this test's own rows
  const YEAR = 2003;
  const stats = async (s: Session) => {
    const res = await as(t, s, { method: 'GET', url: `/api/v1/tiers/stats?year=${YEAR}` });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const cell = (body: { cities: { regionCode: string; evaluated: number; tiers: object[] }[] }) => {
    const city = body.cities.find((c) => c.regionCode === '421100')!;
    const techSme = city.tiers.find((x) => (x as { tier: string }).tier === 'techSme') as {
      eligible: number;
      withinReach: number;
      certified: number;
    };
    return { evaluated: city.evaluated, ...techSme };
  };

  it('counts eligible, within-reach and certified enterprises from the stored results', async () => {
    const before = cell(await stats(huanggangAdmin));
    const a = await firm('421100', { [YEAR]: strong }, '2000-01-01');
    const b = await firm('421100', { [YEAR]: close }, '2000-01-01');
    const c = await firm('421100', { [YEAR]: big }, '2000-01-01');
    const added = await as(t, huanggangAdmin, {
      method: 'POST',
      url: `/api/v1/orgs/${c.id}/certificates`,
      payload: {
        kind: 'techSme',
        number: `T${c.id}`,
        issuedOn: '2003-03-01',
        expiresOn: '2003-12-31',
      },
    });
    expect(added.statusCode).toBe(201);
    const body = await stats(wuhanAdmin); // a city admin sees all five cities
    expect(body.cities).toHaveLength(5);
    const after = cell(body);
    expect(after).toEqual({
      tier: 'techSme',
      evaluated: before.evaluated + 3,
      eligible: before.eligible + 1,
      withinReach: before.withinReach + 1,
      certified: before.certified + 1,
    });
    // and that is exactly what the stored rows of these three say
    const rows = await t.deps.db
      .selectFrom('tierResults')
      .select(['orgId', 'eligible', 'withinReach'])
      .where('orgId', 'in', [a.id, b.id, c.id])
      .where('tier', '=', 'techSme')
      .orderBy('orgId')
      .execute();
    expect(rows).toEqual([
      { orgId: a.id, eligible: 1, withinReach: 0 },
      { orgId: b.id, eligible: 0, withinReach: 1 },
      { orgId: c.id, eligible: 0, withinReach: 0 },
    ]);
  });

  it('is for officials only; the year is required', async () => {
    const org = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    const user = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: org.id });
    for (const s of [user, publisher]) {
      const res = await as(t, s, { method: 'GET', url: `/api/v1/tiers/stats?year=${YEAR}` });
      expect(res.statusCode).toBe(403);
    }
    expect((await as(t, province, { method: 'GET', url: '/api/v1/tiers/stats' })).statusCode).toBe(
      400,
    );
  });
});

describe('recomputing stored results (tiers recompute)', () => {
  it('rewrites stale stored results from the rule-sets in force and reports the change', async () => {
    const org = await firm('420100', { 2025: strong });
    const stored = () =>
      t.deps.db
        .selectFrom('tierResults')
        .selectAll()
        .where('orgId', '=', org.id)
        .where('tier', '=', 'techSme')
        .executeTakeFirstOrThrow();
    const fresh = await stored();
    expect(fresh.eligible).toBe(1);
    // As if an older rule-set version had judged it: another rule-set, not eligible.
    await t.deps.db
      .updateTable('tierResults')
      .set({ eligible: 0, ruleSetId: 'techSme-2000' })
      .where('orgId', '=', org.id)
      .where('tier', '=', 'techSme')
      .execute();
    const report = await recomputeAllTierResults(t.deps, [org.id]);
    expect(report).toMatchObject({ orgs: 1, changed: 1 });
    expect(report.rows).toBeGreaterThan(0);
    expect(await stored()).toMatchObject({ eligible: 1, ruleSetId: fresh.ruleSetId });
    expect(await countAudit(t, { action: 'tiers.recompute' })).toBeGreaterThanOrEqual(1);
    // Run again: nothing left to change.
    expect((await recomputeAllTierResults(t.deps, [org.id])).changed).toBe(0);
  });
});
