import {
  INDICATOR_FIELDS,
  type IndicatorImportReport,
  IndicatorValuesSchema,
  REQUIRED_FIGURES,
} from '@corridor/contracts';
import { writeAudit, writeAuditAlone } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError, type ProblemInput } from '../../core/errors';
import { assertSafeXlsx } from '../../core/excel/guard';
import { problemsFromZodIssues } from '../../core/http/zod-problems';
import { findOrgFactsByCreditCodes, findOrgFactsByIds } from '../orgs/orgs.service';
import { plausibilityProblems, type StoredValues } from './indicators.evaluate';
import {
  buildIndicatorExport,
  columnOfField,
  type ParsedIndicatorRow,
  parseIndicatorWorkbook,
} from './indicators.excel';
import { canImportFor, exportScope } from './indicators.policy';
import * as repo from './indicators.repo';
import type { OrgFacts } from './indicators.service';
import { refreshTierResults } from './indicators.tiers.service';
import { emptyValues, writeYear } from './indicators.write';

export const MAX_EXPORT_ROWS = 50_000;

/** The stored year with the row's non-empty cells laid over it (empty cells keep values). */
function merge(base: StoredValues, r: ParsedIndicatorRow): StoredValues {
  const next = { ...base } as Record<string, unknown>;
  const ip = { ...(base.ip ?? {}) } as Record<string, number>;
  let ipTouched = false;
  for (const [key, value] of Object.entries(r.cells)) {
    if (key.startsWith('ip.')) {
      ip[key.slice(3)] = value as number;
      ipTouched = true;
    } else if ((INDICATOR_FIELDS as string[]).includes(key)) next[key] = value;
  }
  if (ipTouched) next.ip = ip;
  if (typeof r.cells.equityAmount === 'number') {
    const others = (base.equity ?? []).filter((e) => e.year !== r.year);
    const qualified = r.cells.equityQualified;
    next.equity = [
      ...others,
      {
        year: r.year,
        amount: r.cells.equityAmount,
        ...(typeof qualified === 'boolean' ? { qualifiedInvestor: qualified } : {}),
      },
    ];
  }
  return next as StoredValues;
}

/** Problems of one merged row: required figures, schema bounds, plausibility. */
function rowProblems(r: ParsedIndicatorRow, next: StoredValues, org: OrgFacts): ProblemInput[] {
  const at = (p: { field: string; code: string; params?: Record<string, string | number> }) => ({
    ...p,
    row: r.row,
    column: columnOfField(p.field),
  });
  const missing = REQUIRED_FIGURES.filter((k) => next[k as keyof StoredValues] === null);
  if (missing.length) return missing.map((field) => at({ field, code: 'required' }));
  if (r.year < 1900 || r.year > 9999) return [at({ field: 'year', code: 'too_big' })];
  const parsed = IndicatorValuesSchema.safeParse(next);
  if (!parsed.success) return problemsFromZodIssues(parsed.error.issues).map(at);
  const withFounding = { ...next, foundedOn: next.foundedOn ?? org.foundedOn };
  return plausibilityProblems(withFounding, r.year).map(at);
}

/**
 * Imports an Excel sheet of yearly indicators: all rows or none. Every bad row is reported
 * with its row number, column and reason; the file is refused whole if any row is bad.
 */
