import {
  canonicalInputsJson,
  type Edition,
  type EditionInput,
  type EditionQuery,
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

export type EditionRow = repo.EditionRow;
/** Input values are kept to 6 decimal places: tidy in the published JSON, exact enough. */
const INPUT_DP = 6;

/** "Today" of the correction window, in China Standard Time (the window is a local date). */
export function todayInChina(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

export function windowOpen(e: Pick<EditionRow, 'status' | 'windowClosesOn'>): boolean {
  return e.status === 'correction' && !!e.windowClosesOn && todayInChina() <= e.windowClosesOn;
}

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
      closeWindow: owner && row.status === 'correction',
      publish: owner && row.status === 'closed' && counts.pending === 0,
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

/** A draft: the method's inputs for the year and scope, frozen now, with their SM3. */
export async function createEdition(ctx: Ctx, input: EditionInput): Promise<Edition> {
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
  const now = new Date().toISOString();
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
  action: string,
  detail: Record<string, unknown> = {},
): Promise<Edition> {
  const row = await ownEditionForChange(ctx, id);
  if (row.status !== from) throw new AppError('ranking.wrong_state');
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'rankingEditions', id, version);
    const ok = await repo.updateEditionIf(trx, id, [from], {
      ...set,
      updatedAt: new Date().toISOString(),
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

export async function openWindow(
  ctx: Ctx,
  id: number,
  { closesOn, version }: { closesOn: string; version: number },
): Promise<Edition> {
  if (closesOn < todayInChina()) throw fieldError('closesOn', 'ranking.closes_in_past');
  return transition(
    ctx,
    id,
    version,
    'draft',
    { status: 'correction', windowOpenedAt: new Date().toISOString(), windowClosesOn: closesOn },
    'ranking.edition.open_window',
  );
}

export async function closeWindow(ctx: Ctx, id: number, version: number): Promise<Edition> {
  return transition(
    ctx,
    id,
    version,
    'correction',
    { status: 'closed', windowClosedAt: new Date().toISOString() },
    'ranking.edition.close_window',
  );
}
