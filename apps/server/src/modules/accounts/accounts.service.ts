import {
  type Account,
  type CreateAccountBody,
  checkRoleSet,
  type DutyApproval,
  type Page,
  passwordProblems,
  type Role,
  type ScopeCode,
} from '@corridor/contracts';
import { piDigest, writeAudit, writeAuditAlone } from '../../core/audit/audit';
import { acceptedStep, decryptSecret } from '../../core/auth/mfa';
import { isGuessable } from '../../core/auth/password-strength';
import { hashPassword, verifyPassword } from '../../core/auth/passwords';
import type { Ctx, Deps } from '../../core/context';
import { claimVersion } from '../../core/db/row-version';
import { AppError, fieldError } from '../../core/errors';
import { getOrgSummary } from '../orgs/orgs.service';
import { requireAuditApproval, silencesAudit } from './accounts.duty';
import { bindingProblem, canManageAccountIn } from './accounts.policy';
import * as repo from './accounts.repo';
import * as throttle from './accounts.throttle';
import { ALERT_EVERY_FAILURES, clientKey, LOCK_AFTER_FAILURES } from './accounts.throttle';

export { LOCK_AFTER_FAILURES, LOCK_MINUTES } from './accounts.throttle';

type AccountRow = NonNullable<Awaited<ReturnType<typeof repo.findAccountById>>>;

function present(
  row: Pick<
    AccountRow,
    | 'id'
    | 'username'
    | 'displayName'
    | 'regionCode'
    | 'orgId'
    | 'disabled'
    | 'lockedUntil'
    | 'createdAt'
    | 'mfaEnabledAt'
    | 'email'
    | 'orgManager'
    | 'passwordSetByOther'
    | 'version'
  >,
  roles: Role[],
): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles,
    regionCode: row.regionCode as ScopeCode,
    orgId: row.orgId,
    disabled: row.disabled === 1,
    lockedUntil:
      row.lockedUntil && Date.parse(row.lockedUntil) > Date.now() ? row.lockedUntil : null,
    createdAt: row.createdAt,
    mfaEnabled: row.mfaEnabledAt !== null,
    email: row.email,
    orgManager: row.orgManager === 1,
    passwordSetByOther: row.passwordSetByOther === 1,
    version: row.version,
  };
}

export function requireManager(ctx: Ctx, regionCode: string) {
  if (!ctx.actor || !canManageAccountIn(ctx.actor, regionCode))
    throw new AppError('permission.denied');
}

export function assertPasswordPolicy(
  password: string,
  field = 'password',
  ownWords: string[] = [],
) {
  if (passwordProblems(password))
    throw new AppError('auth.password_policy', [{ field, code: 'password.policy' }]);
  if (isGuessable(password, ownWords))
    throw new AppError('auth.password_common', [{ field, code: 'password.common' }]);
}

async function validateRolesAndBinding(
  ctx: Ctx,
  roles: Role[],
  regionCode: string,
  orgId: number | null,
) {
  const roleProblem = checkRoleSet(roles);
  if (roleProblem)
    throw new AppError('account.roles_invalid', [{ field: 'roles', code: roleProblem }]);
  const problem = bindingProblem(roles, regionCode, orgId);
  if (problem)
    throw new AppError('account.scope_invalid', [{ field: problem, code: 'invalid_value' }]);
  if (orgId !== null && !(await getOrgSummary(ctx, orgId)))
    throw fieldError('orgId', 'invalid_value');
}

/** Security admin creates an account; the role set must respect separation of duties. */
export async function createAccount(ctx: Ctx, input: CreateAccountBody): Promise<Account> {
  requireManager(ctx, input.regionCode);
  assertPasswordPolicy(input.password, 'password', [input.username, input.displayName]);
  await validateRolesAndBinding(ctx, input.roles, input.regionCode, input.orgId);
  if (await repo.findAccountByUsername(ctx.deps.db, input.username))
    throw new AppError('account.username_taken');
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const newId = await repo.insertAccount(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      regionCode: input.regionCode,
      orgId: input.orgId,
      email: input.email,
      passwordSetByOther: 1,
    });
    await repo.replaceRoles(trx, newId, input.roles);
    await writeAudit(trx, ctx, {
      action: 'account.create',
      objectType: 'account',
      objectId: newId,
      regionCode: input.regionCode,
      detail: {
        username: input.username,
        roles: input.roles,
        orgId: input.orgId,
        ...(input.email ? { email: piDigest(ctx, input.email) } : {}),
      },
    });
    return newId;
  });
  return getAccount(ctx, id);
}

