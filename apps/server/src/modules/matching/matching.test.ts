import { type Me, mayReadFeedback, ROLES, type Role } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
  uniqueNumber,
} from '../../../test/helpers';
import { publishAchievement, publishDemand } from '../../../test/market-flow';

let t: TestApp;
let owner: Session;
let buyer: Session;
let outsider: Session;
let wuhanAdmin: Session;
let ezhouAdmin: Session;
let broker: Session;
let talent: Session;
let uniId: number;
let entId: number;

beforeAll(async () => {
  t = await createTestApp();
  const uni = await makeOrg(t, { regionCode: '420100', type: 'university' });
  const ent = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
  const other = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  owner = await makeUser(t, ['university'], { regionCode: '420100', orgId: uni.id });
  buyer = await makeUser(t, ['enterprise'], { regionCode: '420700', orgId: ent.id });
  outsider = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: other.id });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  ezhouAdmin = await makeUser(t, ['city_admin'], { regionCode: '420700' });
  uniId = uni.id;
  entId = ent.id;
  broker = await makeUser(t, ['broker'], { regionCode: '420700' });
  talent = await makeUser(t, ['talent']);
});
afterAll(() => t.close());

/** A term no other test's record holds, so the match under test is found and ranked first. */
const marker = () => `mx${uniqueNumber()}q`;

const publishedAchievement = (title: string, overrides = {}) =>
  publishAchievement(t, owner, wuhanAdmin, { title, ...overrides });

// A description of its own: the default one is shared by records of other test files.
const publishedDemand = (title: string) =>
  publishDemand(t, buyer, {
    title,
    budgetWan: 150,
    description: `${title}：现有尾渣堆存占地大，需要成套装备回收其中的铁、钒、钛，要求技术成熟度不低于6级。`,
  });

