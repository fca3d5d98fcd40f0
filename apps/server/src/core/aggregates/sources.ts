import type { FlowKind } from '@corridor/contracts';
import type { Transaction } from 'kysely';
import type { Db } from '../db/dialect';
import type { Database } from '../db/schema';
import { type FlowFact, flowRowsOf } from './flows';
import { type OrgFacts, orgCountRowsOf } from './org-counts';
import {
  type FlowRow,
  type OrgCountRow,
  replaceFlows,
  replaceOrgCounts,
  storedFlows,
  storedOrgCounts,
} from './store';

type Exec = Db | Transaction<Database>;
type StoreRow = OrgCountRow | FlowRow;

/**
 * One source of the aggregate store: a module's records that move some of its rows. The module
 * writes deltas in its own transactions (`applyOrgChanges`, `applyFlowChanges`) and declares
 * here how a full scan of its records gives the same rows, so the cockpit can rebuild each
 * source on its own and a test can prove incremental = rebuild for every source.
 */
export interface AggregateSource<R extends StoreRow = StoreRow> {
  /** 'orgs', or the flow kind ('contract', 'dual_appointment' …). */
  name: string;
  /** The table whose writers are held off while it is rebuilt (PostgreSQL share lock). */
  lockTable: keyof Database & string;
  /** The rows as a full scan of the source's records gives them. */
  compute(db: Exec): Promise<R[]>;
  /** The rows the store holds for this source now. */
  stored(db: Exec): Promise<R[]>;
  /**
   * Replaces the source's rows by what `compute` gives, inside the caller's transaction, and
   * returns them. It empties them first, which on SQLite makes the transaction the writer
   * before it scans (PostgreSQL writers are held off by the caller's lock on `lockTable`).
   */
  rebuild(trx: Transaction<Database>): Promise<R[]>;
}

/** Any source of the store (org counts or flows of a kind). */
export type AnyAggregateSource = AggregateSource<OrgCountRow> | AggregateSource<FlowRow>;

/** A source of organisation counts; `scan` may group identical facts (`n` of each). */
export function orgCountSource(options: {
  lockTable: keyof Database & string;
  scan(db: Exec): Promise<{ facts: OrgFacts; n: number }[]>;
}): AggregateSource<OrgCountRow> {
  const compute = async (db: Exec) => orgCountRowsOf(await options.scan(db));
  return {
    name: 'orgs',
    lockTable: options.lockTable,
    compute,
    stored: storedOrgCounts,
    rebuild: async (trx) => {
      await replaceOrgCounts(trx, []);
      const rows = await compute(trx);
      await replaceOrgCounts(trx, rows);
      return rows;
    },
  };
}

/** A source of flows of one kind; `scan` gives every flow its records count today. */
export function flowSource(options: {
  kind: FlowKind;
  lockTable: keyof Database & string;
  scan(db: Exec): Promise<FlowFact[]>;
}): AggregateSource<FlowRow> {
  const compute = async (db: Exec) => flowRowsOf(options.kind, await options.scan(db));
  return {
    name: options.kind,
    lockTable: options.lockTable,
    compute,
    stored: (db) => storedFlows(db, options.kind),
    rebuild: async (trx) => {
      await replaceFlows(trx, options.kind, []);
      const rows = await compute(trx);
      await replaceFlows(trx, options.kind, rows);
      return rows;
    },
  };
}

/** A stable text of store rows, for comparing a rebuild with what the increments left. */
export function canonicalRows(rows: readonly StoreRow[]): string[] {
  return rows
    .map((r) =>
      'kind' in r
        ? `${r.kind}|${r.ym}|${r.fromCity}|${r.toCity}|${r.field ?? ''}=${Number(r.n)}/${Number(r.amountYuan)}`
        : `${r.regionCode}|${r.type}|${r.industry ?? ''}|${r.createdMonth}=${Number(r.n)}`,
    )
    .sort();
}
