import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  login,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
  uniqueCreditCode,
  uniqueName,
  uniqueNumber,
} from '../../../test/helpers';
import { mailsTo, uniqueEmail } from './accounts.mail.test-helpers';

/**
 * Enterprise self-registration (issue 10 item 13), through the API: the applicant applies with
 * the credit code and a password, the city admin of the organisation's city approves (the
 * organisation and its account manager are made) or rejects with a reason, the applicant is
 * told by e-mail; the manager then adds and disables colleagues.
 */
let t: TestApp;
let wuhanAdmin: Session;
let ezhouAdmin: Session;
beforeAll(async () => {
  t = await createTestApp();
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  ezhouAdmin = await makeUser(t, ['city_admin'], { regionCode: '420700' });
});
afterAll(() => t.close());

const PASSWORD = 'Registered#Lotus2026';

function application(overrides: Record<string, unknown> = {}) {
  const n = uniqueNumber().toString(36);
  return {
    creditCode: uniqueCreditCode('420100'),
    orgName: uniqueName('自助注册'),
    regionCode: '420100',
    industry: 'optoelectronics',
    address: '武汉市东湖高新区高新大道 999 号',
    username: `reg${n}`,
    displayName: '林晓峰',
    email: uniqueEmail(),
    phone: '13912345678',
    password: PASSWORD,
    ...overrides,
  };
}

const apply = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });

async function pendingFor(admin: Session, username: string) {
  const res = await as(t, admin, {
    method: 'GET',
    url: '/api/v1/registrations?status=pending&pageSize=100',
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: number; username: string; version: number }[]).find(
    (r) => r.username === username,
  );
}