const matchIds = async (s: Session, url: string) => {
  const res = await as(t, s, { method: 'GET', url: `/api/v1/matching/${url}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: number; org: { id: number }; reasons: { code: string }[] }[];
};

describe('matches', () => {
  it('ranks the clearly matching achievement first for a demand, with its reasons', async () => {
    const m = marker();
    // Words no other test file uses: the PostgreSQL database is shared by all test files.
    const good = await publishedAchievement(`${m} 钒钛磁铁矿尾渣综合利用装备`);
    const weak = await publishedAchievement(`${m} 钒钛磁铁矿选矿激光器芯片`, {
      abstract: '面向光通信应用的高功率半导体激光器芯片外延生长工艺与封装技术。',
      keywords: ['激光器'],
      field: 'electronicInformation',
      trl: 3,
      priceWan: null,
    });
    const demand = await publishedDemand(`${m} 钒钛磁铁矿尾渣综合利用技术需求`);
    const res = await as(t, broker, {
      method: 'GET',
      url: `/api/v1/matching/demands/${demand}/achievements`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: number; score: number; reasons: { code: string }[] }[];
    const ids = items.map((i) => i.id);
    // Alone in its database (SQLite, one file per test file) the good match ranks first and the
    // weak one is listed below it. On the shared PostgreSQL database other files' records built
    // from the same default texts saturate the term score and may outrank both, so there only
    // the good match's presence, reasons and lead over the weak one are checked.
    const best = items.find((i) => i.id === good)!;
    expect(best).toBeDefined();
    if (t.deps.dialect.name === 'sqlite') expect(ids[0]).toBe(good);
    const weakItem = items.find((i) => i.id === weak);
    if (t.deps.dialect.name === 'sqlite') expect(weakItem).toBeDefined();
    if (weakItem) expect(best.score).toBeGreaterThan(weakItem.score);
    expect(best.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining([
        'shared_terms',
        'same_field',
        'trl_fit',
        'price_within_budget',
        'cross_city',
      ]),
    );

    const back = await as(t, owner, {
      method: 'GET',
      url: `/api/v1/matching/achievements/${good}/demands`,
    });
    const backItems = back.json().items as { id: number; score: number; field: string }[];
    const mine = backItems.find((i) => i.id === demand);
    expect(mine).toMatchObject({ id: demand, field: 'advancedManufacturing' });
    if (t.deps.dialect.name === 'sqlite') expect(backItems[0]!.id).toBe(demand);
    const ent = await as(t, wuhanAdmin, {
      method: 'GET',
      url: `/api/v1/matching/achievements/${good}/enterprises`,
    });
    expect(ent.json().items).toContainEqual(
      expect.objectContaining({ demandId: demand, regionCode: '420700' }),
    );
  });

  it('talents may not ask for matches; unknown records are 404', async () => {
    const r = await as(t, talent, {
      method: 'GET',
      url: '/api/v1/matching/demands/1/achievements',
    });
    expect(r.statusCode).toBe(403);
    const n = await as(t, broker, {
      method: 'GET',
      url: '/api/v1/matching/demands/2147483647/achievements',
    });
    expect(n.statusCode).toBe(404);
  });

  it('never matches an organisation with itself, either way', async () => {
    const m = marker();
    // The demanding enterprise also lists an achievement with the very words of its demand.
    const own = await publishAchievement(t, buyer, ezhouAdmin, {
      title: `${m} 钒钛磁铁矿尾渣综合利用装备`,
    });
    const other = await publishedAchievement(`${m} 钒钛磁铁矿尾渣综合利用装备`);
    const demand = await publishedDemand(`${m} 钒钛磁铁矿尾渣综合利用技术需求`);

    const forDemand = (await matchIds(broker, `demands/${demand}/achievements`)).map((i) => i.id);
    expect(forDemand).toContain(other);
    expect(forDemand).not.toContain(own);
    // The other way: the same text finds the demand for the other organisation's achievement,
    // never for the demanding organisation's own.
    expect((await matchIds(owner, `achievements/${other}/demands`)).map((i) => i.id)).toContain(
      demand,
    );
    const ownDemands = await matchIds(buyer, `achievements/${own}/demands`);
    expect(ownDemands.map((i) => i.id)).not.toContain(demand);
    expect(ownDemands.filter((i) => i.org.id === entId)).toEqual([]);
    const ents = await as(t, broker, {
      method: 'GET',
      url: `/api/v1/matching/achievements/${own}/enterprises`,
    });
    expect(ents.statusCode, ents.body).toBe(200);
    expect(ents.json().items.map((e: { org: { id: number } }) => e.org.id)).not.toContain(entId);
    // Nor can a broker introduce an organisation to itself.
    const intro = await as(t, broker, {
      method: 'POST',
      url: '/api/v1/matching/introductions',
      payload: { achievementId: own, demandId: demand, note: '同一单位的成果与需求，不应引荐' },
    });
    expect([intro.statusCode, intro.json().code]).toEqual([409, 'matching.same_org']);
  });

  it('a pair sharing no informative term is not listed, whatever its TRL, price and field', async () => {
    const m = marker();
    // 激光器 is indexed with the word inside it (激光), so the demand's probe 激光 finds this
    // achievement; but the two share no term: 激光 ≠ 激光器, and 低于/成本/严重 are not terms.
    const unrelated = await publishedAchievement('高功率半导体激光器芯片', {
      abstract:
        '面向光通信应用的高功率半导体激光器芯片外延生长与封装，成本低于进口，解决散热严重问题。',
      keywords: ['激光器'],
      trl: 8,
      priceWan: 50,
    });
    const demand = await publishDemand(t, buyer, {
      title: `${m} 激光光源技术需求`,
      budgetWan: 150,
      description: '需要一种激光光源，用于薄板切割，成本低于现有方案，热变形严重的问题亟待解决。',
    });
    // It is a candidate: a search for 激光 lists it among the first (as the probe reads them).
    const search = await as(t, broker, {
      method: 'GET',
      url: `/api/v1/market/achievements/search?q=${encodeURIComponent('激光')}&org=${uniId}`,
    });
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().items.map((i: { id: number }) => i.id)).toContain(unrelated);

    const items = await matchIds(broker, `demands/${demand}/achievements`);
    expect(items.map((i) => i.id)).not.toContain(unrelated);
    // Whatever is listed shares a term.
    for (const i of items) expect(i.reasons.map((r) => r.code)).toContain('shared_terms');
    const back = await matchIds(owner, `achievements/${unrelated}/demands`);
    expect(back.map((i) => i.id)).not.toContain(demand);
  });
});

describe('who may ask for matches (what the web app decides from the same abilities)', () => {
  it('every role: the route answers 403 exactly when its abilities lack matching.read', async () => {
    const m = marker();
    const a = await publishedAchievement(`${m} 钒钛磁铁矿尾渣综合利用装备`);
    const d = await publishedDemand(`${m} 钒钛磁铁矿尾渣综合利用技术需求`);
    const orgOf: Partial<Record<Role, 'enterprise' | 'university' | 'financial_institution'>> = {
      enterprise: 'enterprise',
      university: 'university',
      investor: 'financial_institution',
    };
    const seen: Record<string, boolean> = {};
    for (const role of ROLES) {
      const type = orgOf[role];
      const orgId = type ? (await makeOrg(t, { type, regionCode: '420100' })).id : null;
      const s = await makeUser(t, [role], { orgId });
      const me = (await as(t, s, { method: 'GET', url: '/api/v1/auth/me' })).json() as Me;
      const may = me.abilities.includes('matching.read');
      seen[role] = may;
      for (const url of [
        `demands/${d}/achievements`,
        `achievements/${a}/demands`,
        `achievements/${a}/enterprises`,
      ]) {
        const res = await as(t, s, { method: 'GET', url: `/api/v1/matching/${url}` });
        expect(res.statusCode === 403, `${role} ${url}`).toBe(!may);
      }
    }
    // The roles of the issue: talents and ranking publishers may not, and so never ask.
    expect(seen.talent).toBe(false);
    expect(seen.ranking_publisher).toBe(false);
    expect(seen.broker && seen.enterprise && seen.city_admin).toBe(true);
  });

  it('feedback counts: the server refuses exactly those the shared rule leaves out', async () => {
    const a = await publishedAchievement(`${marker()} 极片检测`);
    const record = { org: { id: uniId }, regionCode: '420100' };
    const ezhouEnt = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
    const viewers = [
      owner,
      outsider,
      wuhanAdmin,
      ezhouAdmin,
      await makeUser(t, ['province_admin'], { regionCode: '420000' }),
      await makeUser(t, ['enterprise'], { regionCode: '420700', orgId: ezhouEnt.id }),
    ];
    for (const s of viewers) {
      const res = await as(t, s, {
        method: 'GET',
        url: `/api/v1/matching/achievements/${a}/feedback`,
      });
      expect(res.statusCode, s.username).toBe(mayReadFeedback(s.me, record) ? 200 : 403);
    }
    expect(mayReadFeedback(owner.me, record)).toBe(true);
    expect(mayReadFeedback(outsider.me, record)).toBe(false);
  });
});
