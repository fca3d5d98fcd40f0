import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  login,
  makeOrg,
  makeUser,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;

/** Moves the account's last password change `days` into the past. */
async function ageTo(s: Session, days: number) {
  await t.deps.db
    .updateTable('accounts')
    .set({ passwordChangedAt: new Date(Date.now() - days * DAY).toISOString() })
    .where('id', '=', s.me.id)
    .execute();
}

const changePassword = (s: Session, currentPassword: string, newPassword: string) =>
  as(t, s, {
    method: 'POST',
    url: '/api/v1/auth/password',
    payload: { currentPassword, newPassword },
  });

describe('password age of privileged accounts (MLPS 8.1.4.1a, 90 days)', () => {
  it('a city admin past 90 days can only see itself, change the password or leave', async () => {
    const admin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
    await ageTo(admin, 89);
    expect((await as(t, admin, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
    await ageTo(admin, 91);
    const refused = await as(t, admin, { method: 'GET', url: '/api/v1/orgs' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.password_expired');
    const me = await as(t, admin, { method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json()).toMatchObject({ passwordExpired: true, abilities: [] });

    const next = 'Renewed#Password2027';
    expect((await changePassword(admin, TEST_PASSWORD, next)).statusCode).toBe(200);
    const again = await login(t, admin.username, next);
    expect(again.me.passwordExpired).toBe(false);
    expect((await as(t, again, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
    expect(
      await countAudit(t, { action: 'auth.password_change', objectId: String(admin.me.id) }),
    ).toBe(1);
  });

  it('signing in with an expired password says so at once', async () => {
    const auditor = await makeUser(t, ['auditor']);
    await ageTo(auditor, 120);
    const fresh = await login(t, auditor.username, TEST_PASSWORD);
    expect(fresh.me).toMatchObject({ passwordExpired: true, abilities: [] });
  });

  it('does not apply to accounts without one of the three duties', async () => {
    const org = await makeOrg(t);
    const user = await makeUser(t, ['enterprise'], { orgId: org.id });
    await ageTo(user, 400);
    expect((await as(t, user, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
  });
});

describe('password history', () => {
  it('refuses the current password and the 4 before it, accepts an older one', async () => {
    const user = await makeUser(t, ['security_admin']);
    const passwords = [TEST_PASSWORD, ...[1, 2, 3, 4, 5].map((n) => `History#Pass${n}word26`)];
    let session = user;
    for (let i = 1; i < passwords.length; i++) {
      const res = await changePassword(session, passwords[i - 1]!, passwords[i]!);
      expect(res.statusCode, res.body).toBe(200);
      session = await login(t, user.username, passwords[i]!);
    }
    // Current: passwords[5]; the 4 before it: passwords[1..4]; passwords[0] is old enough.
    for (const reused of passwords.slice(1, 5)) {
      const res = await changePassword(session, passwords[5]!, reused);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('auth.password_reused');
    }
    expect((await changePassword(session, passwords[5]!, passwords[0]!)).statusCode).toBe(200);
  });
});
