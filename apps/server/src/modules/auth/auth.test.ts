import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  login,
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

const WRONG = 'Wrong#Password2026';
const loginReq = (
  username: string,
  password: string,
  headers: Record<string, string> = {},
  remoteAddress = '127.0.0.1',
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    headers,
    remoteAddress,
  });
const me = (session: Session, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: { cookie: session.cookie, ...headers },
  });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function setCookieHeaders(res: { headers: Record<string, unknown> }): string[] {
  return [res.headers['set-cookie'] ?? []].flat() as string[];
}

async function loginFailures(accountId: number) {
  const rows = await t.deps.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('action', '=', 'auth.login')
    .where('outcome', '=', 'failure')
    .where('objectId', '=', String(accountId))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, parsed: JSON.parse(r.detail) as Record<string, unknown> }));
}

const changePassword = (
  session: Session,
  currentPassword: string,
  newPassword: string,
  headers: Record<string, string> = {},
) =>
  as(t, session, {
    method: 'POST',
    url: '/api/v1/auth/password',
    payload: { currentPassword, newPassword },
    headers,
  });
const setAccount = (id: number, set: { disabled?: number; lockedUntil?: string }) =>
  t.deps.db.updateTable('accounts').set(set).where('id', '=', id).execute();
/** The lock of one (account, address) pair, as five failures from that address would set it. */
const setPairLock = (accountId: number, lockedUntil: string, client = '127.0.0.1') =>
  t.deps.db
    .insertInto('loginThrottle')
    .values({ accountId, client, failures: 0, locks: 1, lockedUntil, updatedAt: lockedUntil })
    .onConflict((oc) => oc.columns(['accountId', 'client']).doUpdateSet({ lockedUntil }))
    .execute();
const setSessions = (accountId: number, set: { lastSeenAt?: string; expiresAt?: string }) =>
  t.deps.db.updateTable('sessions').set(set).where('accountId', '=', accountId).execute();

