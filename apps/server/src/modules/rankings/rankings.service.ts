import {
  type AuditAction,
  canonicalInputsJson,
  type Edition,
  type EditionInput,
  type EditionQuery,
  earliestClosesOn,
  type Page,
  type Provenance,
  roundTo,
} from '@corridor/contracts';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { claimVersion } from '../../core/db/row-version';
import { AppError, fieldError } from '../../core/errors';
import { rankingInputSource } from './rankings.inputs';
import { methodIndicators } from './rankings.methods.service';
import { canSeeEdition, enterpriseOrgOf, isOfficial, ownsEdition } from './rankings.policy';
import * as repo from './rankings.repo';
import { sm3Hex } from './rankings.verify';
import {
  assertWindowRan,
  closableAt,
  minCorrectionDays,
  todayInChina,
  windowOpen,
  windowRan,
} from './rankings.window';

export type EditionRow = repo.EditionRow;
/** Input values are kept to 6 decimal places: tidy in the published JSON, exact enough. */
const INPUT_DP = 6;

async function inSnapshot(ctx: Ctx, editionId: number): Promise<boolean> {
  const orgId = enterpriseOrgOf(ctx.actor);
  return orgId !== null && !!(await repo.findInput(ctx.deps.db, editionId, orgId));
}

/** The edition if the caller may see it; otherwise 404 (its existence is not revealed). */
export async function visibleEdition(ctx: Ctx, id: number): Promise<EditionRow> {
  const row = await repo.findEdition(ctx.deps.db, id);
  if (!row) throw new AppError('ranking.edition_not_found');
  if (row.status !== 'published' && !canSeeEdition(ctx.actor, row, await inSnapshot(ctx, id)))
    throw new AppError('ranking.edition_not_found');
  return row;
}

/** The edition for a change by its publisher: 404 unseen, 403 not the owner, 409 published. */
export async function ownEditionForChange(ctx: Ctx, id: number): Promise<EditionRow> {
  const row = await visibleEdition(ctx, id);
  if (!ownsEdition(ctx.actor, row)) throw new AppError('permission.denied');
  if (row.status === 'published') throw new AppError('ranking.published_immutable');
  return row;
}

export async function presentEdition(ctx: Ctx, row: EditionRow): Promise<Edition> {
  const counts = await repo.correctionCounts(ctx.deps.db, row.id);
  const owner = ownsEdition(ctx.actor, row);
  const member = row.status === 'correction' && (await inSnapshot(ctx, row.id));
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    year: row.year,
    city: row.city as Edition['city'],
    industry: row.industry as Edition['industry'],
    status: row.status as Edition['status'],
    method: {
      id: row.methodId,
      code: row.methodCode,
      version: row.methodVersion,
      name: row.methodName,
    },
    publisherName: row.publisherName,
    entryCount: row.entryCount,
    createdAt: row.createdAt,
    windowOpenedAt: row.windowOpenedAt,
    windowClosesOn: row.windowClosesOn,
    windowClosedAt: row.windowClosedAt,
    minCorrectionDays: minCorrectionDays(ctx),
    windowClosableAt: row.status === 'correction' ? closableAt(ctx, row) : null,
    publishedAt: row.publishedAt,
    frozenInputsSm3: row.frozenInputsSm3,
    finalInputsSm3: row.finalInputsSm3,
    previousEditionId: row.previousEditionId,
    signature:
      row.status === 'published' && row.signature && row.publicKey && row.canonicalSm3
        ? {
            algorithm: 'SM2-SM3',
            userId: '1234567812345678',
            publicKey: row.publicKey,
            signature: row.signature,
            canonicalSm3: row.canonicalSm3,
          }
        : null,
    corrections: counts,
    abilities: {
      edit: owner && row.status !== 'published',
      openWindow: owner && row.status === 'draft',
      closeWindow: owner && row.status === 'correction' && windowRan(ctx, row),
      publish: owner && row.status === 'closed' && counts.pending === 0 && windowRan(ctx, row),
      fileCorrection: member && windowOpen(row),
      decideCorrections: owner && (row.status === 'correction' || row.status === 'closed'),
    },
  };
}

export async function getEdition(ctx: Ctx, id: number): Promise<Edition> {
  return presentEdition(ctx, await visibleEdition(ctx, id));
}

export async function listEditions(ctx: Ctx, q: EditionQuery): Promise<Page<Edition>> {
  const actor = ctx.actor;
  const visibility = {
    all: isOfficial(actor),
    ownerId: actor?.roles.includes('ranking_publisher') ? actor.id : null,
    orgId: enterpriseOrgOf(actor),
  };
  const { total, rows } = await repo.listEditions(ctx.deps.db, visibility, q, q.page, q.pageSize);
  const items: Edition[] = [];
  for (const row of rows) items.push(await presentEdition(ctx, row));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * A draft: the method's inputs for the year and scope, frozen now, with their SM3. `at` (and
 * in the steps below) is for the demo seed, which backdates editions; the API always acts now.
 */
