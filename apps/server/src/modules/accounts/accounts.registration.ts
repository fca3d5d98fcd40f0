import type {
  CityCode,
  IndustryCode,
  Page,
  Registration,
  RegistrationBody,
  RegistrationQuery,
  RegistrationStatus,
} from '@corridor/contracts';
import { piDigest, writeAudit } from '../../core/audit/audit';
import { hashPassword } from '../../core/auth/passwords';
import type { Ctx } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import { claimVersion } from '../../core/db/row-version';
import { AppError, fieldError } from '../../core/errors';
import { emailAddressInTrx, notifyInTrx } from '../notifications/notifications.service';
import { createOrgInTrx, findOrgFactsByCreditCodes } from '../orgs/orgs.service';
import type { RegistrationRow } from './accounts.registration.repo';
import * as registrations from './accounts.registration.repo';
import * as repo from './accounts.repo';
import { assertPasswordPolicy } from './accounts.service';

/**
 * Enterprise self-registration (issue 10 item 13). An applicant sends the credit code (checked
 * by the GB 32100 rules of the schema), the organisation's name and city, and the first user
 * with the password they chose (policy and common-password check apply; only its hash is kept).
 * When the directory has the code, the application links to that organisation and its city
 * decides; otherwise it carries the organisation's data and the city applied for decides. The
 * city admin approves (the organisation is added if new, and the account is made: role
 * 'enterprise' of that organisation, its account manager) or rejects with a reason; the
 * applicant is told by e-mail either way. An organisation that already has accounts gets its
 * colleagues from its manager, not from here.
 */

async function directoryOrg(ctx: Ctx, creditCode: string) {
  const [org] = await findOrgFactsByCreditCodes(ctx, [creditCode]);
  return org ?? null;
}

function refuseUnlessOpenFor(org: { type: string } | null, accounts: number) {
  if (org && org.type !== 'enterprise')
    throw fieldError('creditCode', 'credit_code.not_enterprise');
  if (accounts > 0) throw new AppError('registration.org_has_accounts');
}

export async function submitRegistration(ctx: Ctx, input: RegistrationBody) {
  const db = ctx.deps.db;
  assertPasswordPolicy(input.password, 'password', [input.username, input.displayName]);
  const org = await directoryOrg(ctx, input.creditCode);
  refuseUnlessOpenFor(org, org ? await repo.countAccountsOfOrg(db, org.id) : 0);
  if (await repo.findAccountByUsername(db, input.username))
    throw new AppError('account.username_taken', [{ field: 'username', code: 'invalid_value' }]);
  if (await registrations.findPending(db, input.creditCode, input.username))
    throw new AppError('registration.pending_exists');
  const passwordHash = await hashPassword(input.password);
  const regionCode = org?.regionCode ?? input.regionCode;
  const createdAt = new Date().toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      const id = await registrations.insertRegistration(trx, {
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        phone: input.phone,
        passwordHash,
        creditCode: input.creditCode,
        orgId: org?.id ?? null,
        orgName: input.orgName,
        orgIndustry: input.industry,
        orgAddress: input.address,
        regionCode,
        createdAt,
      });
      await notifyInTrx(ctx, trx, {
        to: { accountIds: await registrations.cityAdminIds(trx, regionCode) },
        type: 'registration_submitted',
        params: { orgName: org?.name ?? input.orgName, creditCode: input.creditCode },
        link: '/app/registrations',
      });
      await writeAudit(trx, ctx, {
        action: 'registration.submit',
        objectType: 'registration',
        objectId: id,
        regionCode,
        detail: {
          creditCode: input.creditCode,
          username: input.username,
          orgId: org?.id ?? null,
          email: piDigest(ctx, input.email),
        },
      });
    });
  } catch (error) {
    // Two applications for one code or name at once: the partial unique index keeps one.
    if (isUniqueViolation(error)) throw new AppError('registration.pending_exists');
    throw error;
  }
  return { status: 'pending' as const, submittedAt: createdAt };
}

function present(
  row: RegistrationRow,
  directory: { id: number; name: string } | null,
): Registration {
  return {
    id: row.id,
    status: row.status as RegistrationStatus,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    phone: row.phone,
    creditCode: row.creditCode,
    orgName: row.orgName,
    industry: row.orgIndustry as IndustryCode | null,
    address: row.orgAddress,
    regionCode: row.regionCode as CityCode,
    directoryOrg: directory,
    accountId: row.accountId,
    decidedAt: row.decidedAt,
    decidedByName: row.decidedByName,
    reason: row.reason,
    createdAt: row.createdAt,
    version: row.version,
  };
}

/** The city admin of the organisation's city decides; for anyone else it does not exist. */
function requireDecider(ctx: Ctx, regionCode?: string) {
  const actor = ctx.actor;
  if (!actor?.roles.includes('city_admin')) throw new AppError('permission.denied');
  if (regionCode !== undefined && actor.regionCode !== regionCode)
    throw new AppError('registration.not_found');
  return actor;
}

