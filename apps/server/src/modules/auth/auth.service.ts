import type { Me, ScopeCode } from '@corridor/contracts';
import { piDigest, writeAuditAlone } from '../../core/audit/audit';
import { burnPasswordCheck } from '../../core/auth/passwords';
import {
  createSession,
  deleteSession,
  isMfaSetupRequired,
  mustChangePassword,
} from '../../core/auth/sessions';
import type { Actor, Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { checkLogin, rolesOfAccount } from '../accounts/accounts.service';
import { getOrgSummary } from '../orgs/orgs.service';
import { abilitiesOf } from './auth.abilities';

/**
 * Signs in. Unknown user, wrong password, locked and disabled accounts all get the same answer,
 * after the same amount of work, so the answer reveals nothing about the account.
 */
export async function login(ctx: Ctx, username: string, password: string, otp?: string) {
  const result = await checkLogin(ctx, username, password, otp);
  if (!result.account) await burnPasswordCheck(password);
  if (!result.ok) {
    await writeAuditAlone(ctx, {
      action: 'auth.login',
      outcome: 'failure',
      objectType: 'account',
      ...(result.account
        ? { objectId: result.account.id, regionCode: result.account.regionCode }
        : {}),
      detail: {
        user: piDigest(ctx, username.toLowerCase()),
        reason: result.account
          ? ('blocked' in result && result.blocked) || ('otp' in result ? 'otp' : 'password')
          : 'unknown_user',
        ...('lockedNow' in result && result.lockedNow ? { locked: true } : {}),
      },
    });
    throw new AppError('auth.invalid_credentials');
  }
  const account = result.account;
  const session = await createSession(ctx.deps, account.id, ctx.ip);
  const roles = await rolesOfAccount(ctx.deps, account.id);
  const actor: Actor = {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    roles,
    regionCode: account.regionCode as ScopeCode,
    orgId: account.orgId,
    sessionHash: '',
    csrfToken: session.csrfToken,
    passwordExpired: mustChangePassword(ctx.deps, roles, account),
    mfaEnabled: account.mfaEnabledAt !== null,
    mfaSetupRequired: isMfaSetupRequired(ctx.deps, roles, account.mfaEnabledAt),
    orgManager: account.orgManager === 1 && account.orgId !== null && roles.includes('enterprise'),
  };
  await writeAuditAlone(
    { ...ctx, actor },
    { action: 'auth.login', objectType: 'account', objectId: account.id },
  );
  return { token: session.token, me: await describe({ ...ctx, actor }, actor) };
}

export async function logout(ctx: Ctx) {
  const actor = ctx.actor;
  if (!actor) return;
  await deleteSession(ctx.deps, actor.sessionHash);
  await writeAuditAlone(ctx, { action: 'auth.logout', objectType: 'account', objectId: actor.id });
}

/** The signed-in account as the web app needs it. */
export async function describe(ctx: Ctx, actor: Actor): Promise<Me> {
  const org = actor.orgId ? await getOrgSummary(ctx, actor.orgId) : null;
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    roles: actor.roles,
    regionCode: actor.regionCode,
    orgId: actor.orgId,
    orgName: org?.name ?? null,
    csrfToken: actor.csrfToken,
    // An expired password or a missing second factor opens nothing but its own page.
    abilities:
      actor.passwordExpired || actor.mfaSetupRequired ? [] : abilitiesOf(actor.roles, actor),
    passwordExpired: !!actor.passwordExpired,
    mfaEnabled: !!actor.mfaEnabled,
    mfaSetupRequired: !!actor.mfaSetupRequired,
  };
}
