import { randomBytes } from 'node:crypto';
import { type DutyApproval, RESET_LINK_MINUTES } from '@corridor/contracts';
import { piDigest, writeAudit, writeAuditAlone } from '../../core/audit/audit';
import { hashPassword, verifyPassword } from '../../core/auth/passwords';
import { hashToken } from '../../core/auth/sessions';
import type { Ctx } from '../../core/context';
import { claimVersion } from '../../core/db/row-version';
import { AppError } from '../../core/errors';
import { emailAddressInTrx } from '../notifications/notifications.service';
import { requireAuditApproval, silencesAudit } from './accounts.duty';
import * as repo from './accounts.repo';
import * as resets from './accounts.reset.repo';
import {
  assertPasswordPolicy,
  getAccount,
  PASSWORD_HISTORY,
  requireManager,
  rolesOfAccount,
} from './accounts.service';
import * as throttle from './accounts.throttle';

/**
 * Passwords set other than by their owner's change (issue 10 item 13):
 * - forgotten: a link e-mailed to the account's address (random 256-bit token, only its SHA-256
 *   kept, RESET_LINK_MINUTES minutes, used once, a newer link voids the older), at most
 *   RESETS_PER_HOUR links an account an hour; the request is answered the same whether or not
 *   the account exists, has an address or was throttled (no enumeration);
 * - reset by the security administrator: a temporary password, changed at first sign-in.
 * Either way every session of the account ends, and the act is audited.
 */

export const RESETS_PER_HOUR = 3;
/** Accounts one e-mail address may hold links for at once (shared addresses are rare). */
const MAX_ACCOUNTS_PER_ADDRESS = 5;

async function accountsForLogin(ctx: Ctx, login: string) {
  const key = login.trim().toLowerCase();
  if (key.includes('@'))
    return repo.enabledAccountsByEmail(ctx.deps.db, key, MAX_ACCOUNTS_PER_ADDRESS);
  const row = await repo.findAccountByUsername(ctx.deps.db, key);
  return row && row.disabled === 0 ? [row] : [];
}

/** Queues a reset link for each account the login names; says nothing about what it found. */
export async function requestPasswordReset(ctx: Ctx, login: string): Promise<void> {
  const rows = (await accountsForLogin(ctx, login)).filter((r) => r.email);
  const now = Date.now();
  const hourAgo = new Date(now - 3_600_000).toISOString();
  for (const row of rows) {
    if ((await resets.countIssuedSince(ctx.deps.db, row.id, hourAgo)) >= RESETS_PER_HOUR) {
      await writeAuditAlone(ctx, {
        action: 'auth.password_reset_request',
        outcome: 'denied',
        objectType: 'account',
        objectId: row.id,
        regionCode: row.regionCode,
        detail: { reason: 'throttled' },
      });
      continue;
    }
    const token = randomBytes(32).toString('base64url');
    const at = new Date(now).toISOString();
    await ctx.deps.db.transaction().execute(async (trx) => {
      await resets.voidResets(trx, row.id, at);
      await resets.insertReset(trx, {
        accountId: row.id,
        tokenHash: hashToken(token),
        createdAt: at,
        expiresAt: new Date(now + RESET_LINK_MINUTES * 60_000).toISOString(),
      });
      // The token travels in the fragment: browsers send no fragment to servers or in Referer.
      await emailAddressInTrx(ctx, trx, {
        address: row.email!,
        type: 'password_reset',
        params: { username: row.username, minutes: RESET_LINK_MINUTES },
        link: `/reset-password#token=${token}`,
        secretLink: true,
      });
      await writeAudit(trx, ctx, {
        action: 'auth.password_reset_request',
        objectType: 'account',
        objectId: row.id,
        regionCode: row.regionCode,
      });
    });
  }
  if (rows.length === 0)
    await writeAuditAlone(ctx, {
      action: 'auth.password_reset_request',
      outcome: 'failure',
      objectType: 'account',
      detail: { user: piDigest(ctx, login.trim().toLowerCase()), reason: 'no_account_or_email' },
    });
}

