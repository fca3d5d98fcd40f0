import {
  INDICATOR_FIELDS,
  type IndicatorChange,
  type IndicatorCorrection,
  type IndicatorSource,
  type IndicatorYear,
  type IndicatorYearInput,
  type ValueProvenance,
} from '@corridor/contracts';
import type { Selectable } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import type { IndicatorChangesTable } from '../../core/db/schema';
import { AppError } from '../../core/errors';
import { findOrgFactsByIds } from '../orgs/orgs.service';
import { plausibilityProblems, type StoredValues } from './indicators.evaluate';
import {
  canEditIndicators,
  canManageCertificates,
  canReadIndicators,
  canSeeHistory,
} from './indicators.policy';
import * as repo from './indicators.repo';
import { refreshTierResults } from './indicators.tiers.service';
import { storedFrom, writeYear } from './indicators.write';

type ChangeRow = Selectable<IndicatorChangesTable>;
export type OrgFacts = Awaited<ReturnType<typeof findOrgFactsByIds>>[number];
const HISTORY_LIMIT = 1000;

/** The organisation, or 404; then the read (or edit) policy, or 403. */
export async function orgForIndicators(ctx: Ctx, orgId: number, mode: 'read' | 'edit') {
  const [org] = await findOrgFactsByIds(ctx, [orgId]);
  if (!org) throw new AppError('org.not_found');
  const allowed = mode === 'read' ? canReadIndicators : canEditIndicators;
  if (!allowed(ctx.actor!, org)) throw new AppError('permission.denied');
  if (mode === 'edit' && org.type !== 'enterprise') throw new AppError('indicator.not_enterprise');
  return org;
}

/** Per field, the change that set the current value ('*' rows cover a whole loaded record). */
function provenanceOf(
  changes: ChangeRow[],
  year: number,
  showNames: boolean,
): Record<string, ValueProvenance> {
  const out: Record<string, ValueProvenance> = {};
  const mine = changes.filter((c) => c.year === year); // newest first
  for (const field of INDICATOR_FIELDS) {
    const c = mine.find((x) => x.field === field || x.field === '*');
    if (!c) continue;
    out[field] = {
      source: c.source as IndicatorSource,
      changedAt: c.changedAt,
      changedBy: showNames ? c.changedByName : null,
    };
  }
  return out;
}

function present(ctx: Ctx, org: OrgFacts, row: repo.YearRow, changes: ChangeRow[]): IndicatorYear {
  return {
    orgId: row.orgId,
    year: row.year,
    values: repo.rowToValues(row),
    version: row.version,
    updatedAt: row.updatedAt,
    provenance: provenanceOf(changes, row.year, canSeeHistory(ctx.actor!, org)),
  };
}

export async function listIndicatorYears(ctx: Ctx, orgId: number) {
  const org = await orgForIndicators(ctx, orgId, 'read');
  const [rows, changes] = await Promise.all([
    repo.listYearRows(ctx.deps.db, orgId),
    repo.listChanges(ctx.deps.db, orgId, null, 5000),
  ]);
  const actor = ctx.actor!;
  return {
    orgId,
    years: rows.map((r) => present(ctx, org, r, changes)),
    abilities: {
      edit: org.type === 'enterprise' && canEditIndicators(actor, org),
      certificates: canManageCertificates(actor, org),
      history: canSeeHistory(actor, org),
    },
  };
}

export async function getIndicatorYear(ctx: Ctx, orgId: number, year: number) {
  const org = await orgForIndicators(ctx, orgId, 'read');
  const row = await repo.findYearRow(ctx.deps.db, orgId, year);
  if (!row) throw new AppError('indicator.not_found');
  const changes = await repo.listChanges(ctx.deps.db, orgId, year, HISTORY_LIMIT);
  return present(ctx, org, row, changes);
}

function assertPlausible(values: StoredValues, org: OrgFacts, year: number, prefix = '') {
  const withFounding = { ...values, foundedOn: values.foundedOn ?? org.foundedOn };
  const problems = plausibilityProblems(withFounding, year, prefix);
  if (problems.length > 0) throw new AppError('validation.failed', problems);
}

async function saveYear(
  ctx: Ctx,
  org: OrgFacts,
  year: number,
  existing: repo.YearRow | undefined,
  next: StoredValues,
  source: IndicatorSource,
  note: string | null,
) {
  await ctx.deps.db.transaction().execute(async (trx) => {
    const fields = await writeYear(trx, ctx, { orgId: org.id, year, existing, next, source, note });
    if (fields.length === 0) return;
    await refreshTierResults(trx, [org]);
    await writeAudit(trx, ctx, {
      action: source === 'correction' ? 'indicator.correct' : 'indicator.save',
      objectType: 'indicator_year',
      objectId: `${org.id}:${year}`,
      regionCode: org.regionCode,
      detail: { orgId: org.id, year, source, fields, fromVersion: existing?.version ?? null },
    });
  });
}

/** PUT: the whole year from a form. Creates the year or replaces every value of it. */
export async function putIndicatorYear(
  ctx: Ctx,
  orgId: number,
  year: number,
  input: IndicatorYearInput,
) {
  const org = await orgForIndicators(ctx, orgId, 'edit');
  const { version, ...values } = input;
  const next = storedFrom(values);
  assertPlausible(next, org, year);
  const existing = await repo.findYearRow(ctx.deps.db, orgId, year);
  // 0 = the writer saw no record for this year; otherwise the version it read.
  if (version !== (existing?.version ?? 0)) throw new AppError('indicator.version_conflict');
  await saveYear(ctx, org, year, existing, next, 'form', null);
  return getIndicatorYear(ctx, orgId, year);
}

/** PATCH: a correction of some values of an existing year, with its reason. */
export async function correctIndicatorYear(
  ctx: Ctx,
  orgId: number,
  year: number,
  body: IndicatorCorrection,
) {
  const org = await orgForIndicators(ctx, orgId, 'edit');
  const existing = await repo.findYearRow(ctx.deps.db, orgId, year);
  if (!existing) throw new AppError('indicator.not_found');
  if (body.version !== existing.version) throw new AppError('indicator.version_conflict');
  const next = storedFrom(body.values, repo.rowToValues(existing));
  assertPlausible(next, org, year, 'values.');
  await saveYear(ctx, org, year, existing, next, 'correction', body.note);
  return getIndicatorYear(ctx, orgId, year);
}

function presentChange(c: ChangeRow): IndicatorChange {
  return {
    id: c.id,
    year: c.year,
    field: c.field,
    oldValue: c.oldValue === null ? null : JSON.parse(c.oldValue),
    newValue: c.newValue === null ? null : JSON.parse(c.newValue),
    source: c.source as IndicatorSource,
    changedAt: c.changedAt,
    changedBy: c.changedByName,
    note: c.note,
  };
}

/** Every change of one year, newest first: source, who, when, old and new value. */
export async function indicatorHistory(ctx: Ctx, orgId: number, year: number) {
  const org = await orgForIndicators(ctx, orgId, 'read');
  if (!canSeeHistory(ctx.actor!, org)) throw new AppError('permission.denied');
  const changes = await repo.listChanges(ctx.deps.db, orgId, year, HISTORY_LIMIT);
  return { items: changes.map(presentChange) };
}
