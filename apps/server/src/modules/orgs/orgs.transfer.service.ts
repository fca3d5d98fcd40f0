import type { ImportReport, OrgQuery } from '@corridor/contracts';
import { applyOrgChanges } from '../../core/aggregates/org-counts';
import { writeAudit, writeAuditAlone } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { assertSafeXlsx } from '../../core/excel/guard';
import { buildOrgExport, columnOf, parseOrgWorkbook } from './orgs.excel';
import { canCreateOrgIn, exportScope } from './orgs.policy';
import * as repo from './orgs.repo';
import { auditValues, presentOrg, rowValues } from './orgs.service';

export const MAX_EXPORT_ROWS = 50_000;

/**
 * Imports an Excel sheet of organisations: all rows or none. Every bad row is reported with its
 * row number, column and reason; the file is refused whole if any row is bad.
 */
export async function importOrgs(
  ctx: Ctx,
  buffer: Buffer,
  fileName: string,
): Promise<ImportReport> {
  const actor = ctx.actor!;
  await assertSafeXlsx(buffer);
  const { rows, problems } = await parseOrgWorkbook(buffer);

  const firstRowOfCode = new Map<string, number>();
  for (const { row, input } of rows) {
    if (!canCreateOrgIn(actor, input.regionCode)) {
      problems.push({
        row,
        column: columnOf('regionCode'),
        field: 'regionCode',
        code: 'region.not_own_city',
      });
    }
    const first = firstRowOfCode.get(input.creditCode);
    if (first !== undefined) {
      problems.push({
        row,
        column: columnOf('creditCode'),
        field: 'creditCode',
        code: 'credit_code.duplicate_in_file',
        params: { row: first },
      });
    } else firstRowOfCode.set(input.creditCode, row);
  }
  const taken = await repo.findOrgIdsByCreditCodes(ctx.deps.db, [...firstRowOfCode.keys()]);
  for (const { row, input } of rows) {
    if (taken.has(input.creditCode) && firstRowOfCode.get(input.creditCode) === row) {
      problems.push({
        row,
        column: columnOf('creditCode'),
        field: 'creditCode',
        code: 'credit_code.taken',
      });
    }
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ row: 2, column: 'A', field: 'creditCode', code: 'required' });
  }
  if (problems.length > 0) {
    problems.sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''),
    );
    await writeAuditAlone(ctx, {
      action: 'org.import',
      outcome: 'failure',
      objectType: 'org',
      detail: { file: fileName.slice(0, 100), rows: rows.length, problems: problems.length },
    });
    throw new AppError('import.rejected', problems.slice(0, 1000));
  }

  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    for (const { input } of rows) {
      const id = await repo.insertOrg(trx, rowValues(input, actor.id, now));
      await writeAudit(trx, ctx, {
        action: 'org.create',
        objectType: 'org',
        objectId: id,
        regionCode: input.regionCode,
        detail: { via: 'import', ...auditValues(ctx, input) },
      });
    }
    // Cockpit aggregates, same transaction (issue 5).
    const after = rows.map(({ input }) => ({ before: null, after: { ...input, createdAt: now } }));
    await applyOrgChanges(trx, after);
    await writeAudit(trx, ctx, {
      action: 'org.import',
      objectType: 'org',
      detail: { file: fileName.slice(0, 100), created: rows.length },
    });
  });
  return { created: rows.length, problems: [] };
}

/** Exports the current filter. A city admin exports their own city only; it is audited. */
export async function exportOrgs(
  ctx: Ctx,
  filter: Omit<OrgQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  const actor = ctx.actor!;
  const scope = exportScope(actor);
  if (scope === null || (scope !== 'all' && filter.city && filter.city !== scope)) {
    throw new AppError('permission.denied');
  }
  const effective = { ...filter, city: scope === 'all' ? filter.city : scope };
  const rows = await repo.exportOrgRows(ctx.deps.db, ctx.deps.dialect, effective, MAX_EXPORT_ROWS);
  const buffer = await buildOrgExport(rows.map((r) => presentOrg(ctx, r)));
  await writeAuditAlone(ctx, {
    action: 'org.export',
    objectType: 'org',
    detail: { filter: effective, rows: rows.length },
  });
  return buffer;
}