async function accountRow(id: number) {
  return t.deps.db
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('sign-in', () => {
  it('returns Me and sets an HttpOnly, SameSite=Strict session cookie (no Secure over plain http)', async () => {
    const user = await makeUser(t, ['broker'], { regionCode: '420100' });
    const res = await loginReq(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: user.me.id,
      username: user.username,
      roles: ['broker'],
      regionCode: '420100',
      orgId: null,
    });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.abilities).toContain('orgs.read');
    expect(body).not.toHaveProperty('passwordHash');

    const cookie = setCookieHeaders(res).find((c) => c.startsWith('corridor_sid='));
    expect(cookie).toBeDefined();
    const attrs = cookie!.split(';').map((p) => p.trim());
    expect(attrs).toContain('HttpOnly');
    expect(attrs).toContain('SameSite=Strict');
    expect(attrs).toContain('Path=/');
    expect(attrs.some((a) => /^secure$/i.test(a))).toBe(false);
    // a fresh ≥ 256-bit token per sign-in (no session fixation)
    const token = attrs[0]!.slice('corridor_sid='.length);
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(`corridor_sid=${token}`).not.toBe(user.cookie);

    const mine = await me({ ...user, cookie: `corridor_sid=${token}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().id).toBe(user.me.id);
  });

  it('answers wrong password, unknown user, disabled and locked accounts identically', async () => {
    const wrong = await makeUser(t, ['broker']);
    const disabled = await makeUser(t, ['broker']);
    const locked = await makeUser(t, ['broker']);
    await setAccount(disabled.me.id, { disabled: 1 });
    await setPairLock(locked.me.id, minutesAgo(-10));

    const answers = [
      await loginReq(wrong.username, WRONG),
      await loginReq(`nobody${wrong.username}`, TEST_PASSWORD),
      await loginReq(disabled.username, TEST_PASSWORD),
      await loginReq(locked.username, TEST_PASSWORD),
    ];
    const first = answers[0]!.json();
    expect(first.code).toBe('auth.invalid_credentials');
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      const { requestId, ...rest } = res.json();
      expect(requestId).toEqual(expect.any(String));
      expect(rest).toEqual({ code: first.code, message: first.message });
      expect(setCookieHeaders(res).some((c) => c.startsWith('corridor_sid='))).toBe(false);
    }
  });

  it('locks the account after 5 failures, audits it without the user name, and lets it in once the lock has passed', async () => {
    const user = await makeUser(t, ['broker']);
    for (let i = 1; i <= 5; i++) {
      const res = await loginReq(user.username, WRONG);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    expect(Date.parse((await accountRow(user.me.id)).lockedUntil!)).toBeGreaterThan(Date.now());

    // the 6th attempt, with the correct password, is refused the same way
    const sixth = await loginReq(user.username, TEST_PASSWORD);
    expect(sixth.statusCode).toBe(401);
    expect(sixth.json().code).toBe('auth.invalid_credentials');

    const events = await loginFailures(user.me.id);
    expect(events).toHaveLength(6);
    expect(events.slice(0, 4).every((e) => e.parsed.locked === undefined)).toBe(true);
    expect(events[4]!.parsed.locked).toBe(true);
    expect(events[5]!.parsed.reason).toBe('locked');
    for (const e of events) {
      expect(e.detail).not.toContain(user.username);
      expect(e.parsed.user).toMatch(/^hmac-sm3:[0-9a-f]{32}$/);
      expect(e.actorId).toBeNull();
    }

    await setPairLock(user.me.id, minutesAgo(1));
    const after = await loginReq(user.username, TEST_PASSWORD);
    expect(after.statusCode).toBe(200);
    const row = await accountRow(user.me.id);
    expect(row.failedLogins).toBe(0);
    expect(row.lockedUntil).toBeNull();
  });

  it('locks out the guessing address, not the owner: elsewhere they still sign in; locks grow; an alert is audited', async () => {
    const user = await makeUser(t, ['security_admin'], { regionCode: '420000' });
    const attacker = '10.9.8.7';
    for (let i = 1; i <= 5; i++)
      expect((await loginReq(user.username, WRONG, {}, attacker)).statusCode).toBe(401);
    // The attacker's address is locked out, even with the right password …
    expect((await loginReq(user.username, TEST_PASSWORD, {}, attacker)).statusCode).toBe(401);
    // … while the owner signs in from their own address.
    expect((await loginReq(user.username, TEST_PASSWORD, {}, '192.168.3.4')).statusCode).toBe(200);
    const pair = () =>
      t.deps.db
        .selectFrom('loginThrottle')
        .selectAll()
        .where('accountId', '=', user.me.id)
        .where('client', '=', attacker)
        .executeTakeFirstOrThrow();
    const first = Date.parse((await pair()).lockedUntil!) - Date.now();
    expect(first).toBeGreaterThan(14 * 60_000);
    expect(first).toBeLessThanOrEqual(15 * 60_000);
    // After the lock runs out, five more failures lock the pair twice as long.
    await setPairLock(user.me.id, minutesAgo(1), attacker);
    for (let i = 1; i <= 5; i++) await loginReq(user.username, WRONG, {}, attacker);
    const second = Date.parse((await pair()).lockedUntil!) - Date.now();
    expect(second).toBeGreaterThan(29 * 60_000);
    expect(second).toBeLessThanOrEqual(30 * 60_000);
    // Guessing from many addresses is still seen: every 20th failure since the owner's last
    // sign-in is an alert (5 so far, 15 more from fresh addresses).
    for (let i = 0; i < 15; i++) await loginReq(user.username, WRONG, {}, `10.1.0.${i}`);
    const alerts = await t.deps.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('action', '=', 'auth.bruteforce_suspected')
      .where('objectId', '=', String(user.me.id))
      .execute();
    expect(alerts.map((a) => JSON.parse(a.detail ?? '{}').failures)).toEqual([20]);
  });

  it('counts consecutive failures only: a successful sign-in resets the count', async () => {
    const user = await makeUser(t, ['broker']);
    for (let i = 0; i < 4; i++) expect((await loginReq(user.username, WRONG)).statusCode).toBe(401);
    expect((await loginReq(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await loginReq(user.username, WRONG)).statusCode).toBe(401);
    expect((await loginReq(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('concurrent guesses cannot get around the lockout', async () => {
    const user = await makeUser(t, ['broker']);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => loginReq(user.username, `${WRONG}${i}`)),
    );
    expect(guesses.every((r) => r.statusCode === 401)).toBe(true);
    const row = await accountRow(user.me.id);
    expect(Date.parse(row.lockedUntil ?? '')).toBeGreaterThan(Date.now());
    // only 5 of a burst are checked against the password; the rest meet the lock
    const events = await loginFailures(user.me.id);
    expect(events).toHaveLength(12);
    expect(events.filter((e) => e.parsed.reason === 'password').length).toBeLessThanOrEqual(5);
    expect(events.some((e) => e.parsed.locked === true)).toBe(true);
    expect((await loginReq(user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('GET /auth/me without a cookie is 401 auth.required; with an unknown token 401 auth.session_expired', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('auth.required');
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: 'corridor_sid=not-a-session' },
    });
    expect(bogus.statusCode).toBe(401);
    expect(bogus.json().code).toBe('auth.session_expired');
  });

  it('GET /auth/session answers a visitor with null (no 401 to log) and a signed-in user with Me', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ me: null });
    const bogus = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      headers: { cookie: 'corridor_sid=not-a-session' },
    });
    expect(bogus.json()).toEqual({ me: null });
    const user = await makeUser(t, ['broker']);
    const mine = await as(t, user, { method: 'GET', url: '/api/v1/auth/session' });
    const me = await as(t, user, { method: 'GET', url: '/api/v1/auth/me' });
    expect(mine.json().me).toEqual(me.json());
    // Signed out, the same cookie is a visitor again.
    await as(t, user, { method: 'POST', url: '/api/v1/auth/logout' });
    expect((await as(t, user, { method: 'GET', url: '/api/v1/auth/session' })).json()).toEqual({
      me: null,
    });
  });
});

describe('password change', () => {
  it('enforces the policy (≥ 12 characters, ≥ 3 classes) and keeps the old password on refusal', async () => {
    const user = await makeUser(t, ['broker']);
    for (const newPassword of [
      'Ab1!short',
      'Abcdefg1!xy',
      'alllowercase1234',
      'ALLUPPER&&&&&&',
      'abcdefghijklmnop',
    ]) {
      const res = await changePassword(user, TEST_PASSWORD, newPassword);
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().code).toBe('auth.password_policy');
      expect(res.json().details).toContainEqual(expect.objectContaining({ field: 'newPassword' }));
    }
    expect((await me(user)).statusCode).toBe(200);
    // exactly 12 characters of 3 classes is enough (when not guessable: see auth.password_common)
    expect((await changePassword(user, TEST_PASSWORD, 'kv7tqmz3wpa!')).statusCode).toBe(200);
  });

  it('refuses a wrong current password without ending the session', async () => {
    const user = await makeUser(t, ['broker']);
    const res = await changePassword(user, WRONG, 'Another#Pass2026');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('auth.wrong_current_password');
    expect((await me(user)).statusCode).toBe(200);
  });

  it('ends every session of the account; the new (64-character) password works, the old one not', async () => {
    const first = await makeUser(t, ['broker']);
    const second = await login(t, first.username, TEST_PASSWORD);
    const newPassword = `Aa1!${'x'.repeat(56)}Zz9#`;
    expect(newPassword).toHaveLength(64);
    const res = await changePassword(first, TEST_PASSWORD, newPassword);
    expect(res.statusCode).toBe(200);
    for (const session of [first, second]) {
      const after = await me(session);
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('auth.session_expired');
    }
    const remaining = await t.deps.db
      .selectFrom('sessions')
      .select('tokenHash')
      .where('accountId', '=', first.me.id)
      .execute();
    expect(remaining).toHaveLength(0);
    expect((await loginReq(first.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await loginReq(first.username, newPassword)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('survives 29 idle minutes but not 31 (idle timeout 30 min)', async () => {
    const user = await makeUser(t, ['broker']);
    await setSessions(user.me.id, { lastSeenAt: minutesAgo(29) });
    expect((await me(user)).statusCode).toBe(200);
    await setSessions(user.me.id, { lastSeenAt: minutesAgo(31) });
    const res = await me(user);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
    // gone for good, even if the clock were turned back
    await setSessions(user.me.id, { lastSeenAt: minutesAgo(0) });
    expect((await me(user)).statusCode).toBe(401);
  });

  it('ends after the absolute lifetime even when active', async () => {
    const user = await makeUser(t, ['broker']);
    const row = await t.deps.db
      .selectFrom('sessions')
      .selectAll()
      .where('accountId', '=', user.me.id)
      .executeTakeFirstOrThrow();
    const lifetime = Date.parse(row.expiresAt) - Date.parse(row.createdAt);
    expect(lifetime).toBeLessThanOrEqual(12 * 3_600_000);
    await setSessions(user.me.id, { expiresAt: minutesAgo(0.1), lastSeenAt: minutesAgo(0) });
    const res = await me(user);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
  });

  it('logout invalidates the cookie on the server', async () => {
    const user = await makeUser(t, ['broker']);
    const other = await login(t, user.username, TEST_PASSWORD);
    const res = await as(t, user, { method: 'POST', url: '/api/v1/auth/logout' });
    expect(res.statusCode).toBe(200);
    const cleared = setCookieHeaders(res).find((c) => c.startsWith('corridor_sid='));
    expect(cleared).toMatch(/^corridor_sid=;/);
    const replay = await me(user);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.session_expired');
    // only that session ends
    expect((await me(other)).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  const passwordOf = async (id: number) => (await accountRow(id)).passwordHash;
  const change = { currentPassword: TEST_PASSWORD, newPassword: 'Changed#Pass2026' };

  it('refuses a state change without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const user = await makeUser(t, ['broker']);
    const before = await passwordOf(user.me.id);
    const cases: Record<string, string>[] = [
      {},
      { 'x-csrf-token': 'wrong' },
      { 'x-csrf-token': `${user.csrf.slice(0, -1)}${user.csrf.endsWith('x') ? 'y' : 'x'}` },
    ];
    for (const extra of cases) {
      for (const [url, payload] of [
        ['/api/v1/auth/password', change],
        ['/api/v1/auth/logout', undefined],
      ] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          payload,
          headers: { cookie: user.cookie, ...extra },
        });
        expect(res.statusCode, `${url} ${JSON.stringify(extra)}`).toBe(403);
        expect(res.json().code).toBe('csrf.failed');
      }
    }
    expect(await passwordOf(user.me.id)).toBe(before);
    expect((await me(user)).statusCode).toBe(200);
  });

  it('refuses cross-site requests by Origin or Sec-Fetch-Site, even with a valid token', async () => {
    const user = await makeUser(t, ['broker']);
    const before = await passwordOf(user.me.id);
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of crossSite) {
      const res = await changePassword(user, TEST_PASSWORD, 'Changed#Pass2026', headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.json().code).toBe('csrf.failed');
    }
    // login CSRF as well
    const forged = await loginReq(user.username, TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(forged.statusCode).toBe(403);
    expect(await passwordOf(user.me.id)).toBe(before);
    // the site's own origin is fine
    const own = await as(t, user, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: {
        host: 'corridor.example',
        origin: 'https://corridor.example',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(own.statusCode).toBe(200);
  });

  it('GET /auth/me works with the cookie alone', async () => {
    const user = await makeUser(t, ['broker']);
    const res = await me(user, { 'sec-fetch-site': 'same-origin' });
    expect(res.statusCode).toBe(200);
    expect(res.json().csrfToken).toBe(user.csrf);
  });
});

describe('login rate limit', () => {
  it('answers the 4th sign-in within a minute with 429 and Retry-After', async () => {
    const limited = await createTestApp({ LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'nobody.rate', password: WRONG },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const res = await attempt();
      expect(res.statusCode).toBe(429);
      expect(res.json().code).toBe('auth.rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('security headers', () => {
  it('are sent on API, error and docs responses', async () => {
    const user = await makeUser(t, ['broker']);
    const responses: [number, Awaited<ReturnType<typeof me>>][] = [
      [200, await me(user)],
      [401, await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })],
      [200, await t.app.inject({ method: 'GET', url: '/api/v1/health' })],
      [200, await t.app.inject({ method: 'GET', url: '/api/docs' })],
      [200, await t.app.inject({ method: 'GET', url: '/api/docs/json' })],
    ];
    for (const [status, res] of responses) {
      const where = `${res.statusCode} ${res.raw.req.url}`;
      expect(res.statusCode, where).toBe(status);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, where).toContain("frame-ancestors 'none'");
      expect(csp, where).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], where).toBe('nosniff');
      expect(res.headers['referrer-policy'], where).toMatch(
        /^(strict-origin-when-cross-origin|no-referrer|same-origin|strict-origin)$/,
      );
      expect(res.headers['strict-transport-security'], where).toMatch(/max-age=\d{8,}/);
    }
  });
});
