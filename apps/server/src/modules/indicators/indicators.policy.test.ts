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

/** The denials of indicators.policy.ts, through the API. */
let t: TestApp;
let province: Session;
let xianningAdmin: Session;
let publisher: Session;
let talent: Session;

const YEAR = 2024;
const base = { revenue: 3000, rdSpend: 200, totalAssets: 5000, staff: 100, scienceStaff: 35 };

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  xianningAdmin = await makeUser(t, ['city_admin'], { regionCode: '421200' });
  publisher = await makeUser(t, ['ranking_publisher'], { regionCode: '420000' });
  talent = await makeUser(t, ['talent']);
});
afterAll(() => t.close());

async function enterprise() {
  const org = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  const user = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: org.id });
  return { org, user };
}

const url = (orgId: number, year = YEAR) => `/api/v1/orgs/${orgId}/indicators/${year}`;
const put = (s: Session, orgId: number, payload: object, year = YEAR) =>
  putIndicators(t, s, orgId, year, payload);

async function deniedCount(s: Session) {
  const row = await t.deps.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actorId', '=', s.me.id)
    .where('action', '=', 'permission.denied')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('who may see and change indicators', () => {
  it("another city's admin and another enterprise are refused (403, audited)", async () => {
    const { org, user } = await enterprise();
    await put(user, org.id, base);
    const other = await enterprise();
    for (const s of [xianningAdmin, other.user]) {
      const before = await deniedCount(s);
      const read = await as(t, s, { method: 'GET', url: `/api/v1/orgs/${org.id}/indicators` });
      expect(read.statusCode).toBe(403);
      const write = await put(s, org.id, { ...base, revenue: 1 });
      expect(write.statusCode).toBe(403);
      const tiers = await as(t, s, { method: 'GET', url: `/api/v1/orgs/${org.id}/tiers` });
      expect(tiers.statusCode).toBe(403);
      expect(await deniedCount(s)).toBe(before + 3);
    }
    const talentRead = await as(t, talent, { method: 'GET', url: url(org.id) });
    expect(talentRead.statusCode).toBe(403);
    const stored = await as(t, user, { method: 'GET', url: url(org.id) });
    expect(stored.json().values.revenue).toBe(3000);
  });

  it('the ranking publisher reads, without names, and cannot write or see the history', async () => {
    const { org, user } = await enterprise();
    await put(user, org.id, base);
    const read = await as(t, publisher, { method: 'GET', url: url(org.id) });
    expect(read.statusCode).toBe(200);
    expect(read.json().provenance.revenue).toMatchObject({ source: 'form', changedBy: null });
    expect((await put(publisher, org.id, base)).statusCode).toBe(403);
    const history = await as(t, publisher, { method: 'GET', url: `${url(org.id)}/history` });
    expect(history.statusCode).toBe(403);
  });

  it('only enterprises have indicators; an unknown org is 404', async () => {
    const uni = await makeOrg(t, { regionCode: '420100', type: 'university' });
    const res = await put(province, uni.id, base);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('indicator.not_enterprise');
    expect((await put(province, 2 ** 31 - 2, base)).statusCode).toBe(404);
  });
});
