import type { Role } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  login,
  makeOrg,
  makeUser,
  rowVersion,
  type Session,
  TEST_PASSWORD,
  type TestApp,
  uniqueNumber,
} from '../../../test/helpers';

let t: TestApp;
let security: Session;
let orgId: number;

beforeAll(async () => {
  t = await createTestApp();
  security = await makeUser(t, ['security_admin'], { regionCode: '420000' });
  orgId = (await makeOrg(t, { regionCode: '420100' })).id;
});
afterAll(() => t.close());

const uniqueUsername = () =>
  `acc${uniqueNumber().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

function accountBody(overrides: Record<string, unknown> = {}) {
  return {
    username: uniqueUsername(),
    displayName: '账号测试',
    password: TEST_PASSWORD,
    roles: ['broker'],
    regionCode: '420100',
    orgId: null,
    ...overrides,
  };
}

const create = (body: unknown, session: Session = security) =>
  as(t, session, { method: 'POST', url: '/api/v1/accounts', payload: body as object });
/** An administrative change, with the account's current version unless the body names one. */
const patch = async (id: number, body: unknown, session: Session = security) =>
  as(t, session, {
    method: 'PATCH',
    url: `/api/v1/accounts/${id}`,
    payload: { version: await rowVersion(t, 'accounts', id), ...(body as object) },
  });
const loginReq = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const me = (session: Session) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } });

async function stored(username: string) {
  return t.deps.db
    .selectFrom('accounts')
    .selectAll()
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
}

async function denialsBy(actorId: number) {
  const row = await t.deps.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', 'permission.denied')
    .where('actorId', '=', actorId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('account creation', () => {
  it('a security admin creates an account (201), audited; a 64-character password round-trips', async () => {
    const password = `Zz9#${'密码Ab1'.repeat(11)}yY8!x`;
    expect([...password]).toHaveLength(64);
    const body = accountBody({ password, roles: ['enterprise'], orgId });
    const res = await create(body);
    expect(res.statusCode).toBe(201);
    const account = res.json();
    expect(account).toMatchObject({
      username: body.username,
      roles: ['enterprise'],
      regionCode: '420100',
      orgId,
      disabled: false,
      lockedUntil: null,
    });
    expect(account).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(account)).not.toContain(password);

    const row = await stored(body.username);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'account.create')
      .where('objectId', '=', String(account.id))
      .executeTakeFirstOrThrow();
    expect(event.actorId).toBe(security.me.id);
    expect(event.detail).not.toContain(password);

    const signIn = await loginReq(body.username, password);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ id: account.id, roles: ['enterprise'], orgId });
    // the same password cut short is a different password
    expect((await loginReq(body.username, password.slice(0, 63))).statusCode).toBe(401);
  });

  it('a password the administrator set must be changed at first sign-in, before anything else', async () => {
    const body = accountBody({ roles: ['broker'] });
    expect((await create(body)).statusCode).toBe(201);
    const session = await login(t, body.username, TEST_PASSWORD);
    expect(session.me).toMatchObject({ passwordExpired: true, abilities: [] });
    const refused = await as(t, session, { method: 'GET', url: '/api/v1/orgs' });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'auth.password_expired']);
    const changed = await as(t, session, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Own#Broker#Pass9z' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const again = await login(t, body.username, 'Own#Broker#Pass9z');
    expect(again.me.passwordExpired).toBe(false);
    expect((await as(t, again, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
  });

  it('refuses role sets that combine duties (三权分立), writing nothing', async () => {
    const sets: Role[][] = [
      ['city_admin', 'auditor'],
      ['auditor', 'security_admin'],
      ['province_admin', 'enterprise'],
      ['security_admin', 'broker'],
      ['broker', 'broker'],
    ];
    for (const roles of sets) {
      const regionCode = roles.includes('province_admin') ? '420000' : '420100';
      const body = accountBody({ roles, regionCode, orgId });
      const res = await create(body);
      expect(res.statusCode, roles.join('+')).toBe(400);
      expect(res.json().code).toBe('account.roles_invalid');
      // the field problem names the precise reason, in words (not the raw code)
      const code = roles[0] === roles[1] ? 'roles.duplicate' : 'roles.duties_combined';
      const [problem] = res.json().details;
      expect(problem).toMatchObject({ field: 'roles', code });
      expect(problem.reason).toMatch(/角色重复|职责须由不同账号承担/);
      expect(await stored(body.username)).toBeUndefined();
    }
  });

  it('refuses a role bound to the wrong scope or without its organisation', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ roles: ['city_admin'], regionCode: '420000' }, 'regionCode'],
      [{ roles: ['province_admin'], regionCode: '420100' }, 'regionCode'],
      [{ roles: ['enterprise'], orgId: null }, 'orgId'],
      [{ roles: ['university'] }, 'orgId'],
    ];
    for (const [overrides, field] of cases) {
      const body = accountBody(overrides);
      const res = await create(body);
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.json().code).toBe('account.scope_invalid');
      expect(res.json().details).toContainEqual(expect.objectContaining({ field }));
      expect(await stored(body.username)).toBeUndefined();
    }
    const missingOrg = await create(accountBody({ roles: ['enterprise'], orgId: 999_999_999 }));
    expect(missingOrg.statusCode).toBe(400);
  });

  it('refuses a user name already taken, whatever its case (409)', async () => {
    const body = accountBody();
    expect((await create(body)).statusCode).toBe(201);
    for (const username of [body.username, body.username.toUpperCase()]) {
      const res = await create(accountBody({ username }));
      expect(res.statusCode, username).toBe(409);
      expect(res.json().code).toBe('account.username_taken');
    }
  });

  it('enforces the password policy (400 auth.password_policy), writing nothing', async () => {
    for (const password of [
      'Ab1!short',
      'Abcdefgh1!x',
      'abcdefghijkl1234',
      'ABCDEFGHIJKL!!!!',
      'onlyletterslower',
    ]) {
      const body = accountBody({ password });
      const res = await create(body);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().code).toBe('auth.password_policy');
      expect(res.json().details).toContainEqual({
        field: 'password',
        code: 'password.policy',
        reason: '密码至少 12 位，且包含大写字母、小写字母、数字、符号中的至少三类',
      });
      expect(await stored(body.username)).toBeUndefined();
    }
  });

  it('refuses common and guessable passwords that meet the length rule (400 auth.password_common)', async () => {
    const username = uniqueUsername();
    for (const password of [
      'Password@2024',
      'Qwerty123456!',
      'P@ssw0rd1234',
      'Iloveyou2024!',
      `${username[0]!.toUpperCase()}${username.slice(1)}#1`,
    ]) {
      const body = accountBody({ username, password });
      const res = await create(body);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().code, password).toBe('auth.password_common');
      expect(res.json().details).toContainEqual({
        field: 'password',
        code: 'password.common',
        reason: '过于常见或容易被猜到，请换一个',
      });
      expect(await stored(body.username)).toBeUndefined();
    }
    // A changed password is held to the same rule.
    const user = await makeUser(t, ['broker']);
    const change = await as(t, user, {
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Password@2024' },
    });
    expect([change.statusCode, change.json().code]).toEqual([400, 'auth.password_common']);
    expect(change.json().details[0].field).toBe('newPassword');
  });

  it('refuses unknown fields and prototype pollution (400)', async () => {
    const withAdmin = accountBody({ isAdmin: true });
    const res = await create(withAdmin);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
    expect(res.json().details).toContainEqual(
      expect.objectContaining({ field: 'isAdmin', code: 'unknown_field' }),
    );
    expect(await stored(withAdmin.username)).toBeUndefined();

    const proto = accountBody();
    const raw = `${JSON.stringify(proto).slice(0, -1)},"__proto__":{"isAdmin":true,"roles":["security_admin"]}}`;
    const polluted = await as(t, security, {
      method: 'POST',
      url: '/api/v1/accounts',
      payload: raw,
      headers: { 'content-type': 'application/json' },
    });
    expect(polluted.statusCode).toBe(400);
    expect(await stored(proto.username)).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

    const target = (await create(accountBody())).json();
    expect((await patch(target.id, { isAdmin: true })).statusCode).toBe(400);
    const protoPatch = await as(t, security, {
      method: 'PATCH',
      url: `/api/v1/accounts/${target.id}`,
      payload: '{"__proto__":{"roles":["security_admin"]}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(protoPatch.statusCode).toBe(400);
  });
});

