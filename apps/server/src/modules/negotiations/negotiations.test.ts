import { REGISTRATION_NO_PATTERN } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  dealStep,
  makeOrg,
  makeUser,
  rowVersion,
  type Session,
  signByBoth,
  type TestApp,
} from '../../../test/helpers';
import { publishAchievement, publishDemand } from '../../../test/market-flow';

let t: TestApp;
let owner: Session;
let buyer: Session;
let outsider: Session;
let wuhanAdmin: Session;
let broker: Session;
let buyerOrg: Awaited<ReturnType<typeof makeOrg>>;
let ownerOrg: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  t = await createTestApp();
  ownerOrg = await makeOrg(t, { regionCode: '420100', type: 'university' });
  buyerOrg = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
  const other = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  owner = await makeUser(t, ['university'], { regionCode: '420100', orgId: ownerOrg.id });
  buyer = await makeUser(t, ['enterprise'], { regionCode: '420700', orgId: buyerOrg.id });
  outsider = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: other.id });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  broker = await makeUser(t, ['broker'], { regionCode: '420700' });
});
afterAll(() => t.close());

// Texts of its own, so matching tests of other files sharing PostgreSQL are not crowded.
const publishedAchievement = () =>
  publishAchievement(t, owner, wuhanAdmin, {
    title: '高功率光纤激光器合束技术',
    abstract: '多路光纤激光经光谱合束输出万瓦级激光，用于厚板切割与焊接，已完成样机验证。',
    keywords: ['光纤激光器', '光谱合束'],
  });

const achievementStatus = async (id: number) =>
  (await as(t, owner, { method: 'GET', url: `/api/v1/market/achievements/${id}` })).json()
    .status as string;

const open = (s: Session, payload: object) =>
  as(t, s, { method: 'POST', url: '/api/v1/negotiations', payload });
/** A step in a thread, with the thread's current version unless the payload names one. */
const post = async (s: Session, id: number, name: string, payload: object) =>
  as(t, s, {
    method: 'POST',
    url: `/api/v1/negotiations/${id}/${name}`,
    payload:
      name === 'entries'
        ? payload
        : { version: await rowVersion(t, 'negotiations', id), ...payload },
  });
const offer = (totalAmountWan: number, techAmountWan: number) => ({
  type: 'licence',
  totalAmountWan,
  techAmountWan,
});
const contractForm = {
  projectName: '高功率光纤激光器合束技术实施许可',
  signedOn: '2026-11-20',
  validFrom: '2026-12-01',
  validTo: '2029-11-30',
  field: 'advancedManufacturing',
};

