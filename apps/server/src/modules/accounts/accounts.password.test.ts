import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  login,
  makeUser,
  rowVersion,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import { systemCtx } from '../../core/context';
import { runsWithDemoData } from '../seed/seed.service';
import { DEMO_MARKER_ACCOUNT } from './accounts.demo';
import { mailsTo, uniqueEmail } from './accounts.mail.test-helpers';
import { RESETS_PER_HOUR } from './accounts.password';
import { createAccountAsSystem } from './accounts.service';

/**
 * Forgotten passwords (issue 10 item 13): a link by e-mail (single use, short-lived, only its
 * hash stored, the same answer whether the account exists or not, throttled), every session
 * ended by the reset; and the security administrator's temporary password, changed at first
 * sign-in.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://corridor.example.test' });
});
afterAll(() => t.close());

const forgot = (login: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/password/forgot', payload: { login } });
const reset = (token: string, newPassword: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password/reset',
    payload: { token, newPassword },
  });

async function userWithEmail(): Promise<{ user: Session; email: string }> {
  const email = uniqueEmail();
  return { user: await makeUser(t, ['talent'], { email }), email };
}

/** The token of the newest reset link e-mailed to the address. */
async function linkToken(email: string): Promise<string> {
  const mails = await mailsTo(t, email);
  const text = mails.at(-1)?.text ?? '';
  const match = /https:\/\/corridor\.example\.test\/reset-password#token=([A-Za-z0-9_-]{43})/.exec(
    text,
  );
  expect(match, text).not.toBeNull();
  return match![1]!;
}

