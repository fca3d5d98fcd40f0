import { type DutyApproval, PROVINCE_CODE, type Role } from '@corridor/contracts';
import { writeAuditAlone } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { checkLogin, rolesOfAccount } from './accounts.service';

/**
 * No duty can silence another (三权分立, issue 19 item 7): the security admin alone cannot
 * disable, demote or reset the second factor of an account of the audit duty. A second person —
 * a province-level auditor other than the account changed — approves at the same screen by
 * signing in (password, and code when they have a second factor); the attempt is throttled and
 * counted like a sign-in, so it cannot be used to guess an auditor's password.
 */
export function silencesAudit(
  current: readonly Role[],
  change: {
    roles?: readonly Role[] | undefined;
    disabled?: boolean | undefined;
    mfaReset?: true;
    passwordReset?: true;
  },
): boolean {
  if (!current.includes('auditor')) return false;
  if (change.disabled === true || change.mfaReset || change.passwordReset) return true;
  return change.roles !== undefined && !change.roles.includes('auditor');
}

/** The approving auditor, or a refusal (audited when credentials were offered and failed). */
export async function requireAuditApproval(
  ctx: Ctx,
  targetId: number,
  approval: DutyApproval | undefined,
): Promise<{ id: number; username: string }> {
  if (!approval) throw new AppError('account.audit_approval_required');
  const login = await checkLogin(ctx, approval.username, approval.password, approval.otp);
  const approver = login.ok ? login.account : null;
  const fit =
    approver !== null &&
    approver.id !== targetId &&
    approver.id !== ctx.actor?.id &&
    approver.regionCode === PROVINCE_CODE &&
    (await rolesOfAccount(ctx.deps, approver.id)).includes('auditor');
  if (!fit) {
    await writeAuditAlone(ctx, {
      action: 'account.audit_approval',
      objectType: 'account',
      objectId: targetId,
      outcome: 'denied',
      detail: { approver: approval.username.slice(0, 64) },
    });
    throw new AppError('account.audit_approval_invalid', [
      { field: 'approval', code: 'invalid_value' },
    ]);
  }
  return { id: approver!.id, username: approver!.username };
}
