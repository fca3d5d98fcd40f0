/**
 * The correction window: the frozen inputs as each reader may see them; an enterprise claims
 * another value for one of its indicators (with reason and evidence); the publisher accepts —
 * the snapshot takes the claimed value, marked 'corrected' — or rejects, always giving a reason.
 * Every step is audited.
 */
import {
  type Correction,
  type CorrectionDecision,
  type CorrectionInput,
  type EntryQuery,
  type InputRow,
  type Page,
  type Provenance,
  roundTo,
} from '@corridor/contracts';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import { claimVersion } from '../../core/db/row-version';
import { AppError, fieldError } from '../../core/errors';
import { methodIndicators } from './rankings.methods.service';
import { cityLimit, enterpriseOrgOf, isProvinceAdmin, ownsEdition } from './rankings.policy';
import * as repo from './rankings.repo';
import { type EditionRow, visibleEdition } from './rankings.service';
import { windowOpen } from './rankings.window';

function present(row: repo.CorrectionRow): Correction {
  return {
    id: row.id,
    editionId: row.editionId,
    version: row.version,
    orgId: row.orgId,
    orgName: row.orgName,
    creditCode: row.creditCode,
    field: row.field,
    previousValue: row.previousValue,
    claimedValue: row.claimedValue,
    reason: row.reason,
    evidence: row.evidence,
    status: row.status as Correction['status'],
    decisionReason: row.decisionReason,
    filedAt: row.filedAt,
    decidedAt: row.decidedAt,
  };
}

export async function fileCorrection(
  ctx: Ctx,
  editionId: number,
  input: CorrectionInput,
): Promise<Correction> {
  const actor = ctx.actor!;
  const ownOrg = enterpriseOrgOf(actor);
  // Only for the account's own organisation, whatever the body says.
  if (ownOrg === null || (input.orgId !== undefined && input.orgId !== ownOrg))
    throw new AppError('permission.denied');
  const edition = await visibleEdition(ctx, editionId);
  if (edition.status === 'published') throw new AppError('ranking.published_immutable');
  if (!windowOpen(edition)) throw new AppError('ranking.window_not_open');
  const snapshot = await repo.findInput(ctx.deps.db, editionId, ownOrg);
  if (!snapshot) throw new AppError('ranking.not_in_edition');
  const method = (await repo.findMethod(ctx.deps.db, edition.methodId))!;
  if (!methodIndicators(method).some((i) => i.key === input.field))
    throw fieldError('field', 'ranking.field_not_in_method');
  const values = JSON.parse(snapshot.inputValues) as Record<string, number | null>;
  const now = new Date().toISOString();
  try {
    const id = await ctx.deps.db.transaction().execute(async (trx) => {
      // Serialises with close-window and publication: the window must still be open now.
      if (!(await repo.updateEditionIf(trx, editionId, ['correction'], { updatedAt: now })))
        throw new AppError('ranking.window_not_open');
      const newId = await repo.insertCorrection(trx, {
        editionId,
        orgId: ownOrg,
        field: input.field,
        previousValue: values[input.field] ?? null,
        claimedValue: roundTo(input.claimedValue, 6),
        reason: input.reason,
        evidence: input.evidence,
        status: 'pending',
        filedBy: actor.id,
        filedAt: now,
      });
      await writeAudit(trx, ctx, {
        action: 'ranking.correction.file',
        objectType: 'ranking_correction',
        objectId: newId,
        regionCode: snapshot.regionCode,
        detail: {
          editionId,
          orgId: ownOrg,
          field: input.field,
          previousValue: values[input.field] ?? null,
          claimedValue: input.claimedValue,
        },
      });
      return newId;
    });
    return present((await repo.findCorrection(ctx.deps.db, id))!);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ranking.correction_pending');
    throw error;
  }
}

