/** Excel export and import of a park's yearly figures: all rows or none, problems per row. */
import { phaseForYear } from '@corridor/contracts';
import { writeAudit, writeAuditAlone } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError, type ProblemInput } from '../../core/errors';
import { assertSafeXlsx } from '../../core/excel/guard';
import { columnLetter } from '../../core/excel/sheet';
import { buildFigureWorkbook, parseFigureWorkbook } from './parks.excel';
import { canEnterFigure } from './parks.policy';
import * as repo from './parks.repo';
import { loadPark } from './parks.service';

export async function exportFigures(ctx: Ctx, parkId: number): Promise<Buffer> {
  const park = await loadPark(ctx, parkId);
  const rows = await repo.figuresOf(ctx.deps.db, [parkId]);
  const buffer = await buildFigureWorkbook(rows.map((r) => ({ ...r, item: r.item as never })));
  await writeAuditAlone(ctx, {
    action: 'park.figure.export',
    objectType: 'park',
    objectId: parkId,
    regionCode: park.row.hostCity,
    detail: { rows: rows.length },
  });
  return buffer;
}

export async function importFigures(ctx: Ctx, parkId: number, buffer: Buffer, fileName: string) {
  const park = await loadPark(ctx, parkId);
  await assertSafeXlsx(buffer);
  const { rows, problems } = await parseFigureWorkbook(buffer, park.row.hostCity);
  const existing = new Map(
    (await repo.figuresOf(ctx.deps.db, [parkId])).map((f) => [`${f.year}:${f.item}`, f]),
  );
  const firstRow = new Map<string, number>();
  const at = (
    row: number,
    i: number,
    field: string,
    code: string,
    params?: Record<string, string | number>,
  ) => problems.push({ row, column: columnLetter(i), field, code, ...(params ? { params } : {}) });
  for (const r of rows) {
    const key = `${r.year}:${r.item}`;
    const first = firstRow.get(key);
    if (first !== undefined) at(r.row, 1, 'item', 'parks.duplicate_in_file', { row: first });
    else firstRow.set(key, r.row);
    if (!phaseForYear(park.phases, r.year)) at(r.row, 0, 'year', 'parks.year_outside');
    if (!park.cities.includes(r.reportedBy)) at(r.row, 4, 'reportedBy', 'parks.not_a_party');
    const stored = existing.get(key);
    // an existing figure keeps its reporting city; only that city (or the province) may change it
    const reporter = stored?.reportedBy ?? r.reportedBy;
    if (
      park.cities.includes(reporter) &&
      !canEnterFigure(ctx.actor!, { parties: park.cities }, reporter)
    )
      at(r.row, 4, 'reportedBy', 'parks.not_own_city');
  }
  if (rows.length === 0 && problems.length === 0) at(2, 0, 'year', 'required');
  if (problems.length) {
    problems.sort(
      (a: ProblemInput, b: ProblemInput) =>
        (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''),
    );
    await writeAuditAlone(ctx, {
      action: 'park.figure.import',
      outcome: 'failure',
      objectType: 'park',
      objectId: parkId,
      detail: { file: fileName.slice(0, 100), rows: rows.length, problems: problems.length },
    });
    throw new AppError('import.rejected', problems.slice(0, 1000));
  }
  const report = { created: 0, updated: 0, unchanged: 0 };
  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const stored = existing.get(`${r.year}:${r.item}`);
      const values = { valueWan: r.valueWan, incentivesWan: r.incentivesWan, note: r.note };
      if (
        stored &&
        stored.valueWan === r.valueWan &&
        stored.incentivesWan === r.incentivesWan &&
        stored.note === r.note
      ) {
        report.unchanged += 1;
        continue;
      }
      let id: number;
      if (stored) {
        id = stored.id;
        await repo.updateFigure(trx, id, {
          ...values,
          version: stored.version + 1,
          updatedAt: now,
          updatedBy: ctx.actor!.id,
        });
        report.updated += 1;
      } else {
        id = await repo.insertFigure(trx, {
          parkId,
          year: r.year,
          item: r.item,
          reportedBy: r.reportedBy,
          ...values,
          version: 1,
          createdAt: now,
          createdBy: ctx.actor!.id,
          updatedAt: now,
          updatedBy: ctx.actor!.id,
        });
        report.created += 1;
      }
      await writeAudit(trx, ctx, {
        action: stored ? 'park.figure.update' : 'park.figure.create',
        objectType: 'park_figure',
        objectId: id,
        regionCode: stored?.reportedBy ?? r.reportedBy,
        detail: { parkId, year: r.year, item: r.item, source: 'excel', row: r.row, ...values },
      });
    }
    await writeAudit(trx, ctx, {
      action: 'park.figure.import',
      objectType: 'park',
      objectId: parkId,
      detail: { file: fileName.slice(0, 100), ...report },
    });
  });
  return report;
}
