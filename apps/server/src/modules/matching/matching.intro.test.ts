import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  rowVersion,
  type Session,
  type TestApp,
  uniqueNumber,
} from '../../../test/helpers';
import { publishAchievement, publishDemand } from '../../../test/market-flow';

/** Brokers' introductions: a note that says why, one open per pair, the owner's answer. */
let t: TestApp;
let owner: Session;
let buyer: Session;
let outsider: Session;
let wuhanAdmin: Session;
let broker: Session;
let otherBroker: Session;
let talent: Session;

beforeAll(async () => {
  t = await createTestApp();
  const uni = await makeOrg(t, { regionCode: '420100', type: 'university' });
  const ent = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
  const other = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  owner = await makeUser(t, ['university'], { regionCode: '420100', orgId: uni.id });
  buyer = await makeUser(t, ['enterprise'], { regionCode: '420700', orgId: ent.id });
  outsider = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: other.id });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  broker = await makeUser(t, ['broker'], { regionCode: '420700' });
  otherBroker = await makeUser(t, ['broker'], { regionCode: '420100' });
  talent = await makeUser(t, ['talent']);
});
afterAll(() => t.close());

const marker = () => `mx${uniqueNumber()}q`;
const NOTE = '成果的在线检测精度满足需求指标，建议双方面谈';

const publishedAchievement = (title: string) => publishAchievement(t, owner, wuhanAdmin, { title });
const publishedDemand = (title: string) =>
  publishDemand(t, buyer, {
    title,
    description: `${title}：产线需要在线检测极片缺陷，要求技术成熟度不低于6级。`,
  });

function introduce(achievementId: number, demandId: number, s = broker, extra: object = {}) {
  return as(t, s, {
    method: 'POST',
    url: '/api/v1/matching/introductions',
    payload: { achievementId, demandId, note: NOTE, ...extra },
  });
}

/** The owner's answer, with the introduction's current version unless the payload names one. */
const answer = async (s: Session, id: number, payload: object) =>
  as(t, s, {
    method: 'POST',
    url: `/api/v1/matching/introductions/${id}/answer`,
    payload: { version: await rowVersion(t, 'matchingIntroductions', id), ...payload },
  });

/** The owner's introductions of one pair, as the owner's list shows them. */
async function ownersView(a: number, d: number) {
  const res = await as(t, owner, { method: 'GET', url: '/api/v1/matching/introductions' });
  return (res.json().items as { achievementId: number; demandId: number; status: string }[])
    .filter((i) => i.achievementId === a && i.demandId === d)
    .map((i) => i.status);
}

