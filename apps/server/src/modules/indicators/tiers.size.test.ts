/**
 * Issue 10 item 2: a large enterprise does not "qualify" as an SME. Through the real routes: the
 * SME tiers answer "not applicable (size)" with no gaps, 高企 is still evaluated, the ladder's
 * next target skips the outgrown rungs, and the stored results (the statistics) agree.
 */
import { OrgTiersSchema, tierSizeText } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
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

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
});
afterAll(() => t.close());

/** Like org 32 of the demo: a 生物医药 manufacturer with 1,419 staff and 135,302 万元 revenue. */
const LARGE = {
  revenue: 135302,
  mainRevenue: 128000,
  rdSpend: 8000,
  staff: 1419,
  scienceStaff: 400,
  totalAssets: 249838,
  liabilities: 90000,
  yearsInNiche: 8,
  ip: { inventionPatent: 12, utilityModel: 30 },
  assessments: { 'specialisedSme.evaluation': 80 },
};
const SME_TIERS = ['techSme', 'innovativeSme', 'specialisedSme', 'littleGiant'];
const YEAR = 2024;

async function firm(values: object, industry: 'biomedicine' | 'digital' = 'biomedicine') {
  const org = await makeOrg(t, { regionCode: '420100', type: 'enterprise', industry });
  expect((await putIndicators(t, province, org.id, YEAR, values)).statusCode).toBe(200);
  return org;
}