describe('forgotten password by e-mail', () => {
  it('sends a link; the reset sets the password, ends every session and is audited', async () => {
    const { user, email } = await userWithEmail();
    const res = await forgot(user.username);
    expect([res.statusCode, res.json()]).toEqual([200, { ok: true }]);
    const token = await linkToken(email);
    // Only the hash is stored; the link itself left the database when the mail went.
    const stored = await t.deps.db
      .selectFrom('passwordResets')
      .select('tokenHash')
      .where('accountId', '=', user.me.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    const outbox = await t.deps.db
      .selectFrom('directEmails')
      .select(['link', 'sentAt'])
      .where('address', '=', email)
      .execute();
    expect(outbox).toEqual([{ link: null, sentAt: expect.any(String) }]);

    const done = await reset(token, 'Recovered#Harbour2026');
    expect(done.statusCode, done.body).toBe(200);
    expect((await as(t, user, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const again = await login(t, user.username, 'Recovered#Harbour2026');
    expect(again.me.passwordExpired).toBe(false);
    expect(
      await countAudit(t, { action: 'auth.password_reset', objectId: String(user.me.id) }),
    ).toBe(1);
    // Used once.
    const reuse = await reset(token, 'Another#Harbour2026x');
    expect([reuse.statusCode, reuse.json().code]).toEqual([400, 'auth.reset_link_invalid']);
  });

  it('answers the same for an unknown name, an address, and an account without e-mail', async () => {
    const { user, email } = await userWithEmail();
    const noMail = await makeUser(t, ['talent']);
    const answers = await Promise.all(
      ['nobody-such-user', 'nobody@example.test', noMail.username, email].map(async (l) => {
        const r = await forgot(l);
        return [r.statusCode, r.body];
      }),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    // By address it reaches the account too.
    const token = await linkToken(email);
    expect((await reset(token, 'ByAddress#Lantern2026')).statusCode).toBe(200);
    await login(t, user.username, 'ByAddress#Lantern2026');
  });

  it('keeps the link for another try when the new password is refused; refuses an old one', async () => {
    const { user, email } = await userWithEmail();
    await forgot(user.username);
    const token = await linkToken(email);
    const weak = await reset(token, 'password1234');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details[0].field).toBe('newPassword');
    const reused = await reset(token, TEST_PASSWORD);
    expect(reused.json().code).toBe('auth.password_reused');
    expect((await reset(token, 'Second#Attempt2026ok')).statusCode).toBe(200);
  });

  it('a newer link voids the older; an expired link fails; a forged token fails', async () => {
    const { user, email } = await userWithEmail();
    await forgot(user.username);
    const first = await linkToken(email);
    await forgot(user.username);
    const second = await linkToken(email);
    expect((await reset(first, 'Older#LinkTried2026')).json().code).toBe('auth.reset_link_invalid');
    await t.deps.db
      .updateTable('passwordResets')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('accountId', '=', user.me.id)
      .execute();
    expect((await reset(second, 'Expired#LinkTried2026')).json().code).toBe(
      'auth.reset_link_invalid',
    );
    expect((await reset('x'.repeat(43), 'Forged#TokenTry2026')).json().code).toBe(
      'auth.reset_link_invalid',
    );
    const malformed = await reset('short', 'Forged#TokenTry2026');
    expect(malformed.json().details[0].field).toBe('token');
  });

  it(`sends at most ${RESETS_PER_HOUR} links an hour to one account, answering the same`, async () => {
    const { user, email } = await userWithEmail();
    for (let i = 0; i < RESETS_PER_HOUR + 2; i++) {
      const r = await forgot(user.username);
      expect(r.statusCode).toBe(200);
    }
    const issued = await t.deps.db
      .selectFrom('passwordResets')
      .select('id')
      .where('accountId', '=', user.me.id)
      .execute();
    expect(issued).toHaveLength(RESETS_PER_HOUR);
    expect(await mailsTo(t, email)).toHaveLength(RESETS_PER_HOUR);
  });

  it('a disabled account gets no link', async () => {
    const { user, email } = await userWithEmail();
    await t.deps.db
      .updateTable('accounts')
      .set({ disabled: 1 })
      .where('id', '=', user.me.id)
      .execute();
    await forgot(user.username);
    expect(await mailsTo(t, email)).toHaveLength(0);
  });
});

describe("the security administrator's temporary password", () => {
  it('sets one the owner must change at first sign-in; sessions end; audited', async () => {
    const security = await makeUser(t, ['security_admin'], { regionCode: '420000' });
    const user = await makeUser(t, ['broker'], { regionCode: '420100' });
    const res = await as(t, security, {
      method: 'POST',
      url: `/api/v1/accounts/${user.me.id}/password`,
      payload: {
        password: 'Temporary#Bridge2026',
        version: await rowVersion(t, 'accounts', user.me.id),
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().passwordSetByOther).toBe(true);
    expect((await as(t, user, { method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const back = await login(t, user.username, 'Temporary#Bridge2026');
    expect(back.me.passwordExpired).toBe(true);
    const blocked = await as(t, back, { method: 'GET', url: '/api/v1/market/achievements' });
    expect(blocked.json().code).toBe('auth.password_expired');
    expect(
      await countAudit(t, { action: 'account.password_reset', objectId: String(user.me.id) }),
    ).toBe(1);

    const stale = await as(t, security, {
      method: 'POST',
      url: `/api/v1/accounts/${user.me.id}/password`,
      payload: { password: 'Temporary#Bridge2027', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it("an auditor's needs another auditor's approval", async () => {
    const security = await makeUser(t, ['security_admin'], { regionCode: '420000' });
    const auditor = await makeUser(t, ['auditor'], { regionCode: '420000' });
    const res = await as(t, security, {
      method: 'POST',
      url: `/api/v1/accounts/${auditor.me.id}/password`,
      payload: {
        password: 'Temporary#Bridge2026',
        version: await rowVersion(t, 'accounts', auditor.me.id),
      },
    });
    expect([res.statusCode, res.json().code]).toEqual([403, 'account.audit_approval_required']);
    const other = await makeUser(t, ['auditor'], { regionCode: '420000' });
    const ok = await as(t, security, {
      method: 'POST',
      url: `/api/v1/accounts/${auditor.me.id}/password`,
      payload: {
        password: 'Temporary#Bridge2026',
        version: await rowVersion(t, 'accounts', auditor.me.id),
        approval: { username: other.username, password: TEST_PASSWORD },
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('public configuration', () => {
  it('says whether the demo data is loaded and whether mail is sent', async () => {
    const config = async (app: TestApp) =>
      (await app.app.inject({ method: 'GET', url: '/api/v1/public/config' })).json();
    expect(await config(t)).toEqual({ demo: false, mail: false });
    // A database of its own: the demo's first account must not land in a shared one.
    const own = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:2525' }, { ownDatabase: true });
    try {
      expect(await config(own)).toEqual({ demo: false, mail: true });
      await createAccountAsSystem(systemCtx(own.deps), {
        username: DEMO_MARKER_ACCOUNT,
        displayName: '沈知远',
        password: TEST_PASSWORD,
        roles: ['province_admin'],
        regionCode: '420000',
        orgId: null,
      });
      expect(await config(own)).toEqual({ demo: true, mail: true });
      // Demo seeding off (SEED_SCALE=0): not a demo install, whatever its accounts are called.
      const bare = { ...own.deps, config: { ...own.deps.config, seedScale: 0 } };
      expect(await runsWithDemoData(bare)).toBe(false);
    } finally {
      await own.close();
    }
  });
});
