import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeUser,
  rowVersion,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/helpers';

/**
 * No duty can silence another: the security admin alone cannot disable, demote or reset the
 * second factor of an auditor; a second person — another province-level auditor — approves by
 * signing in at the same request. Other accounts are managed as before.
 */
let t: TestApp;
let security: Session;
let approver: Session;

beforeAll(async () => {
  t = await createTestApp();
  security = await makeUser(t, ['security_admin']);
  approver = await makeUser(t, ['auditor']);
});
afterAll(() => t?.close());

const patch = async (target: Session, body: object) =>
  as(t, security, {
    method: 'PATCH',
    url: `/api/v1/accounts/${target.me.id}`,
    payload: { ...body, version: await rowVersion(t, 'accounts', target.me.id) },
  });
const approvalOf = (s: Session, password = TEST_PASSWORD) => ({
  username: s.me.username,
  password,
});
const disabled = async (s: Session) =>
  (
    await t.deps.db
      .selectFrom('accounts')
      .select('disabled')
      .where('id', '=', s.me.id)
      .executeTakeFirstOrThrow()
  ).disabled;

describe('accounts of the audit duty', () => {
  it('cannot be disabled or demoted by the security admin alone', async () => {
    const auditor = await makeUser(t, ['auditor']);
    const alone = await patch(auditor, { disabled: true });
    expect(alone.statusCode).toBe(403);
    expect(alone.json()).toMatchObject({ code: 'account.audit_approval_required' });
    expect(alone.json().message).toMatch(/双人授权/);
    const demoted = await patch(auditor, { roles: ['talent'] });
    expect(demoted.json().code).toBe('account.audit_approval_required');
    expect(await disabled(auditor)).toBe(0);
    // Unlocking helps the auditor: no approval needed.
    expect((await patch(auditor, { unlock: true })).statusCode).toBe(200);
  });

  it('refuse approvals by the auditor concerned, a city auditor, a wrong password or a non-auditor', async () => {
    const auditor = await makeUser(t, ['auditor']);
    const cityAuditor = await makeUser(t, ['auditor'], { regionCode: '420700' });
    const otherSecurity = await makeUser(t, ['security_admin']);
    for (const approval of [
      approvalOf(auditor),
      approvalOf(cityAuditor),
      approvalOf(approver, 'Wrong#Password-2026'),
      approvalOf(otherSecurity),
      { username: 'nobody-at-all', password: 'x' },
    ]) {
      const res = await patch(auditor, { disabled: true, approval });
      expect(res.statusCode, JSON.stringify(approval.username)).toBe(403);
      expect(res.json().code).toBe('account.audit_approval_invalid');
    }
    expect(await disabled(auditor)).toBe(0);
    const denials = await t.deps.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('action', '=', 'account.audit_approval')
      .where('objectId', '=', String(auditor.me.id))
      .execute();
    expect(denials).toHaveLength(5);
    // The approver's password is never written down.
    expect(JSON.stringify(denials)).not.toContain(TEST_PASSWORD);
  });

  it('go through with another province-level auditor’s approval, who is named in the audit', async () => {
    const auditor = await makeUser(t, ['auditor']);
    const res = await patch(auditor, { disabled: true, approval: approvalOf(approver) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().disabled).toBe(true);
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('action', '=', 'account.update')
      .where('objectId', '=', String(auditor.me.id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail)).toMatchObject({
      disabled: true,
      approvedBy: approver.me.username,
    });
    expect(event.detail).not.toContain(TEST_PASSWORD);

    const other = await makeUser(t, ['auditor']);
    const version = await rowVersion(t, 'accounts', other.me.id);
    const alone = await as(t, security, {
      method: 'POST',
      url: `/api/v1/accounts/${other.me.id}/mfa/reset`,
      payload: { version },
    });
    expect(alone.json().code).toBe('account.audit_approval_required');
    const stale = await as(t, security, {
      method: 'POST',
      url: `/api/v1/accounts/${other.me.id}/mfa/reset`,
      payload: { version: version + 1, approval: approvalOf(approver) },
    });
    expect(stale.statusCode).toBe(409); // the version still counts
    const ok = await as(t, security, {
      method: 'POST',
      url: `/api/v1/accounts/${other.me.id}/mfa/reset`,
      payload: { version, approval: approvalOf(approver) },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('leave other accounts to the security admin alone, as before', async () => {
    const talent = await makeUser(t, ['talent']);
    expect((await patch(talent, { disabled: true })).statusCode).toBe(200);
    const admin = await makeUser(t, ['province_admin']);
    expect((await patch(admin, { roles: ['ranking_publisher'] })).statusCode).toBe(200);
  });
});