describe('negotiation thread → contract → registration', () => {
  it('runs from first message to a registered contract and a transacted achievement', async () => {
    const achievementId = await publishedAchievement();
    const opened = await open(buyer, { achievementId, text: '贵方成果是否支持独占许可？' });
    expect(opened.statusCode, opened.body).toBe(201);
    const n = opened.json();
    expect(n).toMatchObject({
      status: 'open',
      mySide: 'buyer',
      seller: { orgId: ownerOrg.id, city: '420100' },
      buyer: { orgId: buyerOrg.id, city: '420700' },
    });
    expect(n.entries).toHaveLength(1);
    expect(await achievementStatus(achievementId)).toBe('in_negotiation');
    // A second thread by the same buyer on the same achievement is refused.
    expect((await open(buyer, { achievementId, text: '再问一次' })).statusCode).toBe(409);

    // Seller offers, buyer counters, seller accepts the counter-offer.
    const o1 = await post(owner, n.id, 'entries', {
      text: '许可费 200 万元',
      offer: offer(200, 180),
    });
    expect(o1.statusCode, o1.body).toBe(200);
    const o2 = await post(buyer, n.id, 'entries', { text: '150 万元可以', offer: offer(150, 140) });
    const counterId = o2.json().entries.at(-1).id as number;
    // The buyer cannot accept its own offer, nor the seller an offer that is no longer latest.
    expect((await post(buyer, n.id, 'accept', { entryId: counterId })).statusCode).toBe(409);
    const firstOfferId = o1.json().entries.at(-1).id as number;
    expect((await post(owner, n.id, 'accept', { entryId: firstOfferId })).statusCode).toBe(409);
    const seen = await as(t, owner, { method: 'GET', url: `/api/v1/negotiations/${n.id}` });
    expect(seen.json().abilities.acceptEntryId).toBe(counterId);
    const agreed = await post(owner, n.id, 'accept', { entryId: counterId });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect(agreed.json()).toMatchObject({ status: 'agreed', agreedEntryId: counterId });
    // Agreed terms are fixed: no more offers.
    expect((await post(buyer, n.id, 'entries', { offer: offer(100, 90) })).statusCode).toBe(409);

    const made = await post(buyer, n.id, 'contract', contractForm);
    expect(made.statusCode, made.body).toBe(201);
    const { deal, negotiation } = made.json();
    expect(deal).toMatchObject({
      status: 'draft',
      type: 'licence',
      totalAmountWan: 150,
      techAmountWan: 140,
      achievementId,
      seller: { orgId: ownerOrg.id, creditCode: ownerOrg.creditCode },
      buyer: { orgId: buyerOrg.id, creditCode: buyerOrg.creditCode },
    });
    expect(negotiation).toMatchObject({ status: 'contracted', dealId: deal.id });
    expect(await countAudit(t, { action: 'negotiation.contract', objectId: String(n.id) })).toBe(1);
    expect((await post(buyer, n.id, 'contract', contractForm)).statusCode).toBe(409);

    const signed = await signByBoth(t, deal.id, owner, buyer);
    expect(signed.statusCode, signed.body).toBe(200);
    const reg = await dealStep(t, wuhanAdmin, deal.id, 'register');
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json().registration.registrationNo).toMatch(REGISTRATION_NO_PATTERN);
    expect(await achievementStatus(achievementId)).toBe('transacted');
    // Both parties are told of the registration (the registering official is not).
    for (const s of [owner, buyer]) {
      const inbox = (await as(t, s, { method: 'GET', url: '/api/v1/notifications' })).json();
      expect(inbox.items[0]).toMatchObject({
        type: 'deal_registered',
        params: { registrationNo: reg.json().registration.registrationNo },
      });
    }
  });

  it('a transfer contract needs the expected new investment and output', async () => {
    const achievementId = await publishedAchievement();
    const n = (await open(buyer, { achievementId, text: '求购专利' })).json();
    await post(owner, n.id, 'entries', { offer: { ...offer(90, 90), type: 'transfer' } });
    const latest = (
      await as(t, buyer, { method: 'GET', url: `/api/v1/negotiations/${n.id}` })
    ).json();
    await post(buyer, n.id, 'accept', { entryId: latest.abilities.acceptEntryId });
    const res = await post(buyer, n.id, 'contract', contractForm);
    expect(res.statusCode).toBe(400);
    expect(res.json().details?.[0]?.field ?? res.body).toContain('expectedNewInvestmentWan');
    const after = (
      await as(t, buyer, { method: 'GET', url: `/api/v1/negotiations/${n.id}` })
    ).json();
    expect(after).toMatchObject({ status: 'agreed', dealId: null });
  });
});

