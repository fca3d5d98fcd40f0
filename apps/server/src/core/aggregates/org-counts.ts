import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { beijingMonth, SEP, sortedEntries } from './keys';
import { addOrgCountDeltas, type OrgCountRow } from './store';

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

function toRows(counts: Map<string, number>): OrgCountRow[] {
  return sortedEntries(counts)
    .filter(([, n]) => n !== 0)
    .map(([key, n]) => {
      const [regionCode = '', type = '', industry = '', createdMonth = ''] = key.split(SEP);
      return { regionCode, type, industry, createdMonth, n };
    });
}

/** The rows a set of organisations gives (each fact counted `n` times: scans group them). */
export function orgCountRowsOf(facts: Iterable<{ facts: OrgFacts; n: number }>): OrgCountRow[] {
  const counts = new Map<string, number>();
  for (const { facts: o, n } of facts) counts.set(orgKey(o), (counts.get(orgKey(o)) ?? 0) + n);
  return toRows(counts);
}

/** Several organisation changes at once (a bulk load): one grouped upsert. */
export async function applyOrgChanges(
  trx: Transaction<Database>,
  changes: { before: OrgFacts | null; after: OrgFacts | null }[],
): Promise<void> {
  const deltas = new Map<string, number>();
  const bump = (o: OrgFacts | null, by: number) => {
    if (o) deltas.set(orgKey(o), (deltas.get(orgKey(o)) ?? 0) + by);
  };
  for (const { before, after } of changes) {
    bump(before, -1);
    bump(after, 1);
  }
  const rows = toRows(deltas);
  if (rows.length > 0) await addOrgCountDeltas(trx, rows);
}

/**
 * One organisation created (before = null), changed, or removed (after = null). Changes that
 * touch none of city, type or industry leave the counts as they are.
 */
export async function applyOrgChange(
  trx: Transaction<Database>,
  before: OrgFacts | null,
  after: OrgFacts | null,
): Promise<void> {
  if (before && after && orgKey(before) === orgKey(after)) return;
  await applyOrgChanges(trx, [{ before, after }]);
}
