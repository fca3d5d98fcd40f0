import type { DutyApproval, MfaSetupBody } from '@corridor/contracts';
import { writeAudit } from '../../core/audit/audit';
import { acceptedStep, decryptSecret, encryptSecret, newTotpSecret } from '../../core/auth/mfa';
import { verifyPassword } from '../../core/auth/passwords';
import type { Ctx } from '../../core/context';
import { claimVersion } from '../../core/db/row-version';
import { AppError } from '../../core/errors';
import { requireAuditApproval, silencesAudit } from './accounts.duty';
import { canManageAccountIn } from './accounts.policy';
import * as repo from './accounts.repo';
import { countFailureForAlert, rolesOfAccount } from './accounts.service';
import { clientKey, countPairAttempt, LOCK_AFTER_FAILURES, lockPair } from './accounts.throttle';

type AccountRow = NonNullable<Awaited<ReturnType<typeof repo.findAccountById>>>;

/**
 * Enrolling a second factor: the signed-in user asks for a new secret (kept pending, encrypted),
 * scans it, and proves it with a code; only then does sign-in require codes. A security
 * administrator resets it when a phone is lost (the user enrols again at the next sign-in).
 */

function requireActor(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}

export async function startMfaSetup(
  ctx: Ctx,
  proof: MfaSetupBody = {},
): Promise<{ secret: string; uri: string }> {
  const actor = requireActor(ctx);
  const row = await repo.findAccountById(ctx.deps.db, actor.id);
  if (!row) throw new AppError('auth.required');
  if (row.mfaSecret) await proveCurrentFactor(ctx, row, proof);
  const { secret, uri } = newTotpSecret(actor.username);
  await ctx.deps.db.transaction().execute(async (trx) => {
    await repo.setMfaColumns(trx, actor.id, {
      mfaPendingSecret: encryptSecret(ctx.deps.piKey, secret),
    });
    await writeAudit(trx, ctx, {
      action: 'auth.mfa_setup',
      objectType: 'account',
      objectId: actor.id,
    });
  });
  return { secret, uri };
}

export async function enableMfa(ctx: Ctx, otp: string): Promise<void> {
  const actor = requireActor(ctx);
  const row = await repo.findAccountById(ctx.deps.db, actor.id);
  if (!row?.mfaPendingSecret) throw new AppError('auth.mfa_not_pending');
  const secret = decryptSecret(ctx.deps.piKey, row.mfaPendingSecret);
  const step = acceptedStep(secret, otp, null);
  if (step === null)
    throw new AppError('auth.otp_invalid', [{ field: 'otp', code: 'invalid_value' }]);
  await ctx.deps.db.transaction().execute(async (trx) => {
    await repo.setMfaColumns(trx, actor.id, {
      mfaSecret: row.mfaPendingSecret,
      mfaPendingSecret: null,
      mfaEnabledAt: new Date().toISOString(),
      // The code that proved the enrolment cannot be used to sign in as well.
      mfaLastStep: step,
    });
    await writeAudit(trx, ctx, {
      action: 'auth.mfa_enable',
      objectType: 'account',
      objectId: actor.id,
    });
  });
}

/**
 * A session alone cannot replace a factor in use: whoever holds a stolen cookie would take the
 * account's second factor. Wrong proofs count towards the sign-in lockout like a wrong password.
 */
async function proveCurrentFactor(ctx: Ctx, row: AccountRow, proof: MfaSetupBody) {
  if (!proof.currentPassword || !proof.otp)
    throw new AppError('auth.reauth_required', [
      ...(proof.currentPassword ? [] : [{ field: 'currentPassword', code: 'required' }]),
      ...(proof.otp ? [] : [{ field: 'otp', code: 'required' }]),
    ]);
  const passwordOk = await verifyPassword(row.passwordHash, proof.currentPassword);
  const step = acceptedStep(
    decryptSecret(ctx.deps.piKey, row.mfaSecret!),
    proof.otp,
    row.mfaLastStep,
  );
  if (!passwordOk || step === null || !(await repo.takeMfaStep(ctx.deps.db, row.id, step))) {
    // Counted like a failed sign-in from this address (it locks the pair after five).
    const attempt = await countPairAttempt(
      ctx.deps.db,
      row.id,
      clientKey(ctx.ip),
      new Date().toISOString(),
    );
    if (attempt !== null && attempt >= LOCK_AFTER_FAILURES)
      await lockPair(ctx.deps.db, row.id, clientKey(ctx.ip), Date.now());
    await countFailureForAlert(ctx, row);
    throw new AppError('auth.reauth_failed');
  }
}

/** POST /accounts/:id/mfa/reset: the account's second factor is removed and its sessions end. */
export async function resetMfa(
  ctx: Ctx,
  id: number,
  version: number,
  approval?: DutyApproval,
): Promise<void> {
  const row = await repo.findAccountById(ctx.deps.db, id);
  if (!row) throw new AppError('account.not_found');
  if (!ctx.actor || !canManageAccountIn(ctx.actor, row.regionCode))
    throw new AppError('permission.denied');
  const approver = silencesAudit(await rolesOfAccount(ctx.deps, id), { mfaReset: true })
    ? await requireAuditApproval(ctx, id, approval)
    : null;
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'accounts', id, version);
    await repo.setMfaColumns(trx, id, {
      mfaSecret: null,
      mfaPendingSecret: null,
      mfaEnabledAt: null,
      mfaLastStep: null,
    });
    await repo.deleteSessionsOf(trx, id);
    await writeAudit(trx, ctx, {
      action: 'account.mfa_reset',
      objectType: 'account',
      objectId: id,
      regionCode: row.regionCode,
      ...(approver ? { detail: { approvedBy: approver.username } } : {}),
    });
  });
}