describe('abandoning and who takes part', () => {
  it('abandoning with a reason puts the achievement back on the market', async () => {
    const achievementId = await publishedAchievement();
    const n = (await open(buyer, { achievementId, text: '请报价' })).json();
    expect((await post(buyer, n.id, 'abandon', { reason: 'other' })).statusCode).toBe(400);
    const res = await post(buyer, n.id, 'abandon', { reason: 'price', text: '超出预算' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('abandoned');
    expect(res.json().entries.at(-1)).toMatchObject({ kind: 'abandon', reason: 'price' });
    expect(await achievementStatus(achievementId)).toBe('published');
    expect((await post(owner, n.id, 'entries', { text: '还能谈吗' })).statusCode).toBe(409);
    // The owner's feedback counts the reason beside the introductions' declines.
    const feedback = await as(t, owner, {
      method: 'GET',
      url: `/api/v1/matching/achievements/${achievementId}/feedback`,
    });
    expect(feedback.json().abandoned).toContainEqual({ reason: 'price', count: 1 });
  });

  it('threads are invisible to everyone but the parties and their broker', async () => {
    const achievementId = await publishedAchievement();
    const n = (await open(buyer, { achievementId, text: '你好' })).json();
    for (const s of [outsider, broker])
      expect(
        (await as(t, s, { method: 'GET', url: `/api/v1/negotiations/${n.id}` })).statusCode,
      ).toBe(404);
    expect((await post(outsider, n.id, 'entries', { text: '插话' })).statusCode).toBe(404);
    const list = await as(t, outsider, { method: 'GET', url: '/api/v1/negotiations' });
    expect(list.json().items.map((i: { id: number }) => i.id)).not.toContain(n.id);
    const mine = await as(t, owner, { method: 'GET', url: '/api/v1/negotiations' });
    expect(mine.json().items.map((i: { id: number }) => i.id)).toContain(n.id);
    // Officials are refused by the route: they see the resulting contracts, not the haggling.
    expect(
      (await as(t, wuhanAdmin, { method: 'GET', url: '/api/v1/negotiations' })).statusCode,
    ).toBe(403);
  });

  it('a broker opens for a named buyer, relays messages but makes no offers', async () => {
    const achievementId = await publishedAchievement();
    expect((await open(broker, { achievementId, text: '引荐' })).statusCode).toBe(400);
    const res = await open(broker, {
      achievementId,
      buyerCreditCode: buyerOrg.creditCode,
      text: '两家可谈',
    });
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({ mySide: 'broker', buyer: { orgId: buyerOrg.id } });
    expect((await post(broker, n.id, 'entries', { offer: offer(10, 10) })).statusCode).toBe(403);
    expect((await post(broker, n.id, 'entries', { text: '明天面谈' })).statusCode).toBe(200);
    const seen = await as(t, buyer, { method: 'GET', url: `/api/v1/negotiations/${n.id}` });
    expect(seen.json()).toMatchObject({ mySide: 'buyer', brokerName: expect.any(String) });
  });

  it('an accepted introduction opens the thread with the broker in it', async () => {
    const achievementId = await publishedAchievement();
    const demandId = await publishDemand(t, buyer);
    const intro = await as(t, broker, {
      method: 'POST',
      url: '/api/v1/matching/introductions',
      payload: { achievementId, demandId, note: '成果与需求的关键指标一致，建议面谈' },
    });
    expect(intro.statusCode, intro.body).toBe(201);
    const ans = await as(t, owner, {
      method: 'POST',
      url: `/api/v1/matching/introductions/${intro.json().id}/answer`,
      payload: { decision: 'accept', version: intro.json().version },
    });
    expect(ans.statusCode, ans.body).toBe(200);
    const list = (await as(t, broker, { method: 'GET', url: '/api/v1/negotiations' })).json();
    const thread = list.items.find(
      (i: { introductionId: number | null }) => i.introductionId === intro.json().id,
    );
    expect(thread).toMatchObject({ status: 'open', achievementId, buyer: { orgId: buyerOrg.id } });
    expect(ans.json().negotiationId).toBe(thread.id);
    const brokerView = (
      await as(t, broker, { method: 'GET', url: '/api/v1/matching/introductions' })
    )
      .json()
      .items.find((i: { id: number }) => i.id === intro.json().id);
    expect(brokerView.negotiationId).toBe(thread.id);
    expect(await achievementStatus(achievementId)).toBe('in_negotiation');
  });
});

describe('bad input', () => {
  it('refuses own achievements, unlisted ones, empty entries and bad offers with 400/409', async () => {
    const achievementId = await publishedAchievement();
    const own = await open(owner, { achievementId, text: '自己买' });
    expect(own.statusCode).toBe(400);
    expect((await open(buyer, { achievementId: 2 ** 31 - 1, text: 'x' })).statusCode).toBe(404);
    expect((await open(buyer, { achievementId, text: '   ' })).statusCode).toBe(400);
    const n = (await open(buyer, { achievementId, text: '你好' })).json();
    expect((await post(buyer, n.id, 'entries', {})).statusCode).toBe(400);
    expect((await post(buyer, n.id, 'entries', { offer: offer(-1, 0) })).statusCode).toBe(400);
    expect((await post(buyer, n.id, 'entries', { offer: offer(10, 20) })).statusCode).toBe(400);
    expect((await post(buyer, n.id, 'entries', { text: '<script>' })).statusCode).toBe(400);
    expect((await post(buyer, n.id, 'contract', contractForm)).statusCode).toBe(409);
    const after = (
      await as(t, buyer, { method: 'GET', url: `/api/v1/negotiations/${n.id}` })
    ).json();
    expect(after.entries).toHaveLength(1);
  });
});
