import { type FlowKind, isCityCode, OUTSIDE_CODE } from '@corridor/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { SEP, sortedEntries } from './keys';
import { addFlowDeltas, type FlowRow } from './store';

/** One flow between cities as the cockpit counts it. Cities outside the corridor are pooled. */
export interface FlowFact {
  /** 'YYYY-MM-DD': the day it counts for (contract registered, appointment began …). */
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

function sum(kind: FlowKind, changes: Iterable<{ fact: FlowFact; sign: number }>): FlowRow[] {
  const totals = new Map<string, { n: number; amountYuan: number }>();
  for (const { fact, sign } of changes) {
    const key = flowKey(kind, fact);
    const d = totals.get(key) ?? { n: 0, amountYuan: 0 };
    d.n += sign;
    d.amountYuan += sign * yuan(fact);
    totals.set(key, d);
  }
  return sortedEntries(totals)
    .filter(([, d]) => d.n !== 0 || d.amountYuan !== 0)
    .map(([key, d]) => {
      const [k = '', ym = '', fromCity = '', toCity = '', field = ''] = key.split(SEP);
      return { kind: k, ym, fromCity, toCity, field, n: d.n, amountYuan: d.amountYuan };
    });
}

/** The rows a full set of flows of one kind gives (what a rebuild writes). */
export function flowRowsOf(kind: FlowKind, facts: Iterable<FlowFact>): FlowRow[] {
  const changes = function* () {
    for (const fact of facts) yield { fact, sign: 1 };
  };
  return sum(kind, changes());
}

/**
 * Flow changes of one kind, in the transaction of the change they reflect: create
 * (before = null), change, or remove (after = null).
 */
export async function applyFlowChanges(
  trx: Transaction<Database>,
  kind: FlowKind,
  changes: { before: FlowFact | null; after: FlowFact | null }[],
): Promise<void> {
  const signed = changes.flatMap(({ before, after }) => [
    ...(before ? [{ fact: before, sign: -1 }] : []),
    ...(after ? [{ fact: after, sign: 1 }] : []),
  ]);
  const rows = sum(kind, signed);
  if (rows.length > 0) await addFlowDeltas(trx, rows);
}
