import {
  creditCodeIssuedElsewhere,
  type Org,
  type OrgInput,
  type OrgQuery,
  type OrgUpdate,
  type Page,
} from '@corridor/contracts';
import type { Selectable, Transaction } from 'kysely';
import { applyOrgChange, applyOrgChanges } from '../../core/aggregates/org-counts';
import { piDigest, valuesBefore, writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import type { Database, OrgsTable } from '../../core/db/schema';
import { AppError } from '../../core/errors';
import { refreshTierResults } from '../indicators/indicators.tiers.service';
import { pinyinKeys } from './orgs.pinyin';
import {
  canChangeIdentity,
  canCreateOrgIn,
  canReadOrgs,
  canSeeContact,
  canUpdateOrg,
  maskName,
  maskPhone,
} from './orgs.policy';
import * as repo from './orgs.repo';

type OrgRow = Selectable<OrgsTable>;
const PERSONAL_FIELDS = new Set(['contactName', 'contactPhone']);
const IDENTITY_FIELDS = ['creditCode', 'type', 'regionCode'] as const;

export function presentOrg(ctx: Ctx, row: OrgRow): Org {
  const actor = ctx.actor!;
  const ref = { id: row.id, regionCode: row.regionCode };
  const open = canSeeContact(actor, ref);
  return {
    id: row.id,
    creditCode: row.creditCode,
    creditCodeIssuedIn: creditCodeIssuedElsewhere(row.creditCode, row.regionCode),
    name: row.name,
    pinyinInitials: row.pinyinInitials,
    type: row.type as Org['type'],
    regionCode: row.regionCode as Org['regionCode'],
    industry: row.industry as Org['industry'],
    address: row.address,
    foundedOn: row.foundedOn,
    contactName: open ? row.contactName : maskName(row.contactName),
    contactPhone: open ? row.contactPhone : maskPhone(row.contactPhone),
    description: row.description,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: { update: canUpdateOrg(actor, ref) },
  };
}

function requireReader(ctx: Ctx) {
  if (!ctx.actor || !canReadOrgs(ctx.actor)) throw new AppError('permission.denied');
}

export async function listOrgs(ctx: Ctx, query: OrgQuery): Promise<Page<Org>> {
  requireReader(ctx);
  const { total, rows } = await repo.listOrgRows(
    ctx.deps.db,
    ctx.deps.dialect,
    query,
    query.page,
    query.pageSize,
  );
  return {
    items: rows.map((r) => presentOrg(ctx, r)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getOrg(ctx: Ctx, id: number): Promise<Org> {
  requireReader(ctx);
  const row = await repo.findOrgById(ctx.deps.db, id);
  if (!row) throw new AppError('org.not_found');
  return presentOrg(ctx, row);
}

/** Name and city of an organisation, for other modules (no permission needed: no personal data). */
export async function getOrgSummary(ctx: Ctx, id: number) {
  const row = await repo.findOrgById(ctx.deps.db, id);
  return row ? { id: row.id, name: row.name, regionCode: row.regionCode, type: row.type } : null;
}

/** Audit detail of org values: facts copied, personal data replaced by its keyed digest. */
export function auditValues(ctx: Ctx, values: Partial<OrgInput>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      PERSONAL_FIELDS.has(k) && typeof v === 'string' ? piDigest(ctx, v) : v,
    ]),
  );
}

export function rowValues(input: OrgInput, actorId: number | null, now: string) {
  const keys = pinyinKeys(input.name);
  return {
    ...input,
    pinyinInitials: keys.initials,
    pinyinFull: keys.full,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: actorId,
    updatedBy: actorId,
  };
}

export async function createOrg(ctx: Ctx, input: OrgInput): Promise<Org> {
  try {
    const id = await ctx.deps.db
      .transaction()
      .execute(async (trx) => createOrgInTrx(ctx, trx, input));
    return getOrg(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('org.credit_code_taken', [
        { field: 'creditCode', code: 'credit_code.taken' },
      ]);
    throw error;
  }
}

/** What the tier engine reads of an organisation besides its indicators and certificates. */
const TIER_FACTS = ['industry', 'regionCode', 'foundedOn'] as const;
/**
 * Adds an organisation inside the caller's transaction (an approved registration makes the
 * organisation and its first account together). The actor must be allowed to create there; a
 * taken credit code fails the transaction with the database's unique violation.
 */
export async function createOrgInTrx(
  ctx: Ctx,
  trx: Transaction<Database>,
  input: OrgInput,
): Promise<number> {
  const actor = ctx.actor!;
  if (!canCreateOrgIn(actor, input.regionCode)) throw new AppError('permission.denied');
  const now = new Date().toISOString();
  const newId = await repo.insertOrg(trx, rowValues(input, actor.id, now));
  // Cockpit aggregates change in the same transaction (issue 5).
  await applyOrgChange(trx, null, { ...input, createdAt: now });
  await writeAudit(trx, ctx, {
    action: 'org.create',
    objectType: 'org',
    objectId: newId,
    regionCode: input.regionCode,
    // A code issued in another city is allowed (a move, a branch) but recorded as such.
    detail: {
      ...auditValues(ctx, input),
      creditCodeIssuedIn: creditCodeIssuedElsewhere(input.creditCode, input.regionCode),
    },
  });
  return newId;
}

export async function updateOrg(ctx: Ctx, id: number, patch: OrgUpdate): Promise<Org> {
  requireReader(ctx);
  const actor = ctx.actor!;
  const row = await repo.findOrgById(ctx.deps.db, id);
  if (!row) throw new AppError('org.not_found');
  const ref = { id: row.id, regionCode: row.regionCode };
  if (!canUpdateOrg(actor, ref)) throw new AppError('permission.denied');
  const { version, ...fields } = patch;
  const changed = Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => v !== undefined && row[k as keyof OrgRow] !== v),
  ) as Partial<OrgInput>;
  const identityChange = IDENTITY_FIELDS.some((k) => k in changed);
  if (identityChange && !canChangeIdentity(actor, ref)) throw new AppError('permission.denied');
  // Moving an organisation to another city needs the right to register it there too.
  if (changed.regionCode && !canCreateOrgIn(actor, changed.regionCode))
    throw new AppError('permission.denied');
  if (version !== row.version) throw new AppError('org.version_conflict');
  if (Object.keys(changed).length === 0) return presentOrg(ctx, row);
  const keys = changed.name ? pinyinKeys(changed.name) : null;
  try {
    await ctx.deps.db.transaction().execute(async (trx) => {
      const ok = await repo.updateOrgIfVersion(trx, id, version, {
        ...changed,
        ...(keys ? { pinyinInitials: keys.initials, pinyinFull: keys.full } : {}),
        updatedAt: new Date().toISOString(),
        updatedBy: actor.id,
      });
      if (!ok) throw new AppError('org.version_conflict');
      // Cockpit aggregates follow a change of city, type or industry (issue 5; else a no-op).
      const after = { ...row, ...changed };
      await applyOrgChange(trx, row, after);
      // The stored tier results depend on the industry (SME size class), city and founding
      // date: re-evaluated in this transaction, so the statistics never lag behind the record.
      if (TIER_FACTS.some((k) => k in changed))
        await refreshTierResults(trx, [
          {
            id,
            regionCode: after.regionCode,
            industry: after.industry,
            foundedOn: after.foundedOn,
          },
        ]);
      await writeAudit(trx, ctx, {
        action: 'org.update',
        objectType: 'org',
        objectId: id,
        regionCode: changed.regionCode ?? row.regionCode,
        detail: {
          changed: auditValues(ctx, changed),
          before: auditValues(ctx, valuesBefore(row, changed)),
          fromVersion: version,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('org.credit_code_taken', [
        { field: 'creditCode', code: 'credit_code.taken' },
      ]);
    throw error;
  }
  return getOrg(ctx, id);
}

/** Counts per city and type, for the public overview (aggregates only). */
export async function countOrgs(ctx: Ctx) {
  return repo.countOrgsByCityAndType(ctx.deps.db);
}

/** Bulk load for the demo-data command: batched inserts, one audit event for the batch. */
export async function bulkInsertOrgs(ctx: Ctx, inputs: OrgInput[]): Promise<number[]> {
  const now = new Date().toISOString();
  return ctx.deps.db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (let i = 0; i < inputs.length; i += 400) {
      const values = inputs.slice(i, i + 400).map((input) => rowValues(input, null, now));
      const rows = await trx.insertInto('orgs').values(values).returning('id').execute();
      // Cockpit aggregates, same transaction (issue 5).
      const added = values.map((after) => ({ before: null, after }));
      await applyOrgChanges(trx, added);
      ids.push(...rows.map((r) => r.id));
    }
    await writeAudit(trx, ctx, {
      action: 'org.bulk_load',
      objectType: 'org',
      detail: { count: inputs.length, firstId: ids[0] ?? null, lastId: ids.at(-1) ?? null },
    });
    return ids;
  });
}

/** Id, type and city of the organisations holding these credit codes (those that exist). */
export async function findOrgRefsByCreditCodes(ctx: Ctx, codes: string[]) {
  return repo.findOrgRefsByCreditCodes(ctx.deps.db, codes);
}

/** Directory facts (code, name, type, city, founding date) for other modules; no personal data. */
export async function findOrgFactsByIds(ctx: Ctx, ids: number[]) {
  return repo.findOrgFacts(ctx.deps.db, 'id', ids);
}

export async function findOrgFactsByCreditCodes(ctx: Ctx, codes: string[]) {
  return repo.findOrgFacts(ctx.deps.db, 'creditCode', codes);
}

/** Code, name, city and industry of the enterprises in a scope, for the ranking lists. */
export async function findEnterpriseFacts(
  ctx: Ctx,
  scope: { city?: string | null; industry?: string | null },
) {
  return repo.enterpriseFacts(ctx.deps.db, scope);
}
