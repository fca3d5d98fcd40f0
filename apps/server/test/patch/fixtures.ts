/**
 * One record per PATCH route of the inventory, made the way a user would make it, with new valid
 * values for every field of the route's body. `patch.test.ts` sends each field alone and checks
 * that nothing else moved; a new PATCH route fails that test until it has a fixture here.
 */
import { expect } from 'vitest';
import { achievementInput, demandInput } from '../../src/modules/market/market.fixtures';
import { parkInput, phaseInput } from '../../src/modules/parks/parks.fixtures';
import {
  draftEdition,
  INDICATORS,
  makeInputs,
  publishedMethod,
} from '../../src/modules/rankings/rankings.test-helpers';
import {
  as,
  makeOrg,
  makeUser,
  type Session,
  samplePdf,
  type TestApp,
  uniqueCreditCode,
  uniqueName,
  uploadFile,
} from '../helpers';

export type Json = Record<string, unknown>;

export interface PatchTarget {
  actor: Session;
  /** The concrete URL of the PATCH (and of its record). */
  url: string;
  /** The record as its owner reads it, in the shape the comparison uses. */
  read(): Promise<Json>;
}

export interface PatchFixture {
  setup(t: TestApp): Promise<PatchTarget>;
  /** Per body field, the values to send one after the other (null where the field can be cleared). */
  values: Record<string, unknown[]>;
  /** Body fields that must go with every patch (e.g. the reason of a correction). */
  always?: Json;
  /** Keys of the record that a field's change legitimately moves (derived values). */
  follows?: Record<string, string[]>;
  /** Which keys of the record a value changes (default: the field and what follows it). */
  changedKeys?(field: string, value: unknown): string[];
  /** Body fields that are commands, not stored values (nothing to read back). */
  commands?: string[];
  /** Whether the route takes the version read (optimistic locking). */
  /** The body field naming the version read: `version`, or a ranking method's `revision`. */
  lock?: 'revision';
}

const api = (url: string) => `/api/v1${url}`;

