import { type CityBroker, CityBrokerListSchema } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  rowVersion,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { publishAchievement, publishDemand } from '../../../test/market-flow';

// Huangshi: the other matching tests work in Wuhan and Ezhou.
const CITY = '420200';

let t: TestApp;
let owner: Session;
let buyer: Session;
let cityAdmin: Session;
let busy: Session;
let idle: Session;
let leaver: Session;
let elsewhere: Session;
let provincial: Session;

beforeAll(async () => {
  t = await createTestApp();
  const uni = await makeOrg(t, { regionCode: CITY, type: 'university' });
  const ent = await makeOrg(t, { regionCode: CITY, type: 'enterprise' });
  owner = await makeUser(t, ['university'], { regionCode: CITY, orgId: uni.id });
  buyer = await makeUser(t, ['enterprise'], { regionCode: CITY, orgId: ent.id });
  cityAdmin = await makeUser(t, ['city_admin'], { regionCode: CITY });
  busy = await makeUser(t, ['broker'], { regionCode: CITY });
  idle = await makeUser(t, ['broker'], { regionCode: CITY });
  leaver = await makeUser(t, ['broker'], { regionCode: CITY });
  elsewhere = await makeUser(t, ['broker'], { regionCode: '421200' });
  provincial = await makeUser(t, ['broker'], { regionCode: '420000' });
});
afterAll(() => t.close());

async function ok(res: { statusCode: number; body: string; json(): unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as { id: number };
}

const publishedAchievement = () => publishAchievement(t, owner, cityAdmin);
const publishedDemand = () => publishDemand(t, buyer);

const brokers = (s: Session, query: string) =>
  as(t, s, { method: 'GET', url: `/api/v1/matching/brokers?${query}` });

describe('a city sub-market’s brokers', () => {
  it('lists the city’s brokers with what came of their introductions', async () => {
    const achievementId = await publishedAchievement();
    const ids: number[] = [];
    // Four demands: one pair has one open introduction at a time.
    for (let i = 0; i < 4; i++) {
      const demandId = await publishedDemand();
      const intro = await as(t, busy, {
        method: 'POST',
        url: '/api/v1/matching/introductions',
        payload: { achievementId, demandId, note: '成果与需求的关键指标一致，建议面谈' },
      });
      ids.push((await ok(intro, 201)).id);
    }
    const answer = (id: number, payload: object) =>
      as(t, owner, {
        method: 'POST',
        url: `/api/v1/matching/introductions/${id}/answer`,
        payload: { ...payload, version: 1 },
      });
    await ok(await answer(ids[0]!, { decision: 'accept' }));
    await ok(await answer(ids[1]!, { decision: 'decline', reason: 'price' }));
    await ok(await answer(ids[2]!, { decision: 'decline', reason: 'too_early_stage' }));
    // The security admin disables one broker: a disabled account is no one's face.
    const security = await makeUser(t, ['security_admin'], { regionCode: '420000' });
    await ok(
      await as(t, security, {
        method: 'PATCH',
        url: `/api/v1/accounts/${leaver.me.id}`,
        payload: { disabled: true, version: await rowVersion(t, 'accounts', leaver.me.id) },
      }),
    );

    // Any market user may look: a talent here.
    const talent = await makeUser(t, ['talent']);
    const res = await brokers(talent, `city=${CITY}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = CityBrokerListSchema.parse(res.json());
    expect(body.city).toBe(CITY);
    const mine = body.items.find((b) => b.id === busy.me.id);
    expect(mine).toEqual<CityBroker>({
      id: busy.me.id,
      displayName: busy.me.displayName,
      introductions: { made: 4, accepted: 1, declined: 2, pending: 1 },
    });
    expect(body.items.find((b) => b.id === idle.me.id)?.introductions).toEqual({
      made: 0,
      accepted: 0,
      declined: 0,
      pending: 0,
    });
    // Aggregates only: no user name or contact data in any item.
    for (const item of res.json().items) {
      expect(Object.keys(item).sort()).toEqual(['displayName', 'id', 'introductions']);
    }
    const listed = body.items.map((b) => b.id);
    expect(listed.indexOf(busy.me.id)).toBeLessThan(listed.indexOf(idle.me.id));
    for (const absent of [leaver, elsewhere, provincial])
      expect(listed).not.toContain(absent.me.id);

    // The other city's list has its own broker, not this one.
    const other = (await brokers(cityAdmin, 'city=421200')).json() as { items: CityBroker[] };
    expect(other.items.map((b) => b.id)).toContain(elsewhere.me.id);
    expect(other.items.map((b) => b.id)).not.toContain(busy.me.id);
  });

  it('is refused to the roles outside the market (separation of duties)', async () => {
    for (const role of ['auditor', 'security_admin'] as const) {
      const s = await makeUser(t, [role], { regionCode: '420000' });
      const res = await brokers(s, `city=${CITY}`);
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('permission.denied');
    }
    const anonymous = await as(t, null, {
      method: 'GET',
      url: `/api/v1/matching/brokers?city=${CITY}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers 400 to a city that is not one of the five, or none', async () => {
    for (const query of ['city=420000', 'city=999999', 'city=wuhan', '', `city=${CITY}&x=1`]) {
      const res = await brokers(idle, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code, query).toBe('validation.failed');
    }
  });
});