describe('account administration', () => {
  it('a security admin can neither change their own roles nor disable themselves', async () => {
    for (const body of [
      { roles: ['auditor'] },
      { roles: ['security_admin', 'broker'] },
      { disabled: true },
    ]) {
      const res = await patch(security.me.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('account.cannot_change_self');
    }
    const self = await me(security);
    expect(self.statusCode).toBe(200);
    expect(self.json().roles).toEqual(['security_admin']);
  });

  it('disabling an account ends its live sessions and blocks sign-in; enabling lets it back in', async () => {
    const user = await makeUser(t, ['broker'], { regionCode: '420100' });
    expect((await me(user)).statusCode).toBe(200);
    const res = await patch(user.me.id, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await me(user)).statusCode).toBe(401);
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('tokenHash')
      .where('accountId', '=', user.me.id)
      .execute();
    expect(sessions).toHaveLength(0);
    const blocked = await loginReq(user.username, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('auth.invalid_credentials');

    expect((await patch(user.me.id, { disabled: false })).json().disabled).toBe(false);
    expect((await loginReq(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('changing roles ends the account’s sessions, so new rights need a new sign-in', async () => {
    const user = await makeUser(t, ['broker'], { regionCode: '420100' });
    const res = await patch(user.me.id, { roles: ['talent'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['talent']);
    expect((await me(user)).statusCode).toBe(401);
  });

  it('unlock clears a lockout', async () => {
    const user = await makeUser(t, ['broker'], { regionCode: '420100' });
    for (let i = 0; i < 5; i++)
      expect((await loginReq(user.username, 'Wrong#Password2026')).statusCode).toBe(401);
    const list = await as(t, security, {
      method: 'GET',
      url: `/api/v1/accounts?q=${user.username}`,
    });
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((a: { id: number }) => a.id === user.me.id);
    expect(Date.parse(listed.lockedUntil)).toBeGreaterThan(Date.now());
    expect((await loginReq(user.username, TEST_PASSWORD)).statusCode).toBe(401);

    const res = await patch(user.me.id, { unlock: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    const row = await stored(user.username);
    expect(row!.lockedUntil).toBeNull();
    expect(row!.failedLogins).toBe(0);
    expect((await loginReq(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a city security admin manages only their city’s accounts', async () => {
    const citySecurity = await makeUser(t, ['security_admin'], { regionCode: '420100' });
    const ezhou = await makeUser(t, ['broker'], { regionCode: '420700' });
    const denied = await patch(ezhou.me.id, { disabled: true }, citySecurity);
    expect(denied.statusCode).toBe(403);
    expect((await me(ezhou)).statusCode).toBe(200);
    const foreign = await create(accountBody({ regionCode: '420700' }), citySecurity);
    expect(foreign.statusCode).toBe(403);
    const list = await as(t, citySecurity, { method: 'GET', url: '/api/v1/accounts?pageSize=100' });
    expect(list.json().items.every((a: { regionCode: string }) => a.regionCode === '420100')).toBe(
      true,
    );
  });
});

describe('account routes are for the security admin only', () => {
  it('every other role gets 403 on GET/POST/PATCH, each refusal audited, nothing written', async () => {
    const target = await makeUser(t, ['broker'], { regionCode: '420100' });
    const others: [string, Session][] = [
      ['province_admin', await makeUser(t, ['province_admin'], { regionCode: '420000' })],
      ['city_admin', await makeUser(t, ['city_admin'], { regionCode: '420100' })],
      ['auditor', await makeUser(t, ['auditor'], { regionCode: '420000' })],
      ['enterprise', await makeUser(t, ['enterprise'], { regionCode: '420100', orgId })],
    ];
    for (const [role, session] of others) {
      const body = accountBody({ roles: ['security_admin'], regionCode: '420000' });
      const answers = [
        await as(t, session, { method: 'GET', url: '/api/v1/accounts' }),
        await create(body, session),
        await patch(target.me.id, { disabled: true }, session),
        await patch(session.me.id, { roles: ['security_admin'] }, session),
      ];
      for (const res of answers) {
        expect(res.statusCode, role).toBe(403);
        expect(res.json().code).toBe('permission.denied');
      }
      expect(await denialsBy(session.me.id), role).toBe(answers.length);
      expect(await stored(body.username)).toBeUndefined();
      expect((await me(session)).json().roles).toEqual([role]);
    }
    expect((await me(target)).statusCode).toBe(200);
  });

  it('anonymous callers get 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/accounts' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.required');
  });
});
