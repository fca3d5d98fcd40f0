import { CITY_CODES, REGISTRATION_NO_PATTERN } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  dealStep,
  makeOrg,
  makeUser,
  type Session,
  signByBoth,
  type TestApp,
  uniqueCreditCode,
} from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const WUHAN = '420100';
const EZHOU = '420700';

function input(seller: { creditCode: string }, buyer: { creditCode: string }, over = {}) {
  return {
    type: 'development',
    projectName: '光电芯片封装工艺委托开发',
    sellerCreditCode: seller.creditCode,
    buyerCreditCode: buyer.creditCode,
    totalAmountWan: 120,
    techAmountWan: 100,
    signedOn: '2026-03-01',
    validFrom: '2026-03-01',
    validTo: '2027-02-28',
    field: 'electronicInformation',
    ...over,
  };
}

async function setup(sellerCity = WUHAN, buyerCity = EZHOU) {
  const seller = await makeOrg(t, { regionCode: sellerCity as never });
  const buyer = await makeOrg(t, { regionCode: buyerCity as never });
  const sellerUser = await makeUser(t, ['enterprise'], { orgId: seller.id });
  const buyerUser = await makeUser(t, ['enterprise'], { orgId: buyer.id });
  return { seller, buyer, sellerUser, buyerUser };
}

async function create(s: Session, body: unknown) {
  return as(t, s, { method: 'POST', url: '/api/v1/deals', payload: body as object });
}

/** Draft → signed → registered by the seller city's admin; returns the registered deal. */
async function registered(
  sellerCity: string,
  buyerCity: string,
  over: Record<string, unknown>,
  admins: Map<string, Session>,
) {
  const { seller, buyer, sellerUser, buyerUser } = await setup(sellerCity, buyerCity);
  const made = await create(sellerUser, input(seller, buyer, over));
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id;
  expect((await signByBoth(t, id, sellerUser, buyerUser)).statusCode).toBe(200);
  let admin = admins.get(sellerCity);
  if (!admin) {
    admin = await makeUser(t, ['city_admin'], { regionCode: sellerCity as never });
    admins.set(sellerCity, admin);
  }
  const reg = await dealStep(t, admin, id, 'register');
  expect(reg.statusCode, reg.body).toBe(200);
  return reg.json();
}