describe('a note that says why', () => {
  it('no note, or a short one, is a 400 naming the field; nothing is sent', async () => {
    const m = marker();
    const a = await publishedAchievement(`${m} 极片检测`);
    const d = await publishedDemand(`${m} 极片检测需求`);
    const payload = { achievementId: a, demandId: d };
    const missing = await as(t, broker, {
      method: 'POST',
      url: '/api/v1/matching/introductions',
      payload,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([expect.objectContaining({ field: 'note' })]);
    for (const note of ['', '   ', '请联系']) {
      const res = await introduce(a, d, broker, { note });
      expect(res.statusCode, note).toBe(400);
      expect(res.json().details).toEqual([
        expect.objectContaining({ field: 'note', code: 'matching.note_too_short' }),
      ]);
      expect(res.json().details[0].reason).toContain('10');
    }
    const en = await as(t, broker, {
      method: 'POST',
      url: '/api/v1/matching/introductions',
      payload: { ...payload, note: '请联系' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().details[0].reason).toMatch(/at least 10 characters/);
    expect(await ownersView(a, d)).toEqual([]);
    const made = await introduce(a, d);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().note).toBe(NOTE);
  });
});

describe('one open introduction per pair', () => {
  it('a repeat while one is open is 409 with its own code, from any broker, until it is answered', async () => {
    const m = marker();
    const a = await publishedAchievement(`${m} 极片检测`);
    const d = await publishedDemand(`${m} 极片检测需求`);
    const first = await introduce(a, d);
    expect(first.statusCode, first.body).toBe(201);
    const again = await introduce(a, d);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'matching.already_introduced',
      message: expect.stringContaining('不能重复引荐'),
    });
    const en = await as(t, otherBroker, {
      method: 'POST',
      url: '/api/v1/matching/introductions',
      payload: { achievementId: a, demandId: d, note: '另一位经纪人认为双方适合合作洽谈' },
      headers: { 'accept-language': 'en' },
    });
    expect([en.statusCode, en.json().code]).toEqual([409, 'matching.already_introduced']);
    expect(en.json().message).toMatch(/already been introduced/);
    expect(await ownersView(a, d)).toEqual(['pending']);
    expect(
      await countAudit(t, {
        action: 'matching.introduction.create',
        objectId: String(first.json().id),
      }),
    ).toBe(1);

    // Once answered the pair is closed, and a new introduction (a new reason) may follow.
    await answer(owner, first.json().id, { decision: 'decline', reason: 'price' });
    const later = await introduce(a, d, otherBroker);
    expect(later.statusCode, later.body).toBe(201);
    expect(await ownersView(a, d)).toEqual(['pending', 'declined']);
  });

  it('two at once: the database lets exactly one through', async () => {
    const m = marker();
    const a = await publishedAchievement(`${m} 极片检测`);
    const d = await publishedDemand(`${m} 极片检测需求`);
    // No check in code precedes the insert: the partial unique index alone decides.
    const results = await Promise.all([
      introduce(a, d),
      introduce(a, d, otherBroker),
      introduce(a, d),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().code).toBe('matching.already_introduced');
    expect(await ownersView(a, d)).toEqual(['pending']);
  });
});

describe('the owner’s answer', () => {
  it('decline with a reason is audited and counted for the owner', async () => {
    const m = marker();
    const a = await publishedAchievement(`${m} 极片检测`);
    const d = await publishedDemand(`${m} 极片检测需求`);
    const before = await countAudit(t, { action: 'matching.introduction.decline', actor: owner });
    const first = (await introduce(a, d)).json();
    expect(
      (await answer(owner, first.id, { decision: 'decline', reason: 'nope' })).statusCode,
    ).toBe(400);
    expect((await answer(owner, first.id, { decision: 'decline' })).statusCode).toBe(400);
    expect(
      (await answer(owner, first.id, { decision: 'decline', reason: 'other' })).statusCode,
    ).toBe(400);
    const declined = await answer(owner, first.id, { decision: 'decline', reason: 'price' });
    expect(declined.json()).toMatchObject({ status: 'declined', reason: 'price' });
    expect((await answer(owner, first.id, { decision: 'accept' })).statusCode).toBe(409);

    const second = (await introduce(a, d)).json();
    const other = await answer(owner, second.id, {
      decision: 'decline',
      reason: 'other',
      text: '需要先看样机',
    });
    expect(other.json()).toMatchObject({ reason: 'other', reasonText: '需要先看样机' });
    const third = (await introduce(a, d, otherBroker)).json();
    expect(await countAudit(t, { action: 'matching.introduction.decline', actor: owner })).toBe(
      before + 2,
    );

    const fb = await as(t, owner, {
      method: 'GET',
      url: `/api/v1/matching/achievements/${a}/feedback`,
    });
    expect(fb.statusCode, fb.body).toBe(200);
    expect(fb.json().pending).toBe(1);
    expect(fb.json().declined).toEqual(
      expect.arrayContaining([
        { reason: 'price', count: 1 },
        { reason: 'other', count: 1 },
        { reason: 'too_early_stage', count: 0 },
      ]),
    );
    const mine = (
      await as(t, broker, { method: 'GET', url: '/api/v1/matching/introductions' })
    ).json();
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual(
      expect.arrayContaining([first.id, second.id]),
    );
    const theirs = await as(t, owner, { method: 'GET', url: '/api/v1/matching/introductions' });
    expect(theirs.json().items.map((i: { id: number }) => i.id)).toContain(third.id);
  });

  it('accept moves the achievement to in_negotiation', async () => {
    const m = marker();
    const a = await publishedAchievement(`${m} 视觉检测`);
    const d = await publishedDemand(`${m} 视觉检测需求`);
    const intro = (await introduce(a, d)).json();
    const res = await answer(owner, intro.id, { decision: 'accept' });
    expect(res.json()).toMatchObject({ status: 'accepted', reason: null });
    const rec = await as(t, owner, { method: 'GET', url: `/api/v1/market/achievements/${a}` });
    expect(rec.json().status).toBe('in_negotiation');
    expect(
      await countAudit(t, { action: 'matching.introduction.accept', objectId: String(intro.id) }),
    ).toBe(1);
  });

  it('denials: non-brokers may not introduce; another organisation may not answer or read feedback', async () => {
    const m = marker();
    const a = await publishedAchievement(`${m} 缺陷检测`);
    const d = await publishedDemand(`${m} 缺陷检测需求`);
    expect((await introduce(a, d, buyer)).statusCode).toBe(403);
    expect((await introduce(a, d, talent)).statusCode).toBe(403);
    const intro = (await introduce(a, d)).json();
    expect((await answer(outsider, intro.id, { decision: 'accept' })).statusCode).toBe(404);
    expect((await answer(buyer, intro.id, { decision: 'accept' })).statusCode).toBe(404);
    expect((await answer(broker, intro.id, { decision: 'accept' })).statusCode).toBe(403);
    const fb = await as(t, outsider, {
      method: 'GET',
      url: `/api/v1/matching/achievements/${a}/feedback`,
    });
    expect(fb.statusCode).toBe(403);
    expect(await ownersView(a, d)).toEqual(['pending']);
  });
});