export async function createEdition(
  ctx: Ctx,
  input: EditionInput,
  at = new Date(),
): Promise<Edition> {
  const actor = ctx.actor!;
  if (!actor.roles.includes('ranking_publisher')) throw new AppError('permission.denied');
  const method = await repo.findMethod(ctx.deps.db, input.methodId);
  if (!method || (method.status !== 'published' && method.ownerId !== actor.id))
    throw new AppError('ranking.method_not_found');
  if (method.status !== 'published') throw new AppError('ranking.method_not_published');
  const keys = methodIndicators(method).map((i) => i.key);
  const inputs = await rankingInputSource().read(ctx, {
    year: input.year,
    city: input.city,
    industry: input.industry,
    metrics: keys,
  });
  if (inputs.length === 0) throw new AppError('ranking.no_inputs');
  const rows = inputs.map((r) => {
    const values: Record<string, number | null> = {};
    const provenance: Record<string, Provenance> = {};
    for (const k of keys) {
      const v = r.values[k];
      values[k] =
        v === null || v === undefined || !Number.isFinite(v) ? null : roundTo(v, INPUT_DP);
      provenance[k] = r.provenance?.[k] ?? 'derived';
    }
    return { ...r, values, provenance };
  });
  const frozenSm3 = sm3Hex(canonicalInputsJson(keys, rows));
  const now = at.toISOString();
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const editionId = await repo.insertEdition(trx, {
      methodId: method.id,
      title: input.title,
      year: input.year,
      city: input.city,
      industry: input.industry,
      status: 'draft',
      ownerId: actor.id,
      publisherName: actor.displayName,
      entryCount: rows.length,
      frozenInputsSm3: frozenSm3,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertInputs(
      trx,
      rows.map((r) => ({
        editionId,
        orgId: r.orgId,
        creditCode: r.creditCode,
        name: r.name,
        regionCode: r.regionCode,
        industry: r.industry,
        inputValues: JSON.stringify(r.values),
        provenance: JSON.stringify(r.provenance),
      })),
    );
    await writeAudit(trx, ctx, {
      action: 'ranking.edition.create',
      objectType: 'ranking_edition',
      objectId: editionId,
      detail: {
        methodId: method.id,
        year: input.year,
        city: input.city,
        industry: input.industry,
        enterprises: rows.length,
        frozenInputsSm3: frozenSm3,
      },
    });
    return editionId;
  });
  return getEdition(ctx, id);
}

/** One stage change of the publisher's own edition, guarded by the stage it must come from. */
async function transition(
  ctx: Ctx,
  id: number,
  version: number,
  from: string,
  set: Record<string, string | null>,
  action: AuditAction,
  detail: Record<string, unknown> = {},
  at = new Date(),
): Promise<Edition> {
  const row = await ownEditionForChange(ctx, id);
  if (row.status !== from) throw new AppError('ranking.wrong_state');
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'rankingEditions', id, version);
    const ok = await repo.updateEditionIf(trx, id, [from], {
      ...set,
      updatedAt: at.toISOString(),
    });
    if (!ok) throw new AppError('ranking.wrong_state');
    await writeAudit(trx, ctx, {
      action,
      objectType: 'ranking_edition',
      objectId: id,
      detail: { from, ...set, ...detail },
    });
  });
  return getEdition(ctx, id);
}

export async function renameEdition(
  ctx: Ctx,
  id: number,
  { title, version }: { title: string; version: number },
): Promise<Edition> {
  const row = await ownEditionForChange(ctx, id);
  return transition(ctx, id, version, row.status, { title }, 'ranking.edition.rename', {
    previousTitle: row.title,
  });
}

/** Opens the window until a planned end that leaves it at least the minimum number of days. */
export async function openWindow(
  ctx: Ctx,
  id: number,
  { closesOn, version }: { closesOn: string; version: number },
  at = new Date(),
): Promise<Edition> {
  // Whose edition and which stage first: a date problem is no business of anyone else's.
  const row = await ownEditionForChange(ctx, id);
  if (row.status !== 'draft') throw new AppError('ranking.wrong_state');
  if (closesOn < todayInChina(at.getTime())) throw fieldError('closesOn', 'ranking.closes_in_past');
  const days = minCorrectionDays(ctx);
  const earliest = earliestClosesOn(at.getTime(), days);
  if (closesOn < earliest)
    throw fieldError('closesOn', 'ranking.closes_too_soon', { days, date: earliest });
  return transition(
    ctx,
    id,
    version,
    'draft',
    { status: 'correction', windowOpenedAt: at.toISOString(), windowClosesOn: closesOn },
    'ranking.edition.open_window',
    { minCorrectionDays: days },
    at,
  );
}

/** Closes the window (the actual close is recorded); not before it has run its minimum. */
export async function closeWindow(
  ctx: Ctx,
  id: number,
  version: number,
  at = new Date(),
): Promise<Edition> {
  const row = await ownEditionForChange(ctx, id);
  if (row.status !== 'correction') throw new AppError('ranking.wrong_state');
  assertWindowRan(ctx, row, at);
  return transition(
    ctx,
    id,
    version,
    'correction',
    { status: 'closed', windowClosedAt: at.toISOString() },
    'ranking.edition.close_window',
    { windowOpenedAt: row.windowOpenedAt, minCorrectionDays: minCorrectionDays(ctx) },
    at,
  );
}

/** Edition titles by id (the audit log names the objects of its events with them). */
export function editionNames(ctx: Ctx, ids: readonly number[]) {
  return repo.editionTitlesByIds(ctx.deps.db, ids);
}