export async function getAccount(ctx: Ctx, id: number): Promise<Account> {
  const row = await repo.findAccountById(ctx.deps.db, id);
  if (!row) throw new AppError('account.not_found');
  requireManager(ctx, row.regionCode);
  return present(row, (await repo.rolesByAccount(ctx.deps.db, [id])).get(id) ?? []);
}

export async function listAccounts(
  ctx: Ctx,
  query: { q?: string | undefined; role?: Role | undefined; page: number; pageSize: number },
): Promise<Page<Account>> {
  const actor = ctx.actor;
  if (!actor?.roles.includes('security_admin')) throw new AppError('permission.denied');
  const regionCode = actor.regionCode === '420000' ? undefined : actor.regionCode;
  const { total, rows } = await repo.listAccountRows(
    ctx.deps.db,
    ctx.deps.dialect,
    { q: query.q, role: query.role, regionCode },
    query.page,
    query.pageSize,
  );
  const roles = await repo.rolesByAccount(
    ctx.deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => present(r, roles.get(r.id) ?? [])),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Change roles, disable/enable or unlock. Disabling ends the account's sessions at once. */
export async function updateAccount(
  ctx: Ctx,
  id: number,
  patch: {
    roles?: Role[] | undefined;
    disabled?: boolean | undefined;
    unlock?: true | undefined;
    email?: string | null | undefined;
    orgManager?: boolean | undefined;
    approval?: DutyApproval | undefined;
    version: number;
  },
): Promise<Account> {
  const row = await repo.findAccountById(ctx.deps.db, id);
  if (!row) throw new AppError('account.not_found');
  requireManager(ctx, row.regionCode);
  if (ctx.actor?.id === id && (patch.roles || patch.disabled !== undefined))
    throw new AppError('account.cannot_change_self');
  if (patch.roles) await validateRolesAndBinding(ctx, patch.roles, row.regionCode, row.orgId);
  const rolesAfter = patch.roles ?? (await rolesOfAccount(ctx.deps, id));
  // The colleagues' manager is an enterprise account of its organisation; losing that role
  // ends the duty too.
  if (patch.orgManager && !(rolesAfter.includes('enterprise') && row.orgId !== null))
    throw new AppError('account.org_manager_invalid', [
      { field: 'orgManager', code: 'invalid_value' },
    ]);
  const orgManager =
    patch.orgManager ??
    (row.orgManager === 1 && !rolesAfter.includes('enterprise') ? false : undefined);
  // The approval's password never reaches the audit detail: only who approved.
  // E-mail is personal data: the audit keeps its digest only (below).
  const { version, approval, email: _email, orgManager: _manager, ...change } = patch;
  const rolesBefore = await rolesOfAccount(ctx.deps, id);
  const approver = silencesAudit(rolesBefore, change)
    ? await requireAuditApproval(ctx, id, approval)
    : null;
  // What the change replaced, so the audit page shows each field as old → new.
  const before = {
    ...(change.roles ? { roles: rolesBefore } : {}),
    ...(change.disabled !== undefined ? { disabled: row.disabled === 1 } : {}),
  };
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'accounts', id, version);
    if (patch.roles) {
      await repo.replaceRoles(trx, id, patch.roles);
      await repo.deleteSessionsOf(trx, id);
    }
    if (patch.disabled !== undefined) {
      await repo.updateAccountRow(trx, id, { disabled: patch.disabled ? 1 : 0 });
      if (patch.disabled) await repo.deleteSessionsOf(trx, id);
    }
    if (patch.unlock) {
      await repo.updateAccountRow(trx, id, { failedLogins: 0, lockedUntil: null });
      await throttle.clearAccount(trx, id);
    }
    if (patch.email !== undefined) await repo.updateAccountRow(trx, id, { email: patch.email });
    if (orgManager !== undefined)
      await repo.updateAccountRow(trx, id, { orgManager: orgManager ? 1 : 0 });
    await writeAudit(trx, ctx, {
      action: 'account.update',
      objectType: 'account',
      objectId: id,
      regionCode: row.regionCode,
      detail: {
        ...change,
        before,
        ...(patch.email ? { email: piDigest(ctx, patch.email) } : {}),
        ...(orgManager !== undefined ? { orgManager } : {}),
        ...(approver ? { approvedBy: approver.username } : {}),
      },
    });
  });
  return getAccount(ctx, id);
}

