/** What anyone may read of a published edition: entries, the signed document, its check. */
import {
  type Entry,
  type EntryQuery,
  type Page,
  reasonText,
  type ScoredIndicator,
  type VerifyResult,
} from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { buildEditionWorkbook, MAX_EXPORT_ROWS } from './rankings.excel';
import { methodIndicators } from './rankings.methods.service';
import * as repo from './rankings.repo';
import { type EditionRow, visibleEdition } from './rankings.service';
import { verifyEdition } from './rankings.verify';

async function publishedEdition(ctx: Ctx, id: number): Promise<EditionRow> {
  const row = await visibleEdition(ctx, id);
  if (row.status !== 'published') throw new AppError('ranking.not_published');
  return row;
}

function presentEntry(r: Awaited<ReturnType<typeof repo.exportEntries>>[number]): Entry {
  return {
    rank: r.rank,
    orgId: r.orgId,
    creditCode: r.creditCode,
    name: r.name,
    regionCode: r.regionCode,
    industry: r.industry,
    total: r.total,
    previousRank: r.previousRank,
    movement: r.movement,
    indicators: JSON.parse(r.breakdown) as ScoredIndicator[],
  };
}

export async function listEntries(ctx: Ctx, id: number, q: EntryQuery): Promise<Page<Entry>> {
  await publishedEdition(ctx, id);
  const { total, rows } = await repo.pageEntries(
    ctx.deps.db,
    ctx.deps.dialect,
    id,
    q,
    q.page,
    q.pageSize,
  );
  return { items: rows.map(presentEntry), total, page: q.page, pageSize: q.pageSize };
}

export type Download = 'edition' | 'signature' | 'publicKey';

/** The three files of the offline check, byte for byte as signed. */
export async function downloadFile(ctx: Ctx, id: number, kind: Download): Promise<string> {
  const row = await publishedEdition(ctx, id);
  if (kind === 'signature') return row.signature!;
  if (kind === 'publicKey') return row.publicKey!;
  const text = await repo.findDocument(ctx.deps.db, id);
  if (text === null) throw new AppError('ranking.not_published');
  return text;
}

function result(ctx: Ctx, outcome: ReturnType<typeof verifyEdition>): VerifyResult {
  const reason = outcome.ok ? null : outcome.reason;
  return {
    valid: outcome.ok,
    reason,
    message: reasonText(`ranking.verify.${reason ?? 'ok'}`, ctx.locale),
  };
}

/** Re-checks the stored document against the stored signature and key. */
export async function verifyStored(ctx: Ctx, id: number): Promise<VerifyResult> {
  const row = await publishedEdition(ctx, id);
  const text = (await repo.findDocument(ctx.deps.db, id)) ?? '';
  return result(ctx, verifyEdition(text, row.signature ?? '', row.publicKey ?? ''));
}

/** Checks what a reader uploads (up to the request size limit); nothing is stored. */
export function verifySubmitted(
  ctx: Ctx,
  body: { edition: string; signature: string; publicKey: string },
): VerifyResult {
  return result(ctx, verifyEdition(body.edition, body.signature, body.publicKey));
}

export async function exportEdition(
  ctx: Ctx,
  id: number,
  filter: { city?: string | undefined; industry?: string | undefined },
): Promise<{ buffer: Buffer; title: string }> {
  const row = await publishedEdition(ctx, id);
  const method = (await repo.findMethod(ctx.deps.db, row.methodId))!;
  const rows = await repo.exportEntries(ctx.deps.db, ctx.deps.dialect, id, filter, MAX_EXPORT_ROWS);
  const buffer = await buildEditionWorkbook(
    row,
    methodIndicators(method),
    rows.map(presentEntry),
    filter,
  );
  return { buffer, title: row.title };
}