export async function importIndicators(
  ctx: Ctx,
  buffer: Buffer,
  fileName: string,
): Promise<IndicatorImportReport> {
  const actor = ctx.actor!;
  await assertSafeXlsx(buffer);
  const { rows, problems } = await parseIndicatorWorkbook(buffer);
  const facts = await findOrgFactsByCreditCodes(ctx, [...new Set(rows.map((r) => r.creditCode))]);
  const orgByCode = new Map(facts.map((f) => [f.creditCode, f]));
  const existing = await repo.yearRowsOfOrgs(
    ctx.deps.db,
    facts.map((f) => f.id),
  );
  const rowOf = new Map(existing.map((e) => [`${e.orgId}:${e.year}`, e]));
  const firstRow = new Map<string, number>();
  const plan: { org: OrgFacts; r: ParsedIndicatorRow; next: StoredValues }[] = [];

  for (const r of rows) {
    const org = orgByCode.get(r.creditCode);
    const codeAt = { row: r.row, column: columnOfField('creditCode'), field: 'creditCode' };
    if (!org) problems.push({ ...codeAt, code: 'indicator.org_unknown' });
    else if (org.type !== 'enterprise')
      problems.push({ ...codeAt, code: 'indicator.org_not_enterprise' });
    else if (!canImportFor(actor, org.regionCode))
      problems.push({ ...codeAt, code: 'indicator.org_not_own_city' });
    const key = `${r.creditCode}:${r.year}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      problems.push({ ...codeAt, code: 'indicator.duplicate_in_file', params: { row: first } });
      continue;
    }
    firstRow.set(key, r.row);
    if (org?.type !== 'enterprise') continue;
    const stored = rowOf.get(`${org.id}:${r.year}`);
    const next = merge(stored ? repo.rowToValues(stored) : emptyValues(), r);
    problems.push(...rowProblems(r, next, org));
    plan.push({ org, r, next });
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ row: 2, column: 'A', field: 'creditCode', code: 'required' });
  }
  if (problems.length > 0) {
    problems.sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''),
    );
    await writeAuditAlone(ctx, {
      action: 'indicator.import',
      outcome: 'failure',
      objectType: 'indicator_year',
      detail: { file: fileName.slice(0, 100), rows: rows.length, problems: problems.length },
    });
    throw new AppError('import.rejected', problems.slice(0, 1000));
  }

  const report: IndicatorImportReport = { created: 0, updated: 0, unchanged: 0 };
  await ctx.deps.db.transaction().execute(async (trx) => {
    const touched = new Map<number, OrgFacts>();
    for (const { org, r, next } of plan) {
      const stored = rowOf.get(`${org.id}:${r.year}`);
      const fields = await writeYear(trx, ctx, {
        orgId: org.id,
        year: r.year,
        existing: stored,
        next,
        source: 'excel',
      });
      if (fields.length === 0) {
        report.unchanged += 1;
        continue;
      }
      report[stored ? 'updated' : 'created'] += 1;
      touched.set(org.id, org);
      await writeAudit(trx, ctx, {
        action: 'indicator.save',
        objectType: 'indicator_year',
        objectId: `${org.id}:${r.year}`,
        regionCode: org.regionCode,
        detail: { orgId: org.id, year: r.year, source: 'excel', fields, row: r.row },
      });
    }
    if (touched.size > 0) await refreshTierResults(trx, [...touched.values()]);
    await writeAudit(trx, ctx, {
      action: 'indicator.import',
      objectType: 'indicator_year',
      detail: { file: fileName.slice(0, 100), ...report },
    });
  });
  return report;
}

function exportCells(creditCode: string, year: number, v: StoredValues) {
  const cells: Record<string, string | number | null> = { creditCode, year };
  for (const key of INDICATOR_FIELDS) {
    const value = v[key];
    if (typeof value === 'number' || typeof value === 'string') cells[key] = value;
  }
  for (const [kind, n] of Object.entries(v.ip ?? {})) cells[`ip.${kind}`] = n ?? null;
  const round = (v.equity ?? []).find((e) => e.year === year);
  if (round) {
    cells.equityAmount = round.amount;
    if (round.qualifiedInvestor !== undefined)
      cells.equityQualified = round.qualifiedInvestor ? '是' : '否';
  }
  return cells;
}

/** Exports one year (province: any city; city admin: own city only). Audited. */
export async function exportIndicators(
  ctx: Ctx,
  query: { year: number; city?: string | undefined },
): Promise<Buffer> {
  const scope = exportScope(ctx.actor!);
  if (scope === null || (scope !== 'all' && query.city && query.city !== scope))
    throw new AppError('permission.denied');
  const city = scope === 'all' ? query.city : scope;
  const ids = await repo.orgIdsWithYear(ctx.deps.db, query.year);
  const facts = (await findOrgFactsByIds(ctx, ids))
    .filter((f) => !city || f.regionCode === city)
    .slice(0, MAX_EXPORT_ROWS);
  const byId = new Map(facts.map((f) => [f.id, f]));
  const rows = (await repo.yearRowsOfOrgs(ctx.deps.db, [...byId.keys()]))
    .filter((r) => r.year === query.year)
    .sort((a, b) => a.orgId - b.orgId);
  const buffer = await buildIndicatorExport(
    rows.map((r) => exportCells(byId.get(r.orgId)!.creditCode, r.year, repo.rowToValues(r))),
  );
  await writeAuditAlone(ctx, {
    action: 'indicator.export',
    objectType: 'indicator_year',
    detail: { year: query.year, city: city ?? null, rows: rows.length },
  });
  return buffer;
}