async function secondFactorOk(ctx: Ctx, row: AccountRow, otp: string | undefined) {
  if (!otp || !row.mfaSecret) return false;
  const step = acceptedStep(decryptSecret(ctx.deps.piKey, row.mfaSecret), otp, row.mfaLastStep);
  // Taking the step is atomic: two sign-ins with the same code cannot both pass.
  return step !== null && (await repo.takeMfaStep(ctx.deps.db, row.id, step));
}

/**
 * Every failed sign-in of the account, from any address, is also counted on the account: each
 * ALERT_EVERY_FAILURES-th raises an audited brute-force alert for the security administrators.
 */
export async function countFailureForAlert(ctx: Ctx, row: { id: number; regionCode: string }) {
  const failures = await repo.countFailedLogin(ctx.deps.db, row.id);
  if (failures % ALERT_EVERY_FAILURES !== 0) return;
  await writeAuditAlone(ctx, {
    action: 'auth.bruteforce_suspected',
    objectType: 'account',
    objectId: row.id,
    regionCode: row.regionCode,
    detail: { failures },
  });
}

/** Password check for sign-in, with lockout after repeated failures. Never says which part failed. */
export async function checkLogin(ctx: Ctx, username: string, password: string, otp?: string) {
  const db = ctx.deps.db;
  const row = await repo.findAccountByUsername(db, username.toLowerCase());
  if (!row) return { ok: false as const, account: null };
  const refuse = async (blocked: 'locked' | 'disabled') => {
    await verifyPassword(row.passwordHash, password); // the same work as a real check
    return { ok: false as const, account: row, blocked };
  };
  if (row.disabled !== 0) return refuse('disabled');
  const now = Date.now();
  // Locks are per (account, address): guesses from one address cannot lock the owner out
  // everywhere (issue 19 item 9). The account row keeps the latest lock for administrators.
  const client = clientKey(ctx.ip);
  const lock = async () => {
    const until = await throttle.lockPair(db, row.id, client, now);
    await repo.updateAccountRow(db, row.id, { lockedUntil: until });
  };
  // The attempt is counted before the password is checked (atomically), not after: otherwise a
  // burst of parallel guesses all read the same count and the lock never comes.
  const attempt = await throttle.countPairAttempt(db, row.id, client, new Date(now).toISOString());
  if (attempt === null) return refuse('locked');
  if (attempt > LOCK_AFTER_FAILURES) {
    // attempts still in flight have used up the allowance
    await lock();
    return refuse('locked');
  }
  const passwordOk = await verifyPassword(row.passwordHash, password);
  // With a second factor, the code counts as part of the credentials: a wrong or reused code is
  // a failed attempt like a wrong password (and answered the same way).
  const otpOk = !passwordOk || !row.mfaEnabledAt || (await secondFactorOk(ctx, row, otp));
  if (passwordOk && otpOk) {
    await throttle.clearPair(db, row.id, client);
    await repo.updateAccountRow(db, row.id, { failedLogins: 0, lockedUntil: null });
    return { ok: true as const, account: row };
  }
  await countFailureForAlert(ctx, row);
  const lockedNow = attempt >= LOCK_AFTER_FAILURES;
  if (lockedNow) await lock();
  return { ok: false as const, account: row, lockedNow, ...(passwordOk ? { otp: true } : {}) };
}

export async function rolesOfAccount(deps: Deps, id: number): Promise<Role[]> {
  return (await repo.rolesByAccount(deps.db, [id])).get(id) ?? [];
}

/** How many passwords a change may not return to (the current one included). */
export const PASSWORD_HISTORY = 5;

