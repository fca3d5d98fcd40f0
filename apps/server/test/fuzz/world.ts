/**
 * What the fuzzer acts in: one account per role, all of this test file's own organisations and
 * city (Wuhan, 420100; the province's officials at 420000), and a few records of each kind made
 * through the API, so a path id can name something its user may reach.
 */
import type { Role } from '@corridor/contracts';
import { expect } from 'vitest';
import { achievementInput } from '../../src/modules/market/market.fixtures';
import { parkInput, phaseInput } from '../../src/modules/parks/parks.fixtures';
import {
  draftEdition,
  makeInputs,
  publishedEdition,
  publishedMethod,
  step,
  windowEnd,
} from '../../src/modules/rankings/rankings.test-helpers';
import {
  as,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
  uniqueCreditCode,
  uniqueNumber,
} from '../helpers';
import { publishAchievement, publishDemand } from '../market-flow';

export interface World {
  /** Every account that fuzzes ordinary routes, each with one role. */
  users: Session[];
  /** Accounts kept for the routes that end or change their own session. */
  leaver: Session;
  passwordChanger: Session;
  /** Credit codes of this file's organisations. */
  creditCodes: string[];
  /** Path-id pools: `<url prefix>` → ids of records this file made. */
  ids: Record<string, number[]>;
}

const api = (url: string) => `/api/v1${url}`;

async function post(t: TestApp, actor: Session, url: string, payload: object, status = 201) {
  const res = await as(t, actor, { method: 'POST', url: api(url), payload });
  expect(res.statusCode, `${url} ${res.body}`).toBe(status);
  return res.json() as { id: number; entries?: { id: number }[] };
}

