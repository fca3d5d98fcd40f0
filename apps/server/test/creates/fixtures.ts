/**
 * One valid request per create route of the inventory (a POST answering 201, and the routes
 * that add an entry to a record), made the way a user would. `idempotency.test.ts` sends each
 * twice with one Idempotency-Key; a new create route fails that test until it has a fixture here.
 */
import { achievementInput, demandInput } from '../../src/modules/market/market.fixtures';
import { parkInput, phaseInput } from '../../src/modules/parks/parks.fixtures';
import {
  draftEdition,
  enterpriseUser,
  INDICATORS,
  makeInputs,
  publishedMethod,
  step,
  windowEnd,
} from '../../src/modules/rankings/rankings.test-helpers';
import {
  as,
  makeOrg,
  makeUser,
  orgInput,
  type Session,
  type TestApp,
  uniqueCreditCode,
  uniqueName,
  uniqueNumber,
} from '../helpers';
import { publishAchievement, publishDemand } from '../market-flow';

export interface CreateRequest {
  actor: Session;
  url: string;
  /** A body (fresh for each call: two calls give two different requests). */
  body(): object;
}

const api = (url: string) => `/api/v1${url}`;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
let n = 0;
const next = () => {
  n += 1;
  return n;
};

async function marketParties(t: TestApp) {
  const ownerOrg = await makeOrg(t, { regionCode: '420100', type: 'university' });
  const buyerOrg = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
  const owner = await makeUser(t, ['university'], { regionCode: '420100', orgId: ownerOrg.id });
  const buyer = await makeUser(t, ['enterprise'], { regionCode: '420700', orgId: buyerOrg.id });
  const reviewer = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  const achievementId = await publishAchievement(t, owner, reviewer, {
    title: '幂等测试用光纤传感成果',
    abstract: '用于验证重复提交只生效一次的测试成果，分布式光纤传感系统，已完成工程样机验证。',
  });
  return { owner, buyer, buyerOrg, ownerOrg, achievementId };
}

async function openThread(t: TestApp) {
  const p = await marketParties(t);
  const res = await as(t, p.buyer, {
    method: 'POST',
    url: api('/negotiations'),
    payload: { achievementId: p.achievementId, text: '贵方成果是否支持独占许可？' },
  });
  return { ...p, negotiationId: res.json().id as number };
}

