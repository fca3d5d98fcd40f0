import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  login,
  makeOrg,
  makeUser,
  rowVersion,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import { currentCode } from '../../core/auth/mfa';

// Production's setting: the three duties must sign in with a second factor.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ MFA_PRIVILEGED: 'required' });
});
afterAll(() => t.close());

const signIn = (username: string, otp?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: TEST_PASSWORD, ...(otp ? { otp } : {}) },
  });

/** Enrols the session's account and returns its secret. */
async function enrol(s: Session): Promise<string> {
  const setup = await as(t, s, { method: 'POST', url: '/api/v1/auth/mfa/setup', payload: {} });
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret, uri } = setup.json();
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const ok = await as(t, s, {
    method: 'POST',
    url: '/api/v1/auth/mfa/enable',
    payload: { otp: currentCode(secret) },
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return secret;
}

describe('second factor for privileged accounts (AUTH-07)', () => {
  it('a city admin must enrol before anything else, then signs in with single-use codes', async () => {
    const admin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
    expect(admin.me).toMatchObject({ mfaSetupRequired: true, mfaEnabled: false, abilities: [] });
    const refused = await as(t, admin, { method: 'GET', url: '/api/v1/orgs' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.mfa_setup_required');

    const setup = await as(t, admin, {
      method: 'POST',
      url: '/api/v1/auth/mfa/setup',
      payload: {},
    });
    const { secret } = setup.json();
    const wrong = currentCode(secret) === '000000' ? '111111' : '000000';
    const bad = await as(t, admin, {
      method: 'POST',
      url: '/api/v1/auth/mfa/enable',
      payload: { otp: wrong },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('auth.otp_invalid');
    const enrolCode = currentCode(secret);
    const ok = await as(t, admin, {
      method: 'POST',
      url: '/api/v1/auth/mfa/enable',
      payload: { otp: enrolCode },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await as(t, admin, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
    expect(await countAudit(t, { action: 'auth.mfa_enable', objectId: String(admin.me.id) })).toBe(
      1,
    );

    // Without a code, with a wrong one, or with the code already used: the same refusal.
    for (const otp of [undefined, wrong, enrolCode]) {
      const res = await signIn(admin.username, otp);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.invalid_credentials');
    }
    const next = currentCode(secret, Date.now() + 30_000);
    const good = await signIn(admin.username, next);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ mfaEnabled: true, mfaSetupRequired: false });
    // A code signs in once.
    expect((await signIn(admin.username, next)).statusCode).toBe(401);
  });

  it('five bad codes lock the account like five bad passwords', async () => {
    const auditor = await makeUser(t, ['auditor']);
    const secret = await enrol(auditor);
    const wrong = currentCode(secret) === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++)
      expect((await signIn(auditor.username, wrong)).statusCode).toBe(401);
    const locked = await signIn(auditor.username, currentCode(secret, Date.now() + 30_000));
    expect(locked.statusCode).toBe(401);
  });

  it('a security administrator resets a lost second factor; the user enrols again', async () => {
    const security = await makeUser(t, ['security_admin']);
    await enrol(security);
    const admin = await makeUser(t, ['province_admin'], { regionCode: '420000' });
    await enrol(admin);
    const reset = await as(t, security, {
      method: 'POST',
      url: `/api/v1/accounts/${admin.me.id}/mfa/reset`,
      payload: { version: await rowVersion(t, 'accounts', admin.me.id) },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().mfaEnabled).toBe(false);
    // Its sessions ended; signing in with the password alone leads to enrolment again.
    expect((await as(t, admin, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const again = await login(t, admin.username, TEST_PASSWORD);
    expect(again.me.mfaSetupRequired).toBe(true);
    expect(
      await countAudit(t, { action: 'account.mfa_reset', objectId: String(admin.me.id) }),
    ).toBe(1);
  });

  it('other roles may enrol but need not; enrolled, they sign in with codes too', async () => {
    const org = await makeOrg(t);
    const user = await makeUser(t, ['enterprise'], { orgId: org.id });
    expect(user.me).toMatchObject({ mfaSetupRequired: false });
    expect((await as(t, user, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
    const secret = await enrol(user);
    expect((await signIn(user.username)).statusCode).toBe(401);
    expect((await signIn(user.username, currentCode(secret, Date.now() + 30_000))).statusCode).toBe(
      200,
    );
  });

  it('a factor in use is replaced only with the password and a current code, not by a session alone', async () => {
    const org = await makeOrg(t);
    const user = await makeUser(t, ['enterprise'], { orgId: org.id });
    const secret = await enrol(user);
    const setup = (payload: object) =>
      as(t, user, { method: 'POST', url: '/api/v1/auth/mfa/setup', payload });
    const bare = await setup({});
    expect([bare.statusCode, bare.json().code]).toEqual([400, 'auth.reauth_required']);
    expect(bare.json().details.map((d: { field: string }) => d.field)).toEqual([
      'currentPassword',
      'otp',
    ]);
    const next = currentCode(secret, Date.now() + 30_000);
    const wrongPassword = await setup({ currentPassword: 'Not#ThePassword9', otp: next });
    expect([wrongPassword.statusCode, wrongPassword.json().code]).toEqual([
      403,
      'auth.reauth_failed',
    ]);
    // Nothing was replaced: no pending secret, and the refusal counts towards the lockout.
    const row = await t.deps.db
      .selectFrom('accounts')
      .select(['mfaPendingSecret', 'failedLogins'])
      .where('id', '=', user.me.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ mfaPendingSecret: null, failedLogins: 1 });

    const proved = await setup({ currentPassword: TEST_PASSWORD, otp: next });
    expect(proved.statusCode, proved.body).toBe(200);
    const fresh = proved.json().secret as string;
    expect(fresh).not.toBe(secret);
    const enabled = await as(t, user, {
      method: 'POST',
      url: '/api/v1/auth/mfa/enable',
      payload: { otp: currentCode(fresh) },
    });
    expect(enabled.statusCode, enabled.body).toBe(200);
    // The new phone signs in; the old one no longer does (its next code would be in the window).
    expect((await signIn(user.username, currentCode(secret, Date.now() + 30_000))).statusCode).toBe(
      401,
    );
    expect((await signIn(user.username, currentCode(fresh, Date.now() + 30_000))).statusCode).toBe(
      200,
    );
  });

  it('refuses codes that are not six digits with 400, and enabling before set-up with 409', async () => {
    const org = await makeOrg(t);
    const user = await makeUser(t, ['enterprise'], { orgId: org.id });
    for (const otp of ['12345', '1234567', 'abcdef', '12 456'])
      expect(
        (await as(t, user, { method: 'POST', url: '/api/v1/auth/mfa/enable', payload: { otp } }))
          .statusCode,
      ).toBe(400);
    const early = await as(t, user, {
      method: 'POST',
      url: '/api/v1/auth/mfa/enable',
      payload: { otp: '123456' },
    });
    expect(early.statusCode).toBe(409);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD, otp: '12ab56' },
    });
    expect(res.statusCode).toBe(400);
  });
});