export async function makeWorld(t: TestApp): Promise<World> {
  const ownOrg = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  const uniOrg = await makeOrg(t, { regionCode: '420100', type: 'university' });
  const buyerOrg = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
  const u = (roles: Role[], options: Parameters<typeof makeUser>[2] = {}) =>
    makeUser(t, roles, options);
  const province = await u(['province_admin'], { regionCode: '420000' });
  const city = await u(['city_admin'], { regionCode: '420100' });
  // The enterprise's account manager too, so its colleagues' routes are reached.
  const enterprise = await u(['enterprise'], {
    regionCode: '420100',
    orgId: ownOrg.id,
    orgManager: true,
  });
  const colleague = await u(['enterprise'], { regionCode: '420100', orgId: ownOrg.id });
  const university = await u(['university'], { regionCode: '420100', orgId: uniOrg.id });
  const buyer = await u(['enterprise'], { regionCode: '420700', orgId: buyerOrg.id });
  const broker = await u(['broker'], { regionCode: '420100' });
  const publisher = await u(['ranking_publisher']);
  const users = [
    province,
    city,
    enterprise,
    university,
    buyer,
    broker,
    publisher,
    await u(['talent']),
    await u(['investor']),
    await u(['security_admin'], { regionCode: '420000' }),
    await u(['auditor'], { regionCode: '420000' }),
  ];
  const victim = await u(['talent']);

  // Market: a published achievement of the university, a draft of the enterprise, a demand.
  const published = await publishAchievement(t, university, city, {
    title: '模糊测试光纤传感成果',
  });
  const draft = (await post(t, enterprise, '/market/achievements', achievementInput())).id;
  const demand = await publishDemand(t, buyer, { title: '模糊测试光纤传感需求' });
  const intro = await post(t, broker, '/matching/introductions', {
    achievementId: published,
    demandId: demand,
    note: '双方可就实施条件和报价面谈',
  });
  const thread = await post(t, buyer, '/negotiations', {
    achievementId: published,
    text: '贵方成果是否支持独占许可？',
  });
  await as(t, university, {
    method: 'POST',
    url: api(`/negotiations/${thread.id}/entries`),
    payload: { offer: { type: 'development', totalAmountWan: 150, techAmountWan: 140 } },
  });

  // Rankings: a published method, a draft method, an edition with its correction window open.
  const method = await publishedMethod(t, publisher);
  const { year, enterprises } = await makeInputs(t, 3);
  const edition = await draftEdition(t, publisher, method.id, year);
  await step(t, publisher, edition.id, 'open-window', { closesOn: windowEnd(t, 3) });
  const ranked = await makeUser(t, ['enterprise'], {
    regionCode: '420100',
    orgId: enterprises[0]!.orgId,
  });
  users.push(ranked);
  const correction = await post(t, ranked, `/rankings/editions/${edition.id}/corrections`, {
    field: 'ipTotal',
    claimedValue: 9,
    reason: '漏报两项发明专利',
  });

  const publishedList = (await publishedEdition(t, publisher, 3)).edition as { id: number };
  const featured = await publishAchievement(t, university, city, { title: '模糊测试橱窗成果' });
  await as(t, city, {
    method: 'POST',
    url: api(`/market/achievements/${featured}/showcase`),
    payload: { version: 4, featured: true },
  });

  // Deals, certificates, official KPIs.
  const deal = await post(t, enterprise, '/deals', {
    type: 'development',
    projectName: '光电芯片封装工艺委托开发',
    sellerCreditCode: ownOrg.creditCode,
    buyerCreditCode: buyerOrg.creditCode,
    totalAmountWan: 120,
    techAmountWan: 100,
    signedOn: '2026-03-01',
    validFrom: '2026-03-01',
    validTo: '2027-02-28',
    field: 'electronicInformation',
  });
  const cert = await post(t, province, `/orgs/${ownOrg.id}/certificates`, {
    kind: 'highTech',
    number: `GR2023420${ownOrg.id}${uniqueNumber() % 1000}`,
    issuedOn: '2023-10-16',
    expiresOn: '2026-10-15',
    issuer: '湖北省科学技术厅',
  });
  const kpi = await post(t, province, '/cockpit/kpis/official', {
    code: 'rd_gdp_ratio',
    value: 2.5,
    asOf: '2026-01-01',
    source: '湖北省统计局（测试）',
    note: null,
  });

  // A pending self-registration for Wuhan's admin to decide.
  const suffix = `${uniqueNumber().toString(36)}`;
  const applied = await t.app.inject({
    method: 'POST',
    url: api('/registrations'),
    payload: {
      creditCode: uniqueCreditCode('420100'),
      orgName: '模糊测试自助注册科技有限公司',
      regionCode: '420100',
      username: `fuzzreg${suffix}`,
      displayName: '模糊测试',
      email: `fuzzreg${suffix}@example.test`,
      password: 'Fuzzing#Register2026',
    },
  });
  expect(applied.statusCode, applied.body).toBe(201);
  const registration = await t.deps.db
    .selectFrom('registrations')
    .select('id')
    .where('username', '=', `fuzzreg${suffix}`)
    .executeTakeFirstOrThrow();
  // Parks: one of Wuhan's (the world's city admin is a party) with a phase, a figure, a payment.
  const park = await post(t, city, '/parks', parkInput());
  const phased = (await post(t, city, `/parks/${park.id}/phases`, phaseInput())) as unknown as {
    phases: { id: number }[];
  };
  const parkFigure = await post(t, province, `/parks/${park.id}/figures`, {
    year: 2020,
    item: 'vat_local',
    valueWan: 800,
  });

  return {
    users,
    leaver: await u(['talent']),
    passwordChanger: await u(['talent']),
    creditCodes: [ownOrg.creditCode, buyerOrg.creditCode, uniOrg.creditCode],
    ids: {
      '/accounts/:id': [victim.me.id],
      '/registrations/:id': [registration.id],
      '/colleagues/:id': [colleague.me.id],
      '/orgs/:id': [ownOrg.id, uniOrg.id, enterprises[0]!.orgId],
      '/orgs/:id/certificates/:certId': [cert.id],
      '/rankings/methods/:id': [method.id],
      '/rankings/editions/:id': [edition.id, publishedList.id],
      '/rankings/corrections/:id': [correction.id],
      '/cockpit/kpis/official/:id': [kpi.id],
      '/market/achievements/:id': [published, draft, featured],
      '/market/showcase/:id': [featured],
      '/market/demands/:id': [demand],
      '/matching/demands/:id': [demand],
      '/matching/achievements/:id': [published, draft],
      '/matching/introductions/:id': [intro.id],
      '/deals/:id': [deal.id],
      '/negotiations/:id': [thread.id],
      '/parks/:id': [park.id],
      '/parks/:id/phases/:phaseId': [phased.phases[0]!.id],
      '/parks/:id/figures/:figureId': [parkFigure.id],
    },
  };
}

/** The record ids a path parameter may name, from the route's URL (longest prefix wins). */
export function idsFor(world: World, url: string, param: string): number[] {
  const path = url.replace(/^\/api\/v1/, '');
  let best: number[] = [];
  let bestLength = -1;
  for (const [prefix, ids] of Object.entries(world.ids)) {
    const marker = `:${param}`;
    const end = prefix.indexOf(marker);
    if (end < 0) continue;
    const head = prefix.slice(0, end + marker.length);
    if (path.startsWith(head) && head.length > bestLength) {
      best = ids;
      bestLength = head.length;
    }
  }
  return best;
}
