import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { achievementInput } from './market.fixtures';
import { listAchievementsForOrg, setAchievementStatus } from './market.service';

let t: TestApp;
let owner: Session;
let colleague: Session;
let otherOrgUser: Session;
let wuhanAdmin: Session;
let ezhouAdmin: Session;
let province: Session;
let broker: Session;
let ownOrgId: number;

beforeAll(async () => {
  t = await createTestApp();
  const own = await makeOrg(t, { regionCode: '420100', type: 'university' });
  const other = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  ownOrgId = own.id;
  owner = await makeUser(t, ['university'], { regionCode: '420100', orgId: own.id });
  colleague = await makeUser(t, ['university'], { regionCode: '420100', orgId: own.id });
  otherOrgUser = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: other.id });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  ezhouAdmin = await makeUser(t, ['city_admin'], { regionCode: '420700' });
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  broker = await makeUser(t, ['broker'], { regionCode: '420700' });
});
afterAll(() => t.close());

const url = (id: number, step = '') => `/api/v1/market/achievements/${id}${step}`;

async function create(session = owner, overrides = {}) {
  const res = await as(t, session, {
    method: 'POST',
    url: '/api/v1/market/achievements',
    payload: achievementInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function step(session: Session, id: number, name: string, body: Record<string, unknown>) {
  return as(t, session, { method: 'POST', url: url(id, `/${name}`), payload: body });
}

/** Draft → published, returning the published record. */
async function published(overrides = {}) {
  const a = await create(owner, overrides);
  const s = await step(owner, a.id, 'submit', { version: 1 });
  const r = await step(wuhanAdmin, a.id, 'review', { version: 2, decision: 'approve' });
  expect(r.statusCode, r.body).toBe(200);
  const p = await step(owner, a.id, 'publish', { version: 3 });
  expect([s.statusCode, p.statusCode]).toEqual([200, 200]);
  return p.json();
}

async function ownCount() {
  const row = await t.deps.db
    .selectFrom('marketAchievements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('orgId', '=', ownOrgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('achievements: create and edit', () => {
  it('an organisation user creates a draft for their organisation, audited without names', async () => {
    const before = await countAudit(t, { action: 'market.achievement.create', actor: owner });
    const a = await create();
    expect(a).toMatchObject({
      org: { id: ownOrgId },
      regionCode: '420100',
      status: 'draft',
      stage: 'middle', // TRL 6 → 中期 when no stage is given
      priceBand: '100to500',
      version: 1,
      showcase: false,
      abilities: { update: true, submit: true, review: false, publish: false },
    });
    expect(await countAudit(t, { action: 'market.achievement.create', actor: owner })).toBe(
      before + 1,
    );
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('action', '=', 'market.achievement.create')
      .where('objectId', '=', String(a.id))
      .executeTakeFirstOrThrow();
    expect(event.detail).not.toContain('张伟');
    expect(event.detail).toContain('hmac-sm3:');
  });

  it('edits a draft with the version read; a stale version is 409', async () => {
    const a = await create();
    const ok = await as(t, colleague, {
      method: 'PATCH',
      url: url(a.id),
      payload: { priceWan: null, trl: 8, version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      priceWan: null,
      priceBand: 'negotiable',
      trl: 8,
      stage: 'mature',
      version: 2,
    });
    const stale = await as(t, owner, {
      method: 'PATCH',
      url: url(a.id),
      payload: { trl: 5, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('market.version_conflict');
  });

  it('refuses bad values with the field and reason, writing nothing', async () => {
    const before = await ownCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ trl: 0 }, 'trl', 'trl.range'],
      [{ trl: 10 }, 'trl', 'trl.range'],
      [{ trl: 6.5 }, 'trl', 'trl.invalid'],
      [{ priceWan: -1 }, 'priceWan', 'amount.negative'],
      [{ priceWan: 1.234 }, 'priceWan', 'amount.decimals'],
      [{ priceWan: '12' }, 'priceWan', 'amount.invalid'],
      [{ field: 'alchemy' }, 'field', 'field.invalid'],
      [{ transferModes: [] }, 'transferModes', 'modes.required'],
      [{ transferModes: ['license', 'license'] }, 'transferModes', 'modes.duplicate'],
      [{ title: '<script>x</script>' }, 'title', 'text.markup'],
      [{ ownerOrgId: 1 }, 'ownerOrgId', 'unknown_field'],
      [{ attachments: [{ fileId: 0 }] }, 'attachments.0.fileId', 'too_small'],
      [{ attachments: [{ name: 'a.pdf' }] }, 'attachments.0.name', 'unknown_field'],
      [{ attachments: [{ fileId: 7 }, { fileId: 7 }] }, 'attachments', 'file.duplicate'],
      [{ attachments: [{ fileId: 99_999_999 }] }, 'attachments.0.fileId', 'file.not_yours'],
    ];
    for (const [patch, field, code] of cases) {
      const res = await as(t, owner, {
        method: 'POST',
        url: '/api/v1/market/achievements',
        payload: { ...achievementInput(), ...patch },
      });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().details).toContainEqual(expect.objectContaining({ field, code }));
    }
    const a = await create();
    // Attachments are uploads (files.test.ts); none filed here.
    expect(a.attachments).toEqual([]);
    const bad = await as(t, owner, {
      method: 'PATCH',
      url: url(a.id),
      payload: { trl: 10, version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(await ownCount()).toBe(before + 1);
    const row = await t.deps.db
      .selectFrom('marketAchievements')
      .select(['trl', 'version'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ trl: 6, version: 1 });
  });

  it('only organisation users of an enterprise, university or institute may create', async () => {
    const incubator = await makeOrg(t, { regionCode: '420100', type: 'incubator' });
    const incubatorUser = await makeUser(t, ['enterprise'], {
      regionCode: '420100',
      orgId: incubator.id,
    });
    const loner = await makeUser(t, ['enterprise'], { regionCode: '420100' });
    for (const s of [incubatorUser, loner, broker, wuhanAdmin]) {
      const res = await as(t, s, {
        method: 'POST',
        url: '/api/v1/market/achievements',
        payload: achievementInput(),
      });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('achievements: who sees what', () => {
  it('another organisation’s draft is 404 (not 403): it does not exist for them', async () => {
    const a = await create();
    for (const s of [otherOrgUser, broker, ezhouAdmin]) {
      const res = await as(t, s, { method: 'GET', url: url(a.id) });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('market.achievement_not_found');
    }
    const edit = await as(t, otherOrgUser, {
      method: 'PATCH',
      url: url(a.id),
      payload: { trl: 3, version: 1 },
    });
    expect(edit.statusCode).toBe(404);
    for (const s of [owner, colleague, wuhanAdmin, province]) {
      expect((await as(t, s, { method: 'GET', url: url(a.id) })).statusCode).toBe(200);
    }
  });

  it('another city’s admin may not curate: 403, audited', async () => {
    const a = await create();
    await step(owner, a.id, 'submit', { version: 1 });
    const before = await countAudit(t, { action: 'permission.denied' });
    const res = await step(ezhouAdmin, a.id, 'review', { version: 2, decision: 'approve' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('permission.denied');
    expect(await countAudit(t, { action: 'permission.denied' })).toBeGreaterThan(before);
    const row = await t.deps.db
      .selectFrom('marketAchievements')
      .select('status')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
    // The province admin acts in every city.
    expect(
      (await step(province, a.id, 'review', { version: 2, decision: 'approve' })).statusCode,
    ).toBe(200);
  });

  it('published achievements are visible to brokers and investors; withdrawn ones are not', async () => {
    const a = await published();
    const seen = await as(t, broker, { method: 'GET', url: url(a.id) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toMatchObject({ update: false, withdraw: false, feature: false });
    const w = await step(owner, a.id, 'withdraw', { version: a.version });
    expect(w.json().status).toBe('withdrawn');
    expect((await as(t, broker, { method: 'GET', url: url(a.id) })).statusCode).toBe(404);
  });

  it('lists: own organisation (mine) and an official’s city queue', async () => {
    const a = await create();
    await step(owner, a.id, 'submit', { version: 1 });
    const mine = await as(t, owner, {
      method: 'GET',
      url: '/api/v1/market/achievements?scope=mine&pageSize=100',
    });
    expect(mine.json().items.every((x: { org: { id: number } }) => x.org.id === ownOrgId)).toBe(
      true,
    );
    const queue = await as(t, wuhanAdmin, {
      method: 'GET',
      url: '/api/v1/market/achievements?scope=city&status=submitted&pageSize=100',
    });
    expect(queue.json().items.map((x: { id: number }) => x.id)).toContain(a.id);
    const other = await as(t, ezhouAdmin, {
      method: 'GET',
      url: '/api/v1/market/achievements?scope=city&city=420100',
    });
    expect(other.statusCode).toBe(403);
    expect(
      (await as(t, broker, { method: 'GET', url: '/api/v1/market/achievements?scope=city' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await as(t, broker, { method: 'GET', url: '/api/v1/market/achievements?scope=mine' })).json()
        .total,
    ).toBe(0);
  });
});

describe('achievements: workflow', () => {
  it('draft → submitted → curated → published → featured → withdrawn, each step audited', async () => {
    const a = await published({ title: '高功率半导体激光器芯片外延生长技术' });
    expect(a).toMatchObject({ status: 'published', version: 4 });
    expect(a.publishedAt).toBeTruthy();
    const f = await step(wuhanAdmin, a.id, 'showcase', { version: 4, featured: true });
    expect(f.statusCode, f.body).toBe(200);
    const show = await t.app.inject({ method: 'GET', url: `/api/v1/market/showcase/${a.id}` });
    expect(show.statusCode).toBe(200);
    expect(show.json()).not.toHaveProperty('inventors');
    for (const action of ['submit', 'review', 'publish', 'feature']) {
      expect(
        await countAudit(t, { action: `market.achievement.${action}`, objectId: String(a.id) }),
      ).toBe(1);
    }
    await step(owner, a.id, 'withdraw', { version: 5 });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/market/showcase/${a.id}` })).statusCode,
    ).toBe(404);
  });

  it('illegal transitions are 409 and change nothing', async () => {
    const a = await create();
    const cases: [Session, string, Record<string, unknown>][] = [
      [owner, 'publish', { version: 1 }],
      [wuhanAdmin, 'review', { version: 1, decision: 'approve' }],
      [wuhanAdmin, 'showcase', { version: 1, featured: true }],
    ];
    for (const [s, name, body] of cases) {
      const res = await step(s, a.id, name, body);
      expect(res.statusCode, name).toBe(409);
    }
    await step(owner, a.id, 'submit', { version: 1 });
    expect((await step(owner, a.id, 'submit', { version: 2 })).json().code).toBe(
      'market.illegal_transition',
    );
    const edit = await as(t, owner, {
      method: 'PATCH',
      url: url(a.id),
      payload: { trl: 3, version: 2 },
    });
    expect(edit.json().code).toBe('market.not_editable');
    const stale = await step(wuhanAdmin, a.id, 'review', { version: 1, decision: 'approve' });
    expect(stale.json().code).toBe('market.version_conflict');
    const row = await t.deps.db
      .selectFrom('marketAchievements')
      .select(['status', 'version'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', version: 2 });
  });

  it('a reviewer returns a submission to the owner with a note (a note is required)', async () => {
    const a = await create();
    await step(owner, a.id, 'submit', { version: 1 });
    const noNote = await step(wuhanAdmin, a.id, 'review', { version: 2, decision: 'return' });
    expect(noNote.statusCode).toBe(400);
    const back = await step(wuhanAdmin, a.id, 'review', {
      version: 2,
      decision: 'return',
      note: '请补充知识产权信息',
    });
    expect(back.json()).toMatchObject({ status: 'draft', reviewNote: '请补充知识产权信息' });
    expect(
      (await as(t, owner, { method: 'PATCH', url: url(a.id), payload: { trl: 7, version: 3 } }))
        .statusCode,
    ).toBe(200);
  });

  it('the deals module moves listed achievements through negotiation by service call', async () => {
    const a = await published();
    const ctx = {
      deps: t.deps,
      actor: null,
      ip: null,
      locale: 'zh-CN' as const,
      requestId: 'test',
    };
    expect((await setAchievementStatus(ctx, a.id, 'in_negotiation')).status).toBe('in_negotiation');
    expect((await setAchievementStatus(ctx, a.id, 'transacted')).status).toBe('transacted');
    await expect(setAchievementStatus(ctx, a.id, 'published')).rejects.toMatchObject({
      code: 'market.illegal_transition',
    });
    const draft = await create();
    await expect(setAchievementStatus(ctx, draft.id, 'in_negotiation')).rejects.toMatchObject({
      code: 'market.illegal_transition',
    });
    const brokerCtx = {
      ...ctx,
      actor: { ...broker.me, roles: broker.me.roles, sessionHash: '', csrfToken: '' },
    } as never;
    const visible = await listAchievementsForOrg(brokerCtx, ownOrgId);
    expect(visible.map((x) => x.id)).toContain(a.id);
    expect(visible.map((x) => x.id)).not.toContain(draft.id);
  });
});

describe('demands', () => {
  const durl = (id: number, s = '') => `/api/v1/market/demands/${id}${s}`;

  it('draft → published as an open call (public) → closed; other org’s draft is 404', async () => {
    const res = await as(t, otherOrgUser, {
      method: 'POST',
      url: '/api/v1/market/demands',
      payload: {
        title: '精密减速器国产化替代技术需求',
        description:
          '公司计划开展精密减速器国产化替代，寻求具备批量生产能力的合作方，要求技术成熟度不低于7级。',
        field: 'advancedManufacturing',
        industry: 'equipment',
        budgetWan: 300,
        deadline: '2099-06-30',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect((await as(t, owner, { method: 'GET', url: durl(d.id) })).statusCode).toBe(404);
    const p = await as(t, otherOrgUser, {
      method: 'POST',
      url: durl(d.id, '/publish'),
      payload: { version: 1, openCall: true },
    });
    expect(p.json()).toMatchObject({ status: 'published', openCall: true });
    expect((await as(t, broker, { method: 'GET', url: durl(d.id) })).statusCode).toBe(200);
    const calls = await t.app.inject({
      method: 'GET',
      url: '/api/v1/market/open-calls?pageSize=100',
    });
    expect(calls.json().items.map((x: { id: number }) => x.id)).toContain(d.id);
    const c = await as(t, otherOrgUser, {
      method: 'POST',
      url: durl(d.id, '/close'),
      payload: { version: 2 },
    });
    expect(c.json().status).toBe('closed');
    expect(
      (
        await as(t, otherOrgUser, {
          method: 'POST',
          url: durl(d.id, '/publish'),
          payload: { version: 3 },
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a demand whose deadline has passed cannot be published; bad budgets are 400', async () => {
    const res = await as(t, owner, {
      method: 'POST',
      url: '/api/v1/market/demands',
      payload: {
        title: '过期的技术需求示例',
        description: '这是一个截止日期已经过去的技术需求，用于检查发布时的日期规则。',
        field: 'newMaterials',
        budgetWan: null,
        deadline: '2020-01-01',
      },
    });
    expect(res.statusCode).toBe(201);
    const p = await as(t, owner, {
      method: 'POST',
      url: durl(res.json().id, '/publish'),
      payload: { version: 1 },
    });
    expect(p.json().code).toBe('market.deadline_passed');
    const neg = await as(t, owner, {
      method: 'POST',
      url: '/api/v1/market/demands',
      payload: {
        title: '预算为负的技术需求',
        description: '预算为负数的技术需求不应当被接受，接口应当给出明确的原因。',
        field: 'newMaterials',
        budgetWan: -5,
        deadline: '2099-01-01',
      },
    });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().details).toContainEqual(
      expect.objectContaining({ field: 'budgetWan', code: 'amount.negative' }),
    );
  });
});
