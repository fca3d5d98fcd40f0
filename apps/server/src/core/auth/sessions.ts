import { createHash, randomBytes } from 'node:crypto';
import { isPrivileged, ROLES, type Role, type ScopeCode } from '@corridor/contracts';
import type { Actor, Deps } from '../context';

export const SESSION_COOKIE = 'corridor_sid';
/** Avoid a write on every request: last-seen is refreshed at most once a minute. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a server-side session; the cookie carries a 256-bit random token, the DB its hash. */
export async function createSession(deps: Deps, accountId: number, ip: string | null) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await deps.db
    .insertInto('sessions')
    .values({
      tokenHash: hashToken(token),
      accountId,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + deps.config.sessionAbsoluteMs).toISOString(),
      sourceIp: ip,
    })
    .execute();
  return { token, csrfToken };
}

/** Resolves a cookie token to its account, enforcing idle and absolute timeouts. */
export async function resolveSession(deps: Deps, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('accounts', 'accounts.id', 'sessions.accountId')
    .select([
      'sessions.accountId',
      'sessions.csrfToken',
      'sessions.lastSeenAt',
      'sessions.expiresAt',
      'accounts.username',
      'accounts.displayName',
      'accounts.regionCode',
      'accounts.orgId',
      'accounts.disabled',
      'accounts.passwordChangedAt',
      'accounts.passwordSetByOther',
      'accounts.mfaEnabledAt',
      'accounts.orgManager',
    ])
    .where('sessions.tokenHash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleFor = now - Date.parse(row.lastSeenAt);
  if (row.disabled || now >= Date.parse(row.expiresAt) || idleFor >= deps.config.sessionIdleMs) {
    await deps.db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
    return null;
  }
  if (idleFor > TOUCH_EVERY_MS) {
    await deps.db
      .updateTable('sessions')
      .set({ lastSeenAt: new Date(now).toISOString() })
      .where('tokenHash', '=', tokenHash)
      .execute();
  }
  const roles = await rolesOf(deps, row.accountId);
  return {
    id: row.accountId,
    username: row.username,
    displayName: row.displayName,
    roles,
    regionCode: row.regionCode as ScopeCode,
    orgId: row.orgId,
    sessionHash: tokenHash,
    csrfToken: row.csrfToken,
    passwordExpired: mustChangePassword(deps, roles, row),
    mfaEnabled: row.mfaEnabledAt !== null,
    mfaSetupRequired: isMfaSetupRequired(deps, roles, row.mfaEnabledAt),
    // The duty goes with the enterprise role of an organisation (the web menu and the service).
    orgManager: row.orgManager === 1 && row.orgId !== null && roles.includes('enterprise'),
  };
}

/**
 * The account reaches only the password change until it sets a new one: its password was set by
 * an administrator (first sign-in), or, for a privileged account, is past its age.
 */
export function mustChangePassword(
  deps: Deps,
  roles: readonly Role[],
  row: { passwordChangedAt: string; passwordSetByOther: number },
): boolean {
  return row.passwordSetByOther === 1 || isPasswordExpired(deps, roles, row.passwordChangedAt);
}

/** MLPS 8.1.4.1a: a privileged account's password is due for change after the configured age. */
export function isPasswordExpired(deps: Deps, roles: readonly Role[], changedAt: string): boolean {
  return isPrivileged(roles) && Date.now() - Date.parse(changedAt) > deps.config.passwordMaxAgeMs;
}

/** AUTH-07: where configured, a privileged account must enrol a second factor first. */
export function isMfaSetupRequired(
  deps: Deps,
  roles: readonly Role[],
  mfaEnabledAt: string | null,
): boolean {
  return deps.config.mfaPrivileged === 'required' && isPrivileged(roles) && mfaEnabledAt === null;
}

export async function rolesOf(deps: Deps, accountId: number): Promise<Role[]> {
  const rows = await deps.db
    .selectFrom('accountRoles')
    .select('role')
    .where('accountId', '=', accountId)
    .execute();
  return rows.map((r) => r.role).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
}

export async function deleteSession(deps: Deps, tokenHash: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}