/** The signed-in user changes their own password; every session of theirs ends. */
export async function changeOwnPassword(ctx: Ctx, currentPassword: string, newPassword: string) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  const row = await repo.findAccountById(ctx.deps.db, actor.id);
  if (!row) throw new AppError('auth.required');
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    throw new AppError('auth.wrong_current_password', [
      { field: 'currentPassword', code: 'invalid_value' },
    ]);
  }
  assertPasswordPolicy(newPassword, 'newPassword', [row.username, row.displayName]);
  // MLPS / AUTH-03: not the current password nor any of the PASSWORD_HISTORY before it.
  if (newPassword === currentPassword) throw new AppError('auth.password_reused');
  for (const old of await repo.recentPasswordHashes(ctx.deps.db, actor.id, PASSWORD_HISTORY - 1))
    if (await verifyPassword(old, newPassword)) throw new AppError('auth.password_reused');
  const passwordHash = await hashPassword(newPassword);
  await ctx.deps.db.transaction().execute(async (trx) => {
    await repo.rememberPasswordHash(trx, actor.id, row.passwordHash);
    await repo.updateAccountRow(trx, actor.id, {
      passwordHash,
      passwordChangedAt: new Date().toISOString(),
      passwordSetByOther: 0,
    });
    await repo.deleteSessionsOf(trx, actor.id);
    await writeAudit(trx, ctx, {
      action: 'auth.password_change',
      objectType: 'account',
      objectId: actor.id,
    });
  });
}

/** Creates an account as the system (demo data, first start); same rules, no manager check. */
export async function createAccountAsSystem(
  ctx: Ctx,
  input: Omit<CreateAccountBody, 'email'> & { email?: string | null; orgManager?: boolean },
): Promise<number> {
  assertPasswordPolicy(input.password, 'password', [input.username, input.displayName]);
  if (checkRoleSet(input.roles)) throw new AppError('account.roles_invalid');
  const passwordHash = await hashPassword(input.password);
  return ctx.deps.db.transaction().execute(async (trx) => {
    const { username, displayName, regionCode, orgId } = input;
    const id = await repo.insertAccount(trx, {
      username,
      displayName,
      regionCode,
      orgId,
      passwordHash,
      email: input.email ?? null,
      orgManager: input.orgManager ? 1 : 0,
    });
    await repo.replaceRoles(trx, id, input.roles);
    await writeAudit(trx, ctx, {
      action: 'account.create',
      objectType: 'account',
      objectId: id,
      regionCode: input.regionCode,
      detail: { username: input.username, roles: input.roles },
    });
    return id;
  });
}

/** The id of the account with that user name, if any (demo seeding skips existing accounts). */
export async function accountIdByUsername(deps: Deps, username: string): Promise<number | null> {
  return (await repo.findAccountByUsername(deps.db, username))?.id ?? null;
}

/** The oldest accounts (the demo ones on a demo install), for the start-up banner. */
export async function firstAccounts(deps: Deps, n: number) {
  const { rows } = await repo.listAccountRows(deps.db, deps.dialect, {}, 1, n);
  const roles = await repo.rolesByAccount(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    username: r.username,
    regionCode: r.regionCode,
    roles: roles.get(r.id) ?? [],
  }));
}

/**
 * The enabled accounts holding `role` in one city, as other modules may show them (the market's
 * brokers): id and display name only, never user names or contact data. The caller's module
 * decides who may see the list.
 */
export async function publicAccountsWithRole(
  ctx: Ctx,
  q: { role: Role; regionCode: string; limit: number },
): Promise<{ id: number; displayName: string }[]> {
  const rows = await repo.enabledAccountsWithRole(ctx.deps.db, q.role, q.regionCode, q.limit);
  return rows.map((r) => ({ id: r.id, displayName: r.displayName }));
}

/** An account's display name as other modules show it (e.g. the broker of a negotiation). */
export async function displayNameOf(ctx: Ctx, id: number): Promise<string | null> {
  return (await repo.findAccountById(ctx.deps.db, id))?.displayName ?? null;
}

/** User names of accounts by id (the audit log names the objects of its events with them). */
export function accountNames(ctx: Ctx, ids: readonly number[]) {
  return repo.usernamesByIds(ctx.deps.db, ids);
}