async function refuseReuse(accountId: number, currentHash: string, password: string, ctx: Ctx) {
  if (await verifyPassword(currentHash, password)) throw new AppError('auth.password_reused');
  for (const old of await repo.recentPasswordHashes(ctx.deps.db, accountId, PASSWORD_HISTORY - 1))
    if (await verifyPassword(old, password)) throw new AppError('auth.password_reused');
}

/** Sets a new password with a link's token; the link is spent only when the password is taken. */
export async function resetPasswordWithToken(ctx: Ctx, token: string, newPassword: string) {
  const db = ctx.deps.db;
  const tokenHash = hashToken(token);
  const now = new Date().toISOString();
  const link = await db
    .selectFrom('passwordResets')
    .select('accountId')
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  const row = link ? await repo.findAccountById(db, link.accountId) : undefined;
  if (!row || row.disabled !== 0) {
    await writeAuditAlone(ctx, {
      action: 'auth.password_reset',
      outcome: 'failure',
      objectType: 'account',
      ...(row ? { objectId: row.id } : {}),
      detail: { reason: 'link_invalid' },
    });
    throw new AppError('auth.reset_link_invalid');
  }
  assertPasswordPolicy(newPassword, 'newPassword', [row.username, row.displayName]);
  await refuseReuse(row.id, row.passwordHash, newPassword, ctx);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction().execute(async (trx) => {
    // Taken atomically: of two requests with one link, one wins and the other is refused.
    if ((await resets.takeReset(trx, tokenHash, now)) !== row.id)
      throw new AppError('auth.reset_link_invalid');
    await resets.voidResets(trx, row.id, now);
    await repo.rememberPasswordHash(trx, row.id, row.passwordHash);
    await repo.updateAccountRow(trx, row.id, {
      passwordHash,
      passwordChangedAt: now,
      passwordSetByOther: 0,
      failedLogins: 0,
      lockedUntil: null,
    });
    // Whoever locked the account out by guessing loses the lock too: the owner proved the address.
    await throttle.clearAccount(trx, row.id);
    await repo.deleteSessionsOf(trx, row.id);
    await writeAudit(trx, ctx, {
      action: 'auth.password_reset',
      objectType: 'account',
      objectId: row.id,
      regionCode: row.regionCode,
      detail: { via: 'email_link' },
    });
  });
}

/**
 * The security administrator sets a temporary password: the owner must change it at first
 * sign-in (password_set_by_other), open links are void, every session ends. An auditor's needs
 * another auditor's approval (no duty can take over another's account alone).
 */
export async function adminResetPassword(
  ctx: Ctx,
  id: number,
  input: { version: number; password: string; approval?: DutyApproval | undefined },
) {
  const row = await repo.findAccountById(ctx.deps.db, id);
  if (!row) throw new AppError('account.not_found');
  requireManager(ctx, row.regionCode);
  if (ctx.actor?.id === id) throw new AppError('account.cannot_change_self');
  assertPasswordPolicy(input.password, 'password', [row.username, row.displayName]);
  const approver = silencesAudit(await rolesOfAccount(ctx.deps, id), { passwordReset: true })
    ? await requireAuditApproval(ctx, id, input.approval)
    : null;
  const passwordHash = await hashPassword(input.password);
  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'accounts', id, input.version);
    await repo.rememberPasswordHash(trx, id, row.passwordHash);
    await repo.updateAccountRow(trx, id, {
      passwordHash,
      passwordChangedAt: now,
      passwordSetByOther: 1,
    });
    await resets.voidResets(trx, id, now);
    await repo.deleteSessionsOf(trx, id);
    await writeAudit(trx, ctx, {
      action: 'account.password_reset',
      objectType: 'account',
      objectId: id,
      regionCode: row.regionCode,
      detail: approver ? { approvedBy: approver.username } : {},
    });
  });
  return getAccount(ctx, id);
}