describe('self-registration decided by the city', () => {
  it('a new organisation: applied, approved by its city, its manager signs in with the chosen password', async () => {
    const body = application();
    const res = await apply(body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'pending' });
    // The password cannot sign in before approval.
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: body.username, password: PASSWORD },
    });
    expect(early.statusCode).toBe(401);

    // Another city does not see it, and cannot decide it.
    expect(await pendingFor(ezhouAdmin, body.username)).toBeUndefined();
    const item = await pendingFor(wuhanAdmin, body.username);
    expect(item).toMatchObject({ directoryOrg: null, orgName: body.orgName, regionCode: '420100' });
    const foreign = await as(t, ezhouAdmin, {
      method: 'POST',
      url: `/api/v1/registrations/${item!.id}/approve`,
      payload: { version: item!.version },
    });
    expect(foreign.statusCode).toBe(404);

    const approved = await as(t, wuhanAdmin, {
      method: 'POST',
      url: `/api/v1/registrations/${item!.id}/approve`,
      payload: { version: item!.version },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedByName: '测试用户' });
    const accountId = approved.json().accountId as number;
    expect(
      await countAudit(t, { action: 'registration.approve', objectId: String(item!.id) }),
    ).toBe(1);

    // The organisation is in the directory now, and the account is its manager.
    const manager = await login(t, body.username, PASSWORD);
    expect(manager.me).toMatchObject({
      id: accountId,
      roles: ['enterprise'],
      orgName: body.orgName,
    });
    expect(manager.me.passwordExpired).toBe(false);
    expect(manager.me.abilities).toContain('accounts.colleagues');
    const org = await as(t, manager, { method: 'GET', url: `/api/v1/orgs/${manager.me.orgId}` });
    expect(org.json()).toMatchObject({
      creditCode: body.creditCode,
      type: 'enterprise',
      regionCode: '420100',
    });
    // The password hash left the application.
    const stored = await t.deps.db
      .selectFrom('registrations')
      .select('passwordHash')
      .where('id', '=', item!.id)
      .executeTakeFirstOrThrow();
    expect(stored.passwordHash).toBeNull();

    const [mail] = await mailsTo(t, body.email);
    expect(mail?.text).toContain(body.username);
    expect(mail?.text).toContain('已通过审核');
    expect(mail?.text).toContain('/login');

    // Decided once.
    const twice = await as(t, wuhanAdmin, {
      method: 'POST',
      url: `/api/v1/registrations/${item!.id}/approve`,
      payload: { version: approved.json().version },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('a directory organisation: the application links to it and its own city decides', async () => {
    const org = await makeOrg(t, { regionCode: '420700', type: 'enterprise' });
    // The applicant names another city; the directory's city (Ezhou) is the one that decides.
    const body = application({ creditCode: org.creditCode, regionCode: '420100' });
    expect((await apply(body)).statusCode).toBe(201);
    expect(await pendingFor(wuhanAdmin, body.username)).toBeUndefined();
    const item = await pendingFor(ezhouAdmin, body.username);
    expect(item).toMatchObject({
      directoryOrg: { id: org.id, name: org.name },
      regionCode: '420700',
    });
    const ok = await as(t, ezhouAdmin, {
      method: 'POST',
      url: `/api/v1/registrations/${item!.id}/approve`,
      payload: { version: item!.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const manager = await login(t, body.username, PASSWORD);
    expect(manager.me.orgId).toBe(org.id);

    // The organisation has its manager now: a second applicant is sent to them.
    const again = await apply(application({ creditCode: org.creditCode }));
    expect([again.statusCode, again.json().code]).toEqual([409, 'registration.org_has_accounts']);
  });

  it('rejected with a reason the applicant reads in the e-mail; nothing is made', async () => {
    const body = application();
    expect((await apply(body)).statusCode).toBe(201);
    const item = await pendingFor(wuhanAdmin, body.username);
    const noReason = await as(t, wuhanAdmin, {
      method: 'POST',
      url: `/api/v1/registrations/${item!.id}/reject`,
      payload: { version: item!.version, reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await as(t, wuhanAdmin, {
      method: 'POST',
      url: `/api/v1/registrations/${item!.id}/reject`,
      payload: { version: item!.version, reason: '营业执照名称与填报名称不一致' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rejected',
      reason: '营业执照名称与填报名称不一致',
    });
    const [mail] = await mailsTo(t, body.email);
    expect(mail?.text).toContain('营业执照名称与填报名称不一致');
    const account = await t.deps.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', body.username)
      .executeTakeFirst();
    expect(account).toBeUndefined();
    const org = await t.deps.db
      .selectFrom('orgs')
      .select('id')
      .where('creditCode', '=', body.creditCode)
      .executeTakeFirst();
    expect(org).toBeUndefined();
    // A corrected application may follow.
    expect((await apply({ ...body, orgName: uniqueName('更正') })).statusCode).toBe(201);
  });

  it('refuses a bad credit code, a weak password, a taken name and a second open application', async () => {
    const bad = await apply(application({ creditCode: '91420100MA4K1234X9' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('creditCode');
    const weak = await apply(application({ password: 'Password1234' }));
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0]).toMatchObject({ field: 'password' });
    const taken = await apply(application({ username: wuhanAdmin.username }));
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'account.username_taken']);
    const first = application();
    expect((await apply(first)).statusCode).toBe(201);
    const sameCode = await apply(application({ creditCode: first.creditCode }));
    expect([sameCode.statusCode, sameCode.json().code]).toEqual([
      409,
      'registration.pending_exists',
    ]);
    const sameName = await apply(application({ username: first.username }));
    expect(sameName.json().code).toBe('registration.pending_exists');
    const university = await makeOrg(t, { type: 'university' });
    const notEnterprise = await apply(application({ creditCode: university.creditCode }));
    expect(notEnterprise.json().details[0]).toMatchObject({
      field: 'creditCode',
      code: 'credit_code.not_enterprise',
    });
    // Only the city decides: an enterprise user or the province cannot list applications.
    const province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
    expect(
      (await as(t, province, { method: 'GET', url: '/api/v1/registrations' })).statusCode,
    ).toBe(403);
  });

  it('tells the city admins of a new application in their inbox', async () => {
    const admin = await makeUser(t, ['city_admin'], { regionCode: '421200' });
    const body = application({ regionCode: '421200', creditCode: uniqueCreditCode('421200') });
    expect((await apply(body)).statusCode).toBe(201);
    const inbox = await as(t, admin, { method: 'GET', url: '/api/v1/notifications' });
    const note = (inbox.json().items as { type: string; params: Record<string, string> }[]).find(
      (n) => n.params.creditCode === body.creditCode,
    );
    expect(note).toMatchObject({
      type: 'registration_submitted',
      params: { orgName: body.orgName },
    });
  });
});

describe("the organisation's account manager", () => {
  async function managerOf() {
    const org = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
    const manager = await makeUser(t, ['enterprise'], {
      orgId: org.id,
      regionCode: '420100',
      orgManager: true,
    });
    return { org, manager };
  }

  it('adds a colleague, who must change the first password, and disables them', async () => {
    const { org, manager } = await managerOf();
    const username = `col${uniqueNumber().toString(36)}`;
    const created = await as(t, manager, {
      method: 'POST',
      url: '/api/v1/colleagues',
      payload: {
        username,
        displayName: '周雨桐',
        email: uniqueEmail(),
        password: 'Colleague#Start2026',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      username,
      orgManager: false,
      passwordSetByOther: true,
      disabled: false,
    });
    const colleague = await login(t, username, 'Colleague#Start2026');
    expect(colleague.me).toMatchObject({
      roles: ['enterprise'],
      orgId: org.id,
      passwordExpired: true,
    });
    expect(colleague.me.abilities).toEqual([]);

    const list = await as(t, manager, { method: 'GET', url: '/api/v1/colleagues' });
    expect((list.json().items as { username: string }[]).map((c) => c.username)).toEqual([
      manager.username,
      username,
    ]);

    // A colleague is no manager: the list is closed to them.
    expect((await as(t, colleague, { method: 'GET', url: '/api/v1/colleagues' })).statusCode).toBe(
      403,
    );

    const disabled = await as(t, manager, {
      method: 'PATCH',
      url: `/api/v1/colleagues/${created.json().id}`,
      payload: { disabled: true, version: created.json().version },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().disabled).toBe(true);
    expect((await as(t, colleague, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(
      401,
    );
    expect(
      await countAudit(t, { action: 'account.update', objectId: String(created.json().id) }),
    ).toBe(1);
  });

  it('gives the enterprise role of its own organisation only, and reaches no other organisation', async () => {
    const { manager } = await managerOf();
    const withRoles = await as(t, manager, {
      method: 'POST',
      url: '/api/v1/colleagues',
      payload: {
        username: `col${uniqueNumber().toString(36)}`,
        displayName: '钱多多',
        password: 'Colleague#Start2026',
        roles: ['city_admin'],
      },
    });
    expect(withRoles.statusCode).toBe(400);
    expect(withRoles.json().details[0].field).toBe('roles');

    const other = await managerOf();
    const stranger = await as(t, manager, {
      method: 'PATCH',
      url: `/api/v1/colleagues/${other.manager.me.id}`,
      payload: { disabled: true, version: 1 },
    });
    expect(stranger.statusCode).toBe(404);
    const self = await as(t, manager, {
      method: 'PATCH',
      url: `/api/v1/colleagues/${manager.me.id}`,
      payload: { disabled: true, version: 1 },
    });
    expect(self.json().code).toBe('account.cannot_change_self');

    // An enterprise user without the duty adds nobody.
    const plain = await makeUser(t, ['enterprise'], { orgId: other.org.id, regionCode: '420100' });
    const refused = await as(t, plain, {
      method: 'POST',
      url: '/api/v1/colleagues',
      payload: {
        username: `col${uniqueNumber().toString(36)}`,
        displayName: '钱多多',
        password: 'Colleague#Start2026',
      },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('the security admin gives or takes the duty, only to an enterprise account of an organisation', async () => {
    const security = await makeUser(t, ['security_admin'], { regionCode: '420000' });
    const org = await makeOrg(t, { type: 'enterprise' });
    const user = await makeUser(t, ['enterprise'], { orgId: org.id });
    const talent = await makeUser(t, ['talent']);
    const give = await as(t, security, {
      method: 'PATCH',
      url: `/api/v1/accounts/${user.me.id}`,
      payload: { orgManager: true, version: 1 },
    });
    expect(give.statusCode, give.body).toBe(200);
    expect(give.json().orgManager).toBe(true);
    expect((await as(t, user, { method: 'GET', url: '/api/v1/colleagues' })).statusCode).toBe(200);
    const wrong = await as(t, security, {
      method: 'PATCH',
      url: `/api/v1/accounts/${talent.me.id}`,
      payload: { orgManager: true, version: 1 },
    });
    expect(wrong.json().code).toBe('account.org_manager_invalid');
  });
});