async function addHighTechCert(orgId: number) {
  const res = await as(t, wuhanAdmin, {
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/certificates`,
    payload: {
      kind: 'highTech',
      number: `GR2023420${orgId}`,
      issuedOn: '2023-10-16',
      expiresOn: '2026-10-15',
      issuer: '湖北省科学技术厅',
    },
  });
  expect(res.statusCode).toBe(201);
}

async function tiersOf(orgId: number) {
  const res = await as(t, wuhanAdmin, { method: 'GET', url: `/api/v1/orgs/${orgId}/tiers` });
  expect(res.statusCode).toBe(200);
  return OrgTiersSchema.parse(res.json());
}
const tier = (body: Awaited<ReturnType<typeof tiersOf>>, id: string) =>
  body.tiers.find((x) => x.tier === id)!;

async function stored(orgId: number) {
  const rows = await t.deps.db
    .selectFrom('tierResults')
    .select(['tier', 'eligible', 'withinReach', 'gapCount'])
    .where('orgId', '=', orgId)
    .where('year', '=', YEAR)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.tier, r]));
}

describe('a large enterprise and the tiers for 中小企业', () => {
  it('is not applicable (size) for 科小, 创新型, 专精特新 and 小巨人, while 高企 is evaluated', async () => {
    const org = await firm(LARGE);
    const body = await tiersOf(org.id);
    for (const id of SME_TIERS) {
      expect(tier(body, id), id).toMatchObject({
        notApplicable: 'size',
        eligible: false,
        withinReach: false,
        gaps: [],
        size: {
          standardId: 'smeSize@2011',
          sizeClass: 'industrial',
          size: 'large',
          sme: false,
          values: { staff: 1419, revenue: 135302 },
          largeFrom: { staff: 1000, revenue: 40000 },
        },
      });
    }
    // never "reduce staff by 919" to become a 科技型中小企业
    expect(tierSizeText(tier(body, 'techSme').size!, 'zh-CN')).toContain(
      '从业人员 1419 人 ≥ 1000 人 且 营业收入 135302 万元 ≥ 40000 万元，属大型企业',
    );
    const highTech = tier(body, 'highTech');
    expect(highTech).toMatchObject({ notApplicable: null, size: null, eligible: false });
    expect(highTech.gaps.length).toBeGreaterThan(0);
    expect(highTech.total).not.toBeNull();
    // the ladder: 科小 outgrown, 高企 the next target, the MIIT rungs outgrown
    expect(body.ladder.map((r) => `${r.tiers.join('+')}:${r.state}`)).toEqual([
      'techSme:outgrown',
      'highTech:next',
      'innovativeSme+specialisedSme:outgrown',
      'littleGiant:outgrown',
      'gazelle:later',
      'potentialUnicorn+unicorn:later',
    ]);
  });

  it('with a 高企 certificate the next target skips every outgrown rung; nothing counts as met', async () => {
    const org = await firm(LARGE);
    await addHighTechCert(org.id);
    const body = await tiersOf(org.id);
    // the 高企 direct route would make it 创新型中小企业, and its figures meet 专精特新: not for a large firm
    expect(tier(body, 'innovativeSme')).toMatchObject({ notApplicable: 'size', eligible: false });
    expect(tier(body, 'specialisedSme')).toMatchObject({ notApplicable: 'size', eligible: false });
    // (its 高企 status and size make it a 瞪羚 too: the next target is the unicorn rung)
    expect(body.ladder.map((r) => r.state)).toEqual([
      'outgrown',
      'reached',
      'outgrown',
      'outgrown',
      'reached',
      'next',
    ]);
    // the stored results behind the statistics agree: not met, not within reach, no gaps
    const rows = await stored(org.id);
    for (const id of SME_TIERS)
      expect(rows[id], id).toMatchObject({ eligible: 0, withinReach: 0, gapCount: 0 });
  });

  it('an SME with the same profile keeps its results: 创新型 and 专精特新 met, 科小 gaps shown', async () => {
    const org = await firm({ ...LARGE, staff: 999 });
    await addHighTechCert(org.id);
    const body = await tiersOf(org.id);
    for (const id of ['innovativeSme', 'specialisedSme']) {
      expect(tier(body, id), id).toMatchObject({
        notApplicable: null,
        eligible: true,
        size: { sizeClass: 'industrial', size: 'medium', sme: true },
      });
    }
    // an SME over the 科小 caps still sees what it would take, as before the size test
    const techSme = tier(body, 'techSme');
    expect(techSme.notApplicable).toBeNull();
    expect(techSme.gaps.map((g) => g.indicator)).toEqual(
      expect.arrayContaining(['staff', 'revenue', 'totalAssets']),
    );
    const rows = await stored(org.id);
    expect(rows.innovativeSme).toMatchObject({ eligible: 1 });
    expect(rows.specialisedSme).toMatchObject({ eligible: 1 });
  });

  it('the industry picks the class: 300 staff and 10000 万元 make a software firm large', async () => {
    const software = {
      ...LARGE,
      staff: 300,
      scienceStaff: 120,
      revenue: 10000,
      mainRevenue: 9500,
      rdSpend: 800,
      totalAssets: 15000,
      liabilities: 5000,
    };
    const body = await tiersOf((await firm(software, 'digital')).id);
    expect(tier(body, 'specialisedSme')).toMatchObject({
      notApplicable: 'size',
      size: { sizeClass: 'software', size: 'large' },
    });
    // within the 科小 caps (≤ 500 staff, ≤ 2亿) the 科技型中小企业 text still applies
    expect(tier(body, 'techSme').notApplicable).toBeNull();
    const manufacturer = await tiersOf((await firm(software)).id);
    expect(tier(manufacturer, 'specialisedSme')).toMatchObject({
      notApplicable: null,
      size: { sizeClass: 'industrial', size: 'medium' },
    });
  });

  it('changing the industry re-evaluates the stored results in the same change', async () => {
    const software = {
      ...LARGE,
      staff: 300,
      scienceStaff: 120,
      revenue: 10000,
      mainRevenue: 9500,
      rdSpend: 800,
      totalAssets: 15000,
      liabilities: 5000,
    };
    // A medium manufacturer that meets 专精特新 …
    const org = await firm(software);
    await addHighTechCert(org.id);
    expect((await stored(org.id)).specialisedSme).toMatchObject({ eligible: 1 });
    // … recorded as a software firm instead is large for its class: the statistics follow.
    const res = await as(t, wuhanAdmin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${org.id}`,
      payload: { industry: 'digital', version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await stored(org.id)).specialisedSme).toMatchObject({ eligible: 0, gapCount: 0 });
    expect(tier(await tiersOf(org.id), 'specialisedSme').notApplicable).toBe('size');
  });
});