export const CREATE_FIXTURES: Record<string, (t: TestApp) => Promise<CreateRequest>> = {
  'POST /api/v1/orgs': async (t) => ({
    actor: await makeUser(t, ['province_admin'], { regionCode: '420000' }),
    url: api('/orgs'),
    body: () => orgInput(),
  }),
  'POST /api/v1/accounts': async (t) => ({
    actor: await makeUser(t, ['security_admin'], { regionCode: '420000' }),
    url: api('/accounts'),
    body: () => ({
      username: `idem${uniqueNumber().toString(36)}${next()}`,
      displayName: '幂等测试',
      password: 'Idempotent#Key2026',
      roles: ['talent'],
      regionCode: '420000',
    }),
  }),
  // Anonymous applicants are kept to one open application per code and name instead; a
  // signed-in caller's Idempotency-Key holds as on every create.
  'POST /api/v1/registrations': async (t) => ({
    actor: await makeUser(t, ['talent']),
    url: api('/registrations'),
    body: () => {
      const k = `${uniqueNumber().toString(36)}${next()}`;
      return {
        creditCode: uniqueCreditCode('420100'),
        orgName: uniqueName('幂等注册'),
        regionCode: '420100',
        username: `idemreg${k}`,
        displayName: '幂等测试',
        email: `idemreg${k}@example.test`,
        password: 'Idempotent#Key2026',
      };
    },
  }),
  'POST /api/v1/colleagues': async (t) => {
    const org = await makeOrg(t);
    return {
      actor: await makeUser(t, ['enterprise'], { orgId: org.id, orgManager: true }),
      url: api('/colleagues'),
      body: () => ({
        username: `idemcol${uniqueNumber().toString(36)}${next()}`,
        displayName: '幂等测试',
        password: 'Idempotent#Key2026',
      }),
    };
  },
  'POST /api/v1/market/achievements': async (t) => {
    const org = await makeOrg(t);
    return {
      actor: await makeUser(t, ['enterprise'], { orgId: org.id }),
      url: api('/market/achievements'),
      body: () => achievementInput({ title: `幂等测试成果第${next()}号` }),
    };
  },
  'POST /api/v1/market/demands': async (t) => {
    const org = await makeOrg(t);
    return {
      actor: await makeUser(t, ['enterprise'], { orgId: org.id }),
      url: api('/market/demands'),
      body: () => demandInput({ title: `幂等测试需求第${next()}号` }),
    };
  },
  'POST /api/v1/cockpit/kpis/official': async (t) => ({
    actor: await makeUser(t, ['province_admin'], { regionCode: '420000' }),
    url: api('/cockpit/kpis/official'),
    body: () => ({
      code: 'rd_gdp_ratio',
      value: next() / 100,
      asOf: today(),
      source: '湖北省统计局（测试）',
      note: null,
    }),
  }),
  'POST /api/v1/rankings/methods': async (t) => ({
    actor: await makeUser(t, ['ranking_publisher']),
    url: api('/rankings/methods'),
    body: () => ({
      code: `idem-${process.pid}-${uniqueNumber() % 1e8}-${next()}`,
      name: '幂等测试方法',
      normalisation: 'minmax',
      indicators: INDICATORS,
    }),
  }),
  'POST /api/v1/rankings/editions': async (t) => {
    const actor = await makeUser(t, ['ranking_publisher']);
    const method = await publishedMethod(t, actor);
    const { year } = await makeInputs(t, 1);
    return {
      actor,
      url: api('/rankings/editions'),
      body: () => ({ methodId: method.id, title: `幂等测试榜单${next()}`, year }),
    };
  },
  'POST /api/v1/rankings/editions/:id/corrections': async (t) => {
    const publisher = await makeUser(t, ['ranking_publisher']);
    const { year, enterprises } = await makeInputs(t, 3);
    const method = await publishedMethod(t, publisher);
    const edition = await draftEdition(t, publisher, method.id, year);
    await step(t, publisher, edition.id, 'open-window', { closesOn: windowEnd(t, 3) });
    const fields = ['ipTotal', 'revenueGrowth', 'debtRatio'];
    return {
      actor: await enterpriseUser(t, enterprises[0]!.orgId),
      url: api(`/rankings/editions/${edition.id}/corrections`),
      body: () => ({ field: fields[next() % 3], claimedValue: 9, reason: '漏报两项发明专利' }),
    };
  },
  'POST /api/v1/orgs/:id/certificates': async (t) => {
    const org = await makeOrg(t);
    return {
      actor: await makeUser(t, ['province_admin'], { regionCode: '420000' }),
      url: api(`/orgs/${org.id}/certificates`),
      body: () => ({
        kind: 'highTech',
        number: `GR2023420${org.id}${next()}`,
        issuedOn: '2023-10-16',
        expiresOn: '2026-10-15',
        issuer: '湖北省科学技术厅',
      }),
    };
  },
  'POST /api/v1/deals': async (t) => {
    const seller = await makeOrg(t, { regionCode: '420100' });
    const buyer = await makeOrg(t, { regionCode: '420700' });
    return {
      actor: await makeUser(t, ['enterprise'], { orgId: seller.id }),
      url: api('/deals'),
      body: () => ({
        type: 'development',
        projectName: `光电芯片封装工艺委托开发（第${next()}期）`,
        sellerCreditCode: seller.creditCode,
        buyerCreditCode: buyer.creditCode,
        totalAmountWan: 120,
        techAmountWan: 100,
        signedOn: '2026-03-01',
        validFrom: '2026-03-01',
        validTo: '2027-02-28',
        field: 'electronicInformation',
      }),
    };
  },
  'POST /api/v1/matching/introductions': async (t) => {
    const p = await marketParties(t);
    const demandIds: number[] = [];
    for (let i = 0; i < 3; i++)
      demandIds.push(await publishDemand(t, p.buyer, { title: `幂等测试光纤传感需求${i}` }));
    return {
      actor: await makeUser(t, ['broker'], { regionCode: '420100' }),
      url: api('/matching/introductions'),
      body: () => ({
        achievementId: p.achievementId,
        demandId: demandIds[next() % 3],
        note: '双方可就实施条件和报价面谈',
      }),
    };
  },
  'POST /api/v1/negotiations': async (t) => {
    const p = await marketParties(t);
    const second = await publishAchievement(t, p.owner, await makeUser(t, ['city_admin']), {
      title: '幂等测试用第二项成果',
      abstract: '用于验证同一密钥不同请求被拒绝的第二项测试成果，已完成中试并具备量产条件。',
    });
    const ids = [p.achievementId, second];
    return {
      actor: p.buyer,
      url: api('/negotiations'),
      body: () => ({ achievementId: ids[next() % 2], text: '贵方成果是否支持独占许可？' }),
    };
  },
  'POST /api/v1/negotiations/:id/entries': async (t) => {
    const p = await openThread(t);
    return {
      actor: p.buyer,
      url: api(`/negotiations/${p.negotiationId}/entries`),
      body: () => ({ text: `第${next()}次询价：能否提供样品测试？` }),
    };
  },
  'POST /api/v1/negotiations/:id/contract': async (t) => {
    const p = await openThread(t);
    const offered = await as(t, p.owner, {
      method: 'POST',
      url: api(`/negotiations/${p.negotiationId}/entries`),
      payload: { offer: { type: 'development', totalAmountWan: 150, techAmountWan: 140 } },
    });
    const accepted = await as(t, p.buyer, {
      method: 'POST',
      url: api(`/negotiations/${p.negotiationId}/accept`),
      payload: { entryId: offered.json().entries.at(-1).id, version: offered.json().version },
    });
    const version = accepted.json().version as number;
    return {
      actor: p.buyer,
      url: api(`/negotiations/${p.negotiationId}/contract`),
      body: () => ({
        version,
        projectName: `光纤传感系统委托开发（第${next()}稿）`,
        signedOn: '2026-11-20',
        validFrom: '2026-12-01',
        validTo: '2029-11-30',
        field: 'advancedManufacturing',
      }),
    };
  },
  'POST /api/v1/parks': async (t) => ({
    actor: await makeUser(t, ['city_admin'], { regionCode: '420100' }),
    url: api('/parks'),
    body: () => parkInput(),
  }),
  'POST /api/v1/parks/:id/phases': async (t) => {
    const actor = await makeUser(t, ['province_admin'], { regionCode: '420000' });
    const park = await as(t, actor, { method: 'POST', url: api('/parks'), payload: parkInput() });
    // each body a phase of its own decade, so two different requests never overlap
    return {
      actor,
      url: api(`/parks/${park.json().id}/phases`),
      body: () => {
        const y = 2000 + next() * 2;
        return phaseInput({ startsOn: `${y}-01-01`, endsOn: `${y}-12-31` });
      },
    };
  },
  'POST /api/v1/parks/:id/figures': async (t) => {
    const actor = await makeUser(t, ['city_admin'], { regionCode: '421100' });
    const park = await as(t, actor, { method: 'POST', url: api('/parks'), payload: parkInput() });
    const id = park.json().id;
    await as(t, actor, {
      method: 'POST',
      url: api(`/parks/${id}/phases`),
      payload: phaseInput({ startsOn: '2000-01-01', endsOn: null }),
    });
    return {
      actor,
      url: api(`/parks/${id}/figures`),
      body: () => ({ year: 2000 + next(), item: 'vat_local', valueWan: 100 }),
    };
  },
  'POST /api/v1/parks/:id/payments': async (t) => {
    const actor = await makeUser(t, ['city_admin'], { regionCode: '421100' });
    const park = await as(t, actor, { method: 'POST', url: api('/parks'), payload: parkInput() });
    const id = park.json().id;
    await as(t, actor, { method: 'POST', url: api(`/parks/${id}/phases`), payload: phaseInput() });
    return {
      actor,
      url: api(`/parks/${id}/payments`),
      body: () => ({
        year: 2020,
        item: 'vat_local',
        payerCity: '421100',
        payeeCity: '420100',
        amountWan: next(),
        paidOn: '2021-03-31',
      }),
    };
  },
};