async function presentAll(ctx: Ctx, rows: RegistrationRow[]) {
  const codes = [...new Set(rows.map((r) => r.creditCode))];
  const orgs = new Map((await findOrgFactsByCreditCodes(ctx, codes)).map((o) => [o.creditCode, o]));
  return rows.map((r) => {
    const org = orgs.get(r.creditCode);
    return present(r, org ? { id: org.id, name: org.name } : null);
  });
}

export async function listRegistrations(
  ctx: Ctx,
  q: RegistrationQuery,
): Promise<Page<Registration>> {
  const actor = requireDecider(ctx);
  const { total, rows } = await registrations.listRegistrations(
    ctx.deps.db,
    { regionCode: actor.regionCode, status: q.status },
    q.page,
    q.pageSize,
  );
  return { items: await presentAll(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

async function loadPending(ctx: Ctx, id: number) {
  const row = await registrations.findRegistration(ctx.deps.db, id);
  if (!row) throw new AppError('registration.not_found');
  requireDecider(ctx, row.regionCode);
  return row;
}

async function getRegistration(ctx: Ctx, id: number): Promise<Registration> {
  const row = await registrations.findRegistration(ctx.deps.db, id);
  if (!row) throw new AppError('registration.not_found');
  return (await presentAll(ctx, [row]))[0]!;
}

/** Approves: the organisation (when new) and its first account, in one transaction. */
export async function approveRegistration(ctx: Ctx, id: number, version: number) {
  const row = await loadPending(ctx, id);
  if (row.status !== 'pending' || !row.passwordHash)
    throw new AppError('registration.already_decided');
  const db = ctx.deps.db;
  // The directory may have gained the organisation, or it its first account, since submission.
  const org = await directoryOrg(ctx, row.creditCode);
  refuseUnlessOpenFor(org, org ? await repo.countAccountsOfOrg(db, org.id) : 0);
  if (await repo.findAccountByUsername(db, row.username))
    throw new AppError('account.username_taken');
  const passwordHash = row.passwordHash;
  await db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'registrations', id, version);
    const orgId =
      org?.id ??
      (await createOrgInTrx(ctx, trx, {
        creditCode: row.creditCode,
        name: row.orgName,
        type: 'enterprise',
        regionCode: row.regionCode as CityCode,
        industry: row.orgIndustry as IndustryCode | null,
        address: row.orgAddress,
        foundedOn: null,
        contactName: row.displayName,
        contactPhone: row.phone,
        description: null,
      }));
    const accountId = await repo.insertAccount(trx, {
      username: row.username,
      displayName: row.displayName,
      passwordHash,
      regionCode: org?.regionCode ?? row.regionCode,
      orgId,
      email: row.email,
      orgManager: 1,
    });
    await repo.replaceRoles(trx, accountId, ['enterprise']);
    await registrations.decideRegistration(trx, id, {
      status: 'approved',
      accountId,
      orgId,
      decidedBy: ctx.actor!.id,
      reason: null,
    });
    await emailAddressInTrx(ctx, trx, {
      address: row.email,
      type: 'registration_approved',
      params: {
        displayName: row.displayName,
        orgName: org?.name ?? row.orgName,
        username: row.username,
      },
      link: '/login',
    });
    await writeAudit(trx, ctx, {
      action: 'account.create',
      objectType: 'account',
      objectId: accountId,
      regionCode: row.regionCode,
      detail: {
        username: row.username,
        roles: ['enterprise'],
        orgId,
        orgManager: true,
        registrationId: id,
      },
    });
    await writeAudit(trx, ctx, {
      action: 'registration.approve',
      objectType: 'registration',
      objectId: id,
      regionCode: row.regionCode,
      detail: { accountId, orgId, orgCreated: !org },
    });
  });
  return getRegistration(ctx, id);
}

export async function rejectRegistration(
  ctx: Ctx,
  id: number,
  input: { version: number; reason: string },
) {
  const row = await loadPending(ctx, id);
  if (row.status !== 'pending') throw new AppError('registration.already_decided');
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'registrations', id, input.version);
    await registrations.decideRegistration(trx, id, {
      status: 'rejected',
      accountId: null,
      orgId: row.orgId,
      decidedBy: ctx.actor!.id,
      reason: input.reason,
    });
    await emailAddressInTrx(ctx, trx, {
      address: row.email,
      type: 'registration_rejected',
      params: { displayName: row.displayName, orgName: row.orgName, reason: input.reason },
      link: null,
    });
    await writeAudit(trx, ctx, {
      action: 'registration.reject',
      objectType: 'registration',
      objectId: id,
      regionCode: row.regionCode,
      detail: { reason: input.reason },
    });
  });
  return getRegistration(ctx, id);
}