async function readJson(t: TestApp, actor: Session, url: string): Promise<Json> {
  const res = await as(t, actor, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function created(t: TestApp, actor: Session, url: string, payload: object) {
  const res = await as(t, actor, { method: 'POST', url: api(url), payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json & { id: number };
}

/** An enterprise of Wuhan with its own user (owners of market records and indicators). */
async function wuhanEnterprise(t: TestApp) {
  const org = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  const user = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: org.id });
  return { org, user };
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const PATCH_FIXTURES: Record<string, PatchFixture> = {
  '/api/v1/orgs/:id': {
    async setup(t) {
      const actor = await makeUser(t, ['province_admin'], { regionCode: '420000' });
      const org = await makeOrg(t);
      const url = api(`/orgs/${org.id}`);
      return { actor, url, read: () => readJson(t, actor, url) };
    },
    values: {
      creditCode: [uniqueCreditCode('420100')],
      name: [uniqueName('改名')],
      type: ['university'],
      regionCode: ['420700'],
      industry: ['biomedicine', null],
      address: ['湖北省鄂州市葛店开发区创业大道8号', null],
      foundedOn: ['2015-03-01', null],
      contactName: ['王芳', null],
      contactPhone: ['027-87654321', null],
      description: ['改过的简介', null],
    },
    // Derived: where the code was issued, against the organisation's city.
    follows: {
      name: ['pinyinInitials'],
      regionCode: ['creditCodeIssuedIn'],
      creditCode: ['creditCodeIssuedIn'],
    },
  },

  '/api/v1/market/achievements/:id': {
    async setup(t) {
      const { user } = await wuhanEnterprise(t);
      const { id } = await created(t, user, '/market/achievements', achievementInput());
      const url = api(`/market/achievements/${id}`);
      // Attachments are uploads of the owner's organisation, sent by file id.
      const upload = await uploadFile(t, user, samplePdf());
      expect(upload.statusCode, upload.body).toBe(201);
      this.values.attachments = [[{ fileId: upload.json().id }], []];
      return { actor: user, url, read: () => readJson(t, user, url) };
    },
    values: {
      title: ['高精度光纤光栅温度传感器'],
      abstract: ['面向电力电缆在线测温的光纤光栅传感器，测温精度±0.5℃，已在变电站完成试点运行。'],
      keywords: [['光纤光栅', '测温'], []],
      field: ['electronicInformation'],
      industry: ['optoelectronics', null],
      trl: [8],
      stage: ['early'],
      ipItems: [[{ kind: 'utilityModel', number: 'ZL202220765432.1', title: '一种测温探头' }], []],
      inventors: [['刘洋'], []],
      transferModes: [['equity']],
      priceWan: [300, null],
      attachments: [], // set by setup: a file id of the owner's upload
    },
    follows: { priceWan: ['priceBand'], trl: ['stage'] },
    // Sent as file ids, read back with their display facts (compared in files.test.ts).
    commands: ['attachments'],
  },

  '/api/v1/market/demands/:id': {
    async setup(t) {
      const { user } = await wuhanEnterprise(t);
      const { id } = await created(t, user, '/market/demands', demandInput());
      const url = api(`/market/demands/${id}`);
      return { actor: user, url, read: () => readJson(t, user, url) };
    },
    values: {
      title: ['车规级功率芯片封装散热技术需求'],
      description: [
        '我公司需要提升车规级功率模块封装散热能力，希望与高校院所联合攻关，形成量产工艺。',
      ],
      field: ['newMaterials'],
      industry: ['auto', null],
      budgetWan: [500, null],
      deadline: ['2098-06-30'],
    },
    follows: { budgetWan: ['priceBand'] },
  },

  '/api/v1/rankings/methods/:id': {
    lock: 'revision',
    async setup(t) {
      const actor = await makeUser(t, ['ranking_publisher']);
      const method = await created(t, actor, '/rankings/methods', {
        code: `patch-${process.pid}-${Date.now() % 1e8}`,
        name: '高成长企业评价方法',
        description: '按成长性与创新能力综合评价',
        normalisation: 'minmax',
        indicators: INDICATORS,
      });
      const url = api(`/rankings/methods/${method.id}`);
      return { actor, url, read: () => readJson(t, actor, url) };
    },
    values: {
      name: ['创新活力评价方法'],
      description: ['改过的说明', null],
      normalisation: ['zscore'],
      indicators: [[{ key: 'revenue', label: '营业收入', direction: 'higher', weight: 1 }]],
    },
  },

  '/api/v1/rankings/editions/:id': {
    async setup(t) {
      const actor = await makeUser(t, ['ranking_publisher']);
      const { year } = await makeInputs(t, 2);
      const method = await publishedMethod(t, actor);
      const edition = await draftEdition(t, actor, method.id, year);
      const url = api(`/rankings/editions/${edition.id}`);
      return { actor, url, read: () => readJson(t, actor, url) };
    },
    values: { title: ['改过名字的高成长企业榜'] },
  },

  '/api/v1/orgs/:id/indicators/:year': {
    async setup(t) {
      const { org, user } = await wuhanEnterprise(t);
      const url = api(`/orgs/${org.id}/indicators/2024`);
      const base = { revenue: 3000, mainRevenue: 2800, rdSpend: 200, staff: 100, scienceStaff: 30 };
      const put = await as(t, user, {
        method: 'PUT',
        url,
        payload: { ...base, totalAssets: 5000, version: 0 },
      });
      expect(put.statusCode, put.body).toBe(200);
      const read = async () => {
        const year = await readJson(t, user, url);
        return { ...(year.values as Json), version: year.version, updatedAt: year.updatedAt };
      };
      return { actor: user, url, read };
    },
    always: { note: '更正年报数据' },
    values: {
      values: [{ revenue: 3500 }, { staff: 120, scienceStaff: 40 }, { totalAssets: 6000 }],
    },
    changedKeys: (_field, value) => Object.keys(value as Json),
  },

  '/api/v1/cockpit/kpis/official/:id': {
    async setup(t) {
      const actor = await makeUser(t, ['province_admin'], { regionCode: '420000' });
      const entry = await created(t, actor, '/cockpit/kpis/official', {
        code: 'rd_gdp_ratio',
        value: 3.5,
        asOf: today(),
        source: '湖北省统计局《统计公报》（测试）',
        note: '初值',
      });
      const read = async () => {
        const res = await as(t, actor, { method: 'GET', url: api('/cockpit/kpis/official') });
        const items = res.json().items as Json[];
        const item = items.find((i) => i.id === entry.id);
        expect(item, 'the entry is listed').toBeDefined();
        return item!;
      };
      return { actor, url: api(`/cockpit/kpis/official/${entry.id}`), read };
    },
    values: {
      value: [3.8],
      asOf: ['2025-12-31'],
      source: ['湖北省统计局（更正）'],
      note: ['改过的备注', null],
    },
  },

  '/api/v1/accounts/:id': {
    async setup(t) {
      const actor = await makeUser(t, ['security_admin'], { regionCode: '420000' });
      // An enterprise account of an organisation: it may also be given the account-manager duty.
      const org = await makeOrg(t, { type: 'enterprise' });
      const target = await makeUser(t, ['enterprise'], { orgId: org.id });
      const read = async () => {
        const page = await readJson(t, actor, api(`/accounts?q=${target.username}`));
        const item = (page.items as Json[]).find((a) => a.id === target.me.id);
        expect(item, 'the account is listed').toBeDefined();
        return item!;
      };
      return { actor, url: api(`/accounts/${target.me.id}`), read };
    },
    values: {
      roles: [['ranking_publisher'], ['enterprise']],
      disabled: [true, false],
      unlock: [true],
      email: ['changed@example.test', null],
      orgManager: [true, false],
      // Read only when the change would silence an auditor (accounts.duty.test.ts): not here.
      approval: [{ username: 'someone', password: 'not-read-here' }],
    },
    follows: { unlock: ['lockedUntil'] },
    commands: ['unlock', 'approval'],
  },

  '/api/v1/colleagues/:id': {
    async setup(t) {
      const org = await makeOrg(t, { type: 'enterprise' });
      const actor = await makeUser(t, ['enterprise'], { orgId: org.id, orgManager: true });
      const colleague = await makeUser(t, ['enterprise'], { orgId: org.id });
      const read = async () => {
        const list = await readJson(t, actor, api('/colleagues'));
        const item = (list.items as Json[]).find((a) => a.id === colleague.me.id);
        expect(item, 'the colleague is listed').toBeDefined();
        return item!;
      };
      return { actor, url: api(`/colleagues/${colleague.me.id}`), read };
    },
    values: {
      disabled: [true, false],
      email: ['colleague@example.test', null],
    },
  },

  '/api/v1/parks/:id': {
    async setup(t) {
      const actor = await makeUser(t, ['province_admin'], { regionCode: '420000' });
      const { id } = await created(t, actor, '/parks', parkInput());
      const url = api(`/parks/${id}`);
      return { actor, url, read: () => readJson(t, actor, url) };
    },
    values: {
      name: [uniqueName('光谷咸宁产业园')],
      parties: [
        [
          { cityCode: '420100', role: 'outflow' },
          { cityCode: '420700', role: 'outflow' },
          { cityCode: '421100', role: 'inflow' },
        ],
      ],
      areaKm2: [20, null],
      establishedOn: ['2020-01-01'],
      termEndsOn: ['2045-12-31', null],
      agreementTitle: ['补充协议', null],
      description: ['三方共建', null],
    },
    // the host city is the inflow party
    follows: { parties: ['hostCity'] },
  },

  '/api/v1/parks/:id/phases/:phaseId': {
    async setup(t) {
      const actor = await makeUser(t, ['province_admin'], { regionCode: '420000' });
      const { id } = await created(t, actor, '/parks', parkInput());
      const park = await created(t, actor, `/parks/${id}/phases`, phaseInput());
      const phaseId = (park.phases as Json[])[0]!.id as number;
      const parkUrl = api(`/parks/${id}`);
      const read = async () => {
        const p = await readJson(t, actor, parkUrl);
        return (p.phases as Json[]).find((x) => x.id === phaseId)!;
      };
      return { actor, url: api(`/parks/${id}/phases/${phaseId}`), read };
    },
    values: {
      startsOn: ['2019-06-01'],
      endsOn: ['2023-12-31', null],
      governance: ['entrusted_operator'],
      equity: [
        [
          { cityCode: '420100', percent: 60 },
          { cityCode: '421100', percent: 40 },
        ],
      ],
      rules: [
        [
          {
            item: 'gdp',
            method: 'to_party',
            base: 'gross',
            ratios: [],
            toCity: '421100',
            coalitions: [],
          },
        ],
      ],
      note: ['委托运营', null],
    },
  },

  '/api/v1/parks/:id/figures/:figureId': {
    async setup(t) {
      const actor = await makeUser(t, ['city_admin'], { regionCode: '421100' });
      const { id } = await created(t, actor, '/parks', parkInput());
      await created(t, actor, `/parks/${id}/phases`, phaseInput());
      const figure = await created(t, actor, `/parks/${id}/figures`, {
        year: 2020,
        item: 'vat_local',
        valueWan: 500,
        incentivesWan: 50,
      });
      const listUrl = api(`/parks/${id}/figures`);
      const read = async () =>
        ((await readJson(t, actor, listUrl)).items as Json[]).find((f) => f.id === figure.id)!;
      return { actor, url: api(`/parks/${id}/figures/${figure.id}`), read };
    },
    values: { valueWan: [800], incentivesWan: [60, 0], note: ['统计局核定', null] },
  },
};
