import { writeAudit } from '../../core/audit/audit';
import { type Deps, systemCtx } from '../../core/context';
import { lockAgainstWriters } from '../../core/db/dialect';
import { AGGREGATE_SOURCES } from './cockpit.sources';

/**
 * Rebuilding the aggregate store (core/aggregates) from the records of each source: after bulk
 * loads, to repair, or by `corridor cockpit rebuild [source]`. Each source is rebuilt in its own
 * transaction, holding off that source's writers meanwhile, and recorded in the audit chain.
 */

export interface SourceRebuild {
  source: string;
  /** Store rows written. */
  rows: number;
  /** Records counted (organisations, or flows of the kind). */
  counted: number;
}

export function aggregateSourceNames(): string[] {
  return AGGREGATE_SOURCES.map((s) => s.name);
}

export async function rebuildCockpitAggregates(
  deps: Deps,
  only?: readonly string[],
): Promise<SourceRebuild[]> {
  const unknown = (only ?? []).filter((n) => !aggregateSourceNames().includes(n));
  if (unknown.length > 0) throw new Error(`no aggregate source named ${unknown.join(', ')}`);
  const ctx = systemCtx(deps);
  const report: SourceRebuild[] = [];
  for (const source of AGGREGATE_SOURCES) {
    if (only && !only.includes(source.name)) continue;
    const done = await deps.db.transaction().execute(async (trx) => {
      await lockAgainstWriters(trx, deps.dialect, source.lockTable);
      const rows: { n: number }[] = await source.rebuild(trx);
      const result: SourceRebuild = {
        source: source.name,
        rows: rows.length,
        counted: rows.reduce((a, r) => a + Number(r.n), 0),
      };
      await writeAudit(trx, ctx, {
        action: 'cockpit.rebuild',
        objectType: 'cockpit',
        detail: { ...result },
      });
      return result;
    });
    report.push(done);
  }
  return report;
}
