import { type FlowKind, isCityCode, OUTSIDE_CODE } from '@corridor/contracts';
import type { Insertable, Transaction } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import { type Deps, systemCtx } from '../../core/context';
import { lockAgainstWriters } from '../../core/db/dialect';
import type { CockpitFlowStatsTable, CockpitOrgCountsTable, Database } from '../../core/db/schema';
import * as repo from './cockpit.repo';

/**
 * Aggregates the cockpit reads instead of scanning the registry on every request. Other modules
 * call these functions INSIDE their own transactions, so an aggregate changes if and only if the
 * change it reflects is committed. `rebuildCockpitAggregates` recomputes them from the rows
 * (after bulk loads, or to repair); incremental updates and a rebuild give the same table.
 */

type Trx = Transaction<Database>;
const SEP = '\u0001';
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM' of an ISO timestamp in Beijing time (officials count months in local time). */
export function beijingMonth(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`not a timestamp: ${iso}`);
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

// ---------- organisations ----------

/** What the cockpit counts of an organisation. */
export interface OrgFacts {
  regionCode: string;
  type: string;
  industry: string | null | undefined;
  createdAt: string;
}

function orgKey(o: OrgFacts): string {
  return [o.regionCode, o.type, o.industry ?? '', beijingMonth(o.createdAt)].join(SEP);
}

/** Several organisation changes at once (a bulk load): one grouped upsert. */
export async function applyOrgChanges(
  trx: Trx,
  changes: { before: OrgFacts | null; after: OrgFacts | null }[],
): Promise<void> {
  const deltas = new Map<string, number>();
  const bump = (o: OrgFacts | null, by: number) => {
    if (!o) return;
    const key = orgKey(o);
    deltas.set(key, (deltas.get(key) ?? 0) + by);
  };
  for (const { before, after } of changes) {
    bump(before, -1);
    bump(after, 1);
  }
  // Sorted keys: concurrent transactions lock the same rows in the same order (no deadlock).
  const rows: Insertable<CockpitOrgCountsTable>[] = [...deltas]
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => {
      const [regionCode = '', type = '', industry = '', createdMonth = ''] = key.split(SEP);
      return { regionCode, type, industry, createdMonth, n };
    });
  if (rows.length > 0) await repo.addOrgCountDeltas(trx, rows);
}

/**
 * One organisation created (before = null), changed, or removed (after = null). Changes that
 * touch none of city, type or industry leave the counts as they are.
 */
export async function applyOrgChange(
  trx: Trx,
  before: OrgFacts | null,
  after: OrgFacts | null,
): Promise<void> {
  if (before && after && orgKey(before) === orgKey(after)) return;
  await applyOrgChanges(trx, [{ before, after }]);
}

// ---------- flows between cities (technology contracts, dual appointments, service orders) ----------

/** One flow event as the cockpit counts it. Cities outside the corridor are pooled. */
export interface FlowFact {
  /** 'YYYY-MM-DD': the day it counts for (contract signed/registered, appointment began…). */
  on: string;
  fromCity: string;
  toCity: string;
  /** Technology field or similar grouping code, if any. */
  field?: string | null;
  /** 万元; contracts carry their turnover, other kinds none. */
  amountWan?: number | null;
}

function flowKey(kind: FlowKind, f: FlowFact): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.on)) throw new Error(`flow date must be YYYY-MM-DD: ${f.on}`);
  const city = (c: string) => (isCityCode(c) ? c : OUTSIDE_CODE);
  return [
    kind,
    f.on.slice(0, 7),
    city(f.fromCity),
    city(f.toCity),
    (f.field ?? '').slice(0, 32),
  ].join(SEP);
}

/** Whole yuan: integer sums are exact, so incremental updates and a rebuild agree to the yuan. */
function yuan(f: FlowFact): number {
  const amount = f.amountWan ?? 0;
  if (!Number.isFinite(amount) || amount < 0) throw new Error(`bad flow amount: ${amount}`);
  return Math.round(amount * 10_000);
}

