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
  type TestApp,
} from '../../../test/helpers';

/** Issue 10 item 1: a contract is signed only when both parties' organisations confirm it. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function parties() {
  const seller = await makeOrg(t, { regionCode: '420100' });
  const buyer = await makeOrg(t, { regionCode: '420700' });
  const sellerUser = await makeUser(t, ['enterprise'], { orgId: seller.id });
  const buyerUser = await makeUser(t, ['enterprise'], { orgId: buyer.id });
  const buyerColleague = await makeUser(t, ['enterprise'], { orgId: buyer.id });
  const wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  return { seller, buyer, sellerUser, buyerUser, buyerColleague, wuhanAdmin };
}

async function draft(s: Session, seller: { creditCode: string }, buyer: { creditCode: string }) {
  const res = await as(t, s, {
    method: 'POST',
    url: '/api/v1/deals',
    payload: {
      type: 'development',
      projectName: '激光焊接工艺委托开发（双方确认测试）',
      sellerCreditCode: seller.creditCode,
      buyerCreditCode: buyer.creditCode,
      totalAmountWan: 500,
      techAmountWan: 450,
      signedOn: '2026-06-01',
      validFrom: '2026-06-01',
      validTo: '2027-05-31',
      field: 'advancedManufacturing',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; status: string };
}

const get = async (s: Session, id: number) =>
  (await as(t, s, { method: 'GET', url: `/api/v1/deals/${id}` })).json();

async function inbox(s: Session) {
  const res = await as(t, s, { method: 'GET', url: '/api/v1/notifications' });
  return res.json().items as { type: string; params: Record<string, unknown> }[];
}

async function refuse(s: Session, id: number, reason: unknown) {
  return as(t, s, {
    method: 'POST',
    url: `/api/v1/deals/${id}/refuse`,
    payload: { version: await rowVersion(t, 'deals', id), reason },
  });
}

describe('both parties sign a technology contract', () => {
  it('stays a draft after one side, is signed after the other, and only then registered', async () => {
    const p = await parties();
    const { id } = await draft(p.sellerUser, p.seller, p.buyer);
    const fresh = await get(p.buyerUser, id);
    expect(fresh).toMatchObject({
      status: 'draft',
      mySide: 'buyer',
      confirmations: { seller: null, buyer: null },
      abilities: { sign: true, refuse: true, register: false },
    });

    const first = await dealStep(t, p.sellerUser, id, 'sign');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'draft',
      mySide: 'seller',
      confirmations: { seller: { at: expect.any(String) }, buyer: null },
      abilities: { sign: false, refuse: false },
    });
    // The seller cannot confirm twice, and its city cannot register a one-sided contract.
    const again = await dealStep(t, p.sellerUser, id, 'sign');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('deal.already_confirmed');
    expect((await dealStep(t, p.wuhanAdmin, id, 'register')).statusCode).toBe(409);
    // Every user of the buyer is asked; the seller's own user is not notified of its own step.
    for (const s of [p.buyerUser, p.buyerColleague])
      expect((await inbox(s))[0]).toMatchObject({
        type: 'deal_confirm_requested',
        params: { from: p.seller.name, projectName: '激光焊接工艺委托开发（双方确认测试）' },
      });
    expect((await inbox(p.sellerUser)).some((n) => n.type === 'deal_confirm_requested')).toBe(
      false,
    );

    const second = await dealStep(t, p.buyerColleague, id, 'sign');
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      status: 'signed',
      confirmations: { seller: { at: expect.any(String) }, buyer: { at: expect.any(String) } },
    });
    expect((await inbox(p.sellerUser))[0]).toMatchObject({ type: 'deal_signed' });
    const events = await t.deps.db
      .selectFrom('auditEvents')
      .select(['actorId', 'detail'])
      .where('action', '=', 'deal.sign')
      .where('objectId', '=', String(id))
      .orderBy('id')
      .execute();
    expect(events.map((e) => JSON.parse(e.detail as string))).toEqual([
      expect.objectContaining({ side: 'seller', from: 'draft', to: 'draft' }),
      expect.objectContaining({ side: 'buyer', from: 'draft', to: 'signed' }),
    ]);

    const reg = await dealStep(t, p.wuhanAdmin, id, 'register');
    expect(reg.statusCode, reg.body).toBe(200);
    expect(reg.json().status).toBe('registered');
  });

  it('a broker enters a draft and asks both parties, but cannot confirm for either', async () => {
    const p = await parties();
    const broker = await makeUser(t, ['broker'], { regionCode: '420100' });
    const { id } = await draft(broker, p.seller, p.buyer);
    for (const s of [p.sellerUser, p.buyerUser])
      expect((await inbox(s))[0]).toMatchObject({ type: 'deal_confirm_requested' });
    const byBroker = await dealStep(t, broker, id, 'sign');
    expect(byBroker.statusCode).toBe(403);
    expect((await get(broker, id)).abilities).toMatchObject({ sign: false, refuse: false });
    // A user of an unrelated organisation does not even see it.
    const stranger = await makeUser(t, ['enterprise'], { orgId: (await makeOrg(t)).id });
    expect((await dealStep(t, stranger, id, 'sign')).statusCode).toBe(404);
  });

  it('either party may refuse with a reason the other side reads; a refused contract goes no further', async () => {
    const p = await parties();
    const broker = await makeUser(t, ['broker'], { regionCode: '420100' });
    const { id } = await draft(broker, p.seller, p.buyer);
    await dealStep(t, p.sellerUser, id, 'sign');

    for (const [reason, code] of [
      ['', 'deal.reason_too_short'],
      ['不签', 'deal.reason_too_short'],
      ['<b>金额不对</b>', 'text.markup'],
    ] as const) {
      const bad = await refuse(p.buyerUser, id, reason);
      expect(bad.statusCode, reason).toBe(400);
      expect(bad.json().details[0]).toMatchObject({ field: 'reason', code });
    }
    expect((await get(p.buyerUser, id)).status).toBe('draft');

    const reason = '合同金额与洽谈结果不一致，应为 450 万元';
    const res = await refuse(p.buyerUser, id, reason);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'refused',
      refusal: { side: 'buyer', reason },
      abilities: { sign: false, refuse: false, register: false },
    });
    expect((await get(p.sellerUser, id)).refusal).toMatchObject({ side: 'buyer', reason });
    for (const s of [p.sellerUser, broker])
      expect((await inbox(s))[0]).toMatchObject({
        type: 'deal_refused',
        params: { from: p.buyer.name, reason },
      });
    expect(await countAudit(t, { action: 'deal.refuse', objectId: String(id) })).toBe(1);
    // Nothing moves a refused contract: no confirmation, no second refusal, no registration.
    expect((await dealStep(t, p.buyerUser, id, 'sign')).statusCode).toBe(409);
    expect((await refuse(p.sellerUser, id, '我方也不再签订该合同')).statusCode).toBe(409);
    expect((await dealStep(t, p.wuhanAdmin, id, 'register')).statusCode).toBe(409);
    const listed = await as(t, p.sellerUser, {
      method: 'GET',
      url: '/api/v1/deals?status=refused',
    });
    expect(listed.json().items.map((d: { id: number }) => d.id)).toContain(id);
  });

  it('a side that already confirmed cannot refuse afterwards', async () => {
    const p = await parties();
    const { id } = await draft(p.sellerUser, p.seller, p.buyer);
    await dealStep(t, p.sellerUser, id, 'sign');
    const res = await refuse(p.sellerUser, id, '我方改变主意了');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('deal.already_confirmed');
  });
});