export async function decideCorrection(
  ctx: Ctx,
  correctionId: number,
  decision: CorrectionDecision,
): Promise<Correction> {
  const row = await repo.findCorrection(ctx.deps.db, correctionId);
  if (!row) throw new AppError('ranking.correction_not_found');
  const edition = await repo.findEdition(ctx.deps.db, row.editionId);
  if (!edition || !ownsEdition(ctx.actor, edition)) throw new AppError('permission.denied');
  if (edition.status === 'published') throw new AppError('ranking.published_immutable');
  if (row.status !== 'pending') throw new AppError('ranking.correction_decided');
  const now = new Date().toISOString();
  const accepted = decision.decision === 'accept';
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'rankingCorrections', correctionId, decision.version);
    if (
      !(await repo.updateEditionIf(trx, row.editionId, ['correction', 'closed'], {
        updatedAt: now,
      }))
    )
      throw new AppError('ranking.wrong_state');
    const ok = await repo.decideCorrection(trx, correctionId, {
      status: accepted ? 'accepted' : 'rejected',
      decisionReason: decision.reason,
      decidedBy: ctx.actor!.id,
      decidedAt: now,
    });
    if (!ok) throw new AppError('ranking.correction_decided');
    let applied: { from: number | null; to: number } | null = null;
    if (accepted) {
      const input = (await repo.findInput(trx, row.editionId, row.orgId))!;
      const values = JSON.parse(input.inputValues) as Record<string, number | null>;
      const provenance = JSON.parse(input.provenance) as Record<string, Provenance>;
      applied = { from: values[row.field] ?? null, to: row.claimedValue };
      values[row.field] = row.claimedValue;
      provenance[row.field] = 'corrected';
      await repo.setInputValue(trx, row.editionId, row.orgId, {
        inputValues: JSON.stringify(values),
        provenance: JSON.stringify(provenance),
      });
    }
    await writeAudit(trx, ctx, {
      action: accepted ? 'ranking.correction.accept' : 'ranking.correction.reject',
      objectType: 'ranking_correction',
      objectId: correctionId,
      regionCode: row.regionCode,
      detail: {
        editionId: row.editionId,
        orgId: row.orgId,
        field: row.field,
        reason: decision.reason,
        ...(applied ? { applied } : {}),
      },
    });
  });
  return present((await repo.findCorrection(ctx.deps.db, correctionId))!);
}

/** The publisher and the province see all; a city admin its city; an enterprise its own. */
export async function listCorrections(
  ctx: Ctx,
  editionId: number,
  q: { page: number; pageSize: number; status?: Correction['status'] | undefined },
): Promise<Page<Correction>> {
  const edition = await visibleEdition(ctx, editionId);
  const actor = ctx.actor!;
  let scope: { orgId?: number; city?: string } = {};
  if (!ownsEdition(actor, edition) && !isProvinceAdmin(actor)) {
    const orgId = enterpriseOrgOf(actor);
    if (orgId !== null) scope = { orgId };
    else if (actor.roles.includes('city_admin')) scope = { city: actor.regionCode };
    else throw new AppError('permission.denied');
  }
  const { total, rows } = await repo.pageCorrections(
    ctx.deps.db,
    editionId,
    { status: q.status, ...scope },
    q.page,
    q.pageSize,
  );
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

/** What a reader of inputs is limited to: everything, one city, or one organisation. */
function inputScope(ctx: Ctx, row: EditionRow): { city?: string; orgId?: number } {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  if (ownsEdition(actor, row) || isProvinceAdmin(actor)) return {};
  const orgId = enterpriseOrgOf(actor);
  if (orgId !== null) return { orgId };
  if (actor.roles.includes('city_admin')) return { city: cityLimit(actor, row)! };
  throw new AppError('permission.denied');
}

export async function listInputs(ctx: Ctx, id: number, q: EntryQuery): Promise<Page<InputRow>> {
  const row = await visibleEdition(ctx, id);
  const scope = inputScope(ctx, row);
  const keys = methodIndicators(
    (await repo.findMethod(ctx.deps.db, row.methodId)) ?? { indicators: '[]' },
  ).map((i) => i.key);
  const filter = {
    ...q,
    ...(scope.city ? { city: q.city && q.city !== scope.city ? '-' : scope.city } : {}),
    ...(scope.orgId ? { orgId: scope.orgId } : {}),
  };
  const { total, rows } = await repo.pageInputs(
    ctx.deps.db,
    ctx.deps.dialect,
    id,
    filter,
    q.page,
    q.pageSize,
  );
  return {
    items: rows.map((r) => {
      const values = JSON.parse(r.inputValues) as Record<string, number | null>;
      const provenance = JSON.parse(r.provenance) as Record<string, Provenance>;
      return {
        orgId: r.orgId,
        creditCode: r.creditCode,
        name: r.name,
        regionCode: r.regionCode,
        industry: r.industry,
        values: keys.map((key) => ({
          key,
          value: values[key] ?? null,
          provenance: provenance[key] ?? 'derived',
        })),
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
