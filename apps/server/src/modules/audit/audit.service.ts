import type { AuditEvent, AuditQuery, Page } from '@corridor/contracts';
import { writeAuditAlone } from '../../core/audit/audit';
import { latestCheckpoint } from '../../core/audit/checkpoints';
import { type VerifyResult, verifyAuditChain } from '../../core/audit/verify';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { objectNames } from './audit.names';
import { listAuditRows } from './audit.repo';

/**
 * Auditors read the log; nobody edits it (there is no route that could). A province auditor
 * sees every city; a city auditor sees events of their city.
 */
function requireAuditor(ctx: Ctx) {
  if (!ctx.actor?.roles.includes('auditor')) throw new AppError('permission.denied');
  return ctx.actor.regionCode === '420000' ? null : ctx.actor.regionCode;
}

export async function listAuditEvents(ctx: Ctx, query: AuditQuery): Promise<Page<AuditEvent>> {
  const region = requireAuditor(ctx);
  const { total, rows } = await listAuditRows(ctx.deps.db, ctx.deps.dialect, query, region);
  const names = await objectNames(ctx, rows);
  const items = rows.map((r, i) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    actorId: r.actorId,
    actorName: r.actorName,
    actorRoles: r.actorRoles,
    regionCode: r.regionCode,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    objectName: names[i]?.objectName ?? null,
    detailNames: names[i]?.detailNames ?? {},
    sourceIp: r.sourceIp,
    outcome: r.outcome as AuditEvent['outcome'],
    detail: r.detail,
    hash: r.hash,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Verifies the whole chain; the check itself is an audited act of the auditor. */
export async function verifyChain(ctx: Ctx): Promise<VerifyResult> {
  requireAuditor(ctx);
  const result = await verifyAuditChain(ctx.deps.db, latestCheckpoint(ctx.deps));
  await writeAuditAlone(ctx, {
    action: 'audit.verify',
    outcome: result.ok ? 'success' : 'failure',
    detail: { checked: result.checked, firstBadId: result.firstBadId },
  });
  return result;
}