/** Several flow changes of one kind: create (before = null), change, or remove (after = null). */
export async function applyFlowChanges(
  trx: Trx,
  kind: FlowKind,
  changes: { before: FlowFact | null; after: FlowFact | null }[],
): Promise<void> {
  const deltas = new Map<string, { n: number; amountYuan: number }>();
  const bump = (f: FlowFact | null, sign: number) => {
    if (!f) return;
    const key = flowKey(kind, f);
    const d = deltas.get(key) ?? { n: 0, amountYuan: 0 };
    d.n += sign;
    d.amountYuan += sign * yuan(f);
    deltas.set(key, d);
  };
  for (const { before, after } of changes) {
    bump(before, -1);
    bump(after, 1);
  }
  const rows: Insertable<CockpitFlowStatsTable>[] = [...deltas]
    .filter(([, d]) => d.n !== 0 || d.amountYuan !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, d]) => {
      const [k = '', ym = '', fromCity = '', toCity = '', field = ''] = key.split(SEP);
      return { kind: k, ym, fromCity, toCity, field, n: d.n, amountYuan: d.amountYuan };
    });
  if (rows.length > 0) await repo.addFlowDeltas(trx, rows);
}

/** A technology contract as the deals module will report it. */
export interface ContractFact {
  /** 'YYYY-MM-DD' the contract was signed (or registered, as the deals module decides). */
  signedOn: string;
  /** Technology out (卖方/技术输出方) and in (买方/技术吸纳方). */
  sellerCity: string;
  buyerCity: string;
  field: string | null;
  amountWan: number;
}

function contractFlow(c: ContractFact | null): FlowFact | null {
  return c
    ? {
        on: c.signedOn,
        fromCity: c.sellerCity,
        toCity: c.buyerCity,
        field: c.field,
        amountWan: c.amountWan,
      }
    : null;
}

/** A contract created, corrected or withdrawn, in the deals module's transaction. */
export async function applyContractChange(
  trx: Trx,
  before: ContractFact | null,
  after: ContractFact | null,
): Promise<void> {
  await applyFlowChanges(trx, 'contract', [
    { before: contractFlow(before), after: contractFlow(after) },
  ]);
}

/** A new technology contract, in the deals module's transaction. */
export async function recordContract(trx: Trx, contract: ContractFact): Promise<void> {
  await applyContractChange(trx, null, contract);
}

// ---------- rebuild ----------

export interface RebuildReport {
  orgCountRows: number;
  orgs: number;
  /** Flow stats are kept: their source modules (deals, talent, services) do not exist yet. */
  flows: 'kept';
}

/** The org counts a full scan of the registry gives (the rebuild's and the bench's reference). */
export async function computeOrgCountsByScan(db: Deps['db'] | Trx) {
  const counts = new Map<string, number>();
  for (const r of await repo.scanOrgsByHour(db)) {
    const key = [r.regionCode, r.type, r.industry ?? '', beijingMonth(`${r.hour}:00:00Z`)].join(
      SEP,
    );
    counts.set(key, (counts.get(key) ?? 0) + r.n);
  }
  return [...counts].map(([key, n]) => {
    const [regionCode = '', type = '', industry = '', createdMonth = ''] = key.split(SEP);
    return { regionCode, type, industry, createdMonth, n };
  });
}

/**
 * Recomputes the org counts from the registry, holding off org writers meanwhile, and records
 * the rebuild in the audit chain. Used after bulk loads and by `corridor cockpit rebuild`.
 */
export async function rebuildCockpitAggregates(deps: Deps): Promise<RebuildReport> {
  const ctx = systemCtx(deps);
  return deps.db.transaction().execute(async (trx) => {
    await lockAgainstWriters(trx, deps.dialect, 'orgs');
    await repo.deleteAllOrgCounts(trx);
    const rows = await computeOrgCountsByScan(trx);
    await repo.insertOrgCounts(trx, rows);
    const report: RebuildReport = {
      orgCountRows: rows.length,
      orgs: rows.reduce((a, r) => a + r.n, 0),
      flows: 'kept',
    };
    await writeAudit(trx, ctx, {
      action: 'cockpit.rebuild',
      objectType: 'cockpit',
      detail: { ...report },
    });
    return report;
  });
}
