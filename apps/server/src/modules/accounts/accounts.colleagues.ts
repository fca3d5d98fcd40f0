import type { Colleague, CreateColleagueBody, UpdateColleagueBody } from '@corridor/contracts';
import { piDigest, writeAudit } from '../../core/audit/audit';
import { hashPassword } from '../../core/auth/passwords';
import type { Actor, Ctx } from '../../core/context';
import { claimVersion } from '../../core/db/row-version';
import { AppError } from '../../core/errors';
import * as repo from './accounts.repo';
import { assertPasswordPolicy, rolesOfAccount } from './accounts.service';

/**
 * An organisation's account manager (its first user, from the approved registration) adds and
 * disables the accounts of its colleagues: the 'enterprise' role of the same organisation and
 * nothing else, with a first password the colleague changes at first sign-in. Accounts with
 * other roles, and other managers, stay with the security administrator.
 */

type Manager = Actor & { orgId: number };

function requireOrgManager(ctx: Ctx): Manager {
  const actor = ctx.actor;
  if (!actor?.orgManager || actor.orgId === null || !actor.roles.includes('enterprise'))
    throw new AppError('permission.denied');
  return actor as Manager;
}

type Row = Awaited<ReturnType<typeof repo.accountsOfOrg>>[number];

function present(row: Row): Colleague {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    disabled: row.disabled === 1,
    orgManager: row.orgManager === 1,
    passwordSetByOther: row.passwordSetByOther === 1,
    createdAt: row.createdAt,
    version: row.version,
  };
}

export async function listColleagues(ctx: Ctx): Promise<{ items: Colleague[] }> {
  const manager = requireOrgManager(ctx);
  return { items: (await repo.accountsOfOrg(ctx.deps.db, manager.orgId)).map(present) };
}

async function getColleague(ctx: Ctx, manager: Manager, id: number): Promise<Colleague> {
  const row = (await repo.accountsOfOrg(ctx.deps.db, manager.orgId)).find((r) => r.id === id);
  // Another organisation's account does not exist for this manager.
  if (!row) throw new AppError('account.not_found');
  return present(row);
}

export async function createColleague(ctx: Ctx, input: CreateColleagueBody): Promise<Colleague> {
  const manager = requireOrgManager(ctx);
  assertPasswordPolicy(input.password, 'password', [input.username, input.displayName]);
  if (await repo.findAccountByUsername(ctx.deps.db, input.username))
    throw new AppError('account.username_taken', [{ field: 'username', code: 'invalid_value' }]);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const newId = await repo.insertAccount(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      regionCode: manager.regionCode,
      orgId: manager.orgId,
      email: input.email,
      passwordSetByOther: 1,
    });
    await repo.replaceRoles(trx, newId, ['enterprise']);
    await writeAudit(trx, ctx, {
      action: 'account.create',
      objectType: 'account',
      objectId: newId,
      regionCode: manager.regionCode,
      detail: {
        username: input.username,
        roles: ['enterprise'],
        orgId: manager.orgId,
        byOrgManager: true,
        ...(input.email ? { email: piDigest(ctx, input.email) } : {}),
      },
    });
    return newId;
  });
  return getColleague(ctx, manager, id);
}

/** Disables or enables a colleague (their sessions end at once), or changes their e-mail. */
export async function updateColleague(
  ctx: Ctx,
  id: number,
  patch: UpdateColleagueBody,
): Promise<Colleague> {
  const manager = requireOrgManager(ctx);
  const row = await repo.findAccountById(ctx.deps.db, id);
  if (!row || row.orgId !== manager.orgId) throw new AppError('account.not_found');
  if (id === manager.id && patch.disabled !== undefined)
    throw new AppError('account.cannot_change_self');
  const roles = await rolesOfAccount(ctx.deps, id);
  // Only plain colleagues: another role or the manager duty is the security admin's to change.
  if (id !== manager.id && (row.orgManager === 1 || roles.some((r) => r !== 'enterprise')))
    throw new AppError('permission.denied');
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'accounts', id, patch.version);
    if (patch.disabled !== undefined) {
      await repo.updateAccountRow(trx, id, { disabled: patch.disabled ? 1 : 0 });
      if (patch.disabled) await repo.deleteSessionsOf(trx, id);
    }
    if (patch.email !== undefined) await repo.updateAccountRow(trx, id, { email: patch.email });
    await writeAudit(trx, ctx, {
      action: 'account.update',
      objectType: 'account',
      objectId: id,
      regionCode: row.regionCode,
      detail: {
        byOrgManager: true,
        ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
        ...(patch.email !== undefined
          ? { email: patch.email ? piDigest(ctx, patch.email) : null }
          : {}),
      },
    });
  });
  return getColleague(ctx, manager, id);
}