describe('technology contracts', () => {
  it('creates a draft for the seller’s own user, audited', async () => {
    const { seller, buyer, sellerUser } = await setup();
    const res = await create(sellerUser, input(seller, buyer));
    expect(res.statusCode, res.body).toBe(201);
    const deal = res.json();
    expect(deal).toMatchObject({ status: 'draft', registration: null });
    // The 登记表 exists pre-filled from the draft, without number or date yet.
    expect(deal.record).toMatchObject({
      registrationNo: null,
      registeredAt: null,
      registrationRegion: WUHAN,
      projectName: deal.projectName,
      seller: { creditCode: seller.creditCode, natureCode: expect.any(String) },
      buyer: { creditCode: buyer.creditCode, countryCode: '156' },
    });
    expect(deal.seller).toMatchObject({ orgId: seller.id, regionCode: WUHAN, countryCode: '156' });
    expect(deal.buyer.regionCode).toBe(EZHOU);
    expect(await countAudit(t, { action: 'deal.create', objectId: String(deal.id) })).toBe(1);
  });

  it('refuses bad input with 400 naming the field and reason', async () => {
    const { seller, buyer, sellerUser } = await setup();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ buyerCreditCode: seller.creditCode }, 'buyerCreditCode', 'deal.same_party'],
      [{ sellerCreditCode: '91420100MA4KXXXX0X' }, 'sellerCreditCode', ''],
      [{ techAmountWan: 130 }, 'techAmountWan', 'deal.tech_exceeds_total'],
      [{ totalAmountWan: -1 }, 'totalAmountWan', 'amount.negative'],
      [{ validTo: '2026-01-01' }, 'validTo', 'deal.end_before_start'],
      [{ signedOn: '2026-02-30' }, 'signedOn', 'date.invalid'],
      [{ type: 'transfer' }, 'expectedNewInvestmentWan', 'required'],
      [{ achievementId: 2 ** 31 - 1 }, 'achievementId', 'deal.achievement_unknown'],
    ];
    for (const [over, field, code] of cases) {
      const res = await create(sellerUser, input(seller, buyer, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      const detail = res.json().details.find((d: { field: string }) => d.field === field);
      expect(detail, JSON.stringify(over)).toBeTruthy();
      if (code) expect(detail.code).toBe(code);
      expect(detail.reason).toBeTruthy();
    }
  });

  it('requires both parties to be registered, and the user to be a party', async () => {
    const { seller, buyer, sellerUser } = await setup();
    const stranger = await makeOrg(t);
    const unknown = { creditCode: uniqueCreditCode() };
    const res = await create(sellerUser, input(seller, unknown));
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({
      field: 'buyerCreditCode',
      code: 'deal.org_unknown',
    });
    const other = await makeUser(t, ['enterprise'], { orgId: stranger.id });
    const denied = await create(other, input(seller, buyer));
    expect(denied.statusCode).toBe(400);
    expect(denied.json().details[0].code).toBe('deal.not_own_org');
    const broker = await makeUser(t, ['broker']);
    expect((await create(broker, input(seller, buyer))).statusCode).toBe(201);
  });

  it('is registered by the seller city’s admin only, with a 16-digit number', async () => {
    const { seller, buyer, sellerUser, buyerUser } = await setup(WUHAN, EZHOU);
    const id = (await create(sellerUser, input(seller, buyer))).json().id;
    const ezhouAdmin = await makeUser(t, ['city_admin'], { regionCode: EZHOU });
    const wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: WUHAN });
    // Unsigned drafts cannot be registered.
    expect((await dealStep(t, wuhanAdmin, id, 'register')).statusCode).toBe(409);
    await signByBoth(t, id, sellerUser, buyerUser);
    expect((await dealStep(t, ezhouAdmin, id, 'register')).statusCode).toBe(403);
    const res = await dealStep(t, wuhanAdmin, id, 'register');
    expect(res.statusCode, res.body).toBe(200);
    const reg = res.json().registration;
    expect(reg.registrationNo).toMatch(REGISTRATION_NO_PATTERN);
    expect(reg.registrationNo).toMatch(/^\d{16}$/);
    expect(reg.registrationNo.slice(4, 10)).toBe(WUHAN);
    expect(reg).toMatchObject({ registrationRegion: WUHAN, techAmountWan: 100 });
    expect(reg.seller.creditCode).toBe(seller.creditCode);
    expect(await countAudit(t, { action: 'deal.register', objectId: String(id) })).toBe(1);
    expect((await dealStep(t, wuhanAdmin, id, 'register')).statusCode).toBe(409);
    // The buyer city's admin reads it; an unrelated city's does not.
    const get = `/api/v1/deals/${id}`;
    expect((await as(t, ezhouAdmin, { method: 'GET', url: get })).statusCode).toBe(200);
    const huangshi = await makeUser(t, ['city_admin'], { regionCode: '420200' });
    expect((await as(t, huangshi, { method: 'GET', url: get })).statusCode).toBe(404);
  });

  it('changes the cockpit figures by exactly the registered contract', async () => {
    const year = 2031;
    const cockpit = async () =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/cockpit/public?year=${year}` })).json()
        .contracts;
    const before = await cockpit();
    const admins = new Map<string, Session>();
    await registered(
      EZHOU,
      '421200',
      {
        signedOn: `${year}-05-06`,
        validFrom: `${year}-05-06`,
        validTo: `${year + 1}-05-06`,
        totalAmountWan: 77.5,
        techAmountWan: 70,
        field: 'aerospace',
      },
      admins,
    );
    const after = await cockpit();
    expect(after.available).toBe(true);
    expect(after.total.count - before.total.count).toBe(1);
    expect(after.total.amountWan - before.total.amountWan).toBeCloseTo(77.5, 2);
    expect(after.crossCity.amountWan - before.crossCity.amountWan).toBeCloseTo(77.5, 2);
    const cell = (v: { matrix: { from: string; to: string; count: number }[] }) =>
      v.matrix.find((m) => m.from === EZHOU && m.to === '421200')?.count ?? 0;
    expect(cell(after) - cell(before)).toBe(1);
  });

  it('reports the flows matrix and city summaries of the registered contracts', async () => {
    // A year nobody else uses, fresh per run (the PostgreSQL database is shared and kept).
    const year = 2200 + Math.floor(Math.random() * 700);
    const d = { signedOn: `${year}-02-03`, validFrom: `${year}-02-03`, validTo: `${year}-12-31` };
    const admins = new Map<string, Session>();
    await registered(WUHAN, EZHOU, { ...d, totalAmountWan: 10, techAmountWan: 5 }, admins);
    await registered(WUHAN, EZHOU, { ...d, totalAmountWan: 20.25, techAmountWan: 5 }, admins);
    await registered(
      EZHOU,
      EZHOU,
      { ...d, totalAmountWan: 3, techAmountWan: 3, field: 'biomedicine' },
      admins,
    );
    const province = await makeUser(t, ['province_admin']);
    const res = await as(t, province, { method: 'GET', url: `/api/v1/deals/flows?year=${year}` });
    expect(res.statusCode, res.body).toBe(200);
    const flows = res.json();
    const wi = CITY_CODES.indexOf(WUHAN);
    const ei = CITY_CODES.indexOf(EZHOU);
    flows.matrix.forEach((row: { count: number; amountWan: number }[], i: number) => {
      row.forEach((c, j) => {
        const expected =
          i === wi && j === ei
            ? { count: 2, amountWan: 30.25 }
            : i === ei && j === ei
              ? { count: 1, amountWan: 3 }
              : { count: 0, amountWan: 0 };
        expect(c).toEqual(expected);
      });
    });
    const byField = await as(t, province, {
      method: 'GET',
      url: `/api/v1/deals/flows?year=${year}&field=biomedicine`,
    });
    expect(byField.json().matrix[ei][ei]).toEqual({ count: 1, amountWan: 3 });
    expect(byField.json().matrix[wi][ei]).toEqual({ count: 0, amountWan: 0 });
    const sum = await as(t, province, {
      method: 'GET',
      url: `/api/v1/deals/cities/${EZHOU}/summary?year=${year}`,
    });
    expect(sum.json()).toMatchObject({
      asSeller: { count: 1, amountWan: 3 },
      asBuyer: { count: 3, amountWan: 33.25 },
      withinCity: { count: 1, amountWan: 3 },
    });
    const company = await makeUser(t, ['enterprise']);
    expect((await as(t, company, { method: 'GET', url: '/api/v1/deals/flows' })).statusCode).toBe(
      403,
    );
  });
});
