import type { TransferMode } from '@corridor/contracts';
import type { Transaction } from 'kysely';
import type { Dialect } from '../../core/db/dialect';
import type { Database } from '../../core/db/schema';
import {
  achievementSource,
  buildIndexDoc,
  deleteIndexDoc,
  demandSource,
  type IndexKind,
  type IndexSource,
  insertIndexDocs,
} from '../search';
import { reserveSeq } from './market.repo';

/**
 * Keeping the full-text index in step with the records, inside the caller's transaction:
 * a record is in the index exactly while it is listed, under the key stored on its row.
 */
type Trx = Transaction<Database>;

export interface AchievementForIndex {
  orgId: number;
  orgName: string;
  regionCode: string;
  title: string;
  abstract: string;
  keywords: string;
  field: string;
  trl: number;
  transferModes: string;
  priceWan: number | null;
}

/** What the index reads of a stored achievement (its JSON columns parsed). */
export function achievementIndexSource(a: AchievementForIndex): IndexSource {
  return achievementSource({
    ...a,
    keywords: JSON.parse(a.keywords) as string[],
    transferModes: JSON.parse(a.transferModes) as TransferMode[],
    priceWan: a.priceWan === null ? null : Number(a.priceWan),
  });
}

/** Lists an achievement: a new listing number, its index row; returns the search key. */
export async function indexAchievement(trx: Trx, dialect: Dialect, a: AchievementForIndex) {
  const seq = await reserveSeq(trx, 'achievement', 1);
  const doc = buildIndexDoc(seq, achievementIndexSource(a));
  await insertIndexDocs(trx, dialect, 'achievement', [doc]);
  return doc.key;
}

export interface DemandForIndex {
  orgId: number;
  orgName: string;
  regionCode: string;
  title: string;
  description: string;
  field: string;
  budgetWan: number | null;
}

export function demandIndexSource(d: DemandForIndex): IndexSource {
  return demandSource({ ...d, budgetWan: d.budgetWan === null ? null : Number(d.budgetWan) });
}

export async function indexDemand(trx: Trx, dialect: Dialect, d: DemandForIndex) {
  const seq = await reserveSeq(trx, 'demand', 1);
  const doc = buildIndexDoc(seq, demandIndexSource(d));
  await insertIndexDocs(trx, dialect, 'demand', [doc]);
  return doc.key;
}

export async function unindex(trx: Trx, dialect: Dialect, kind: IndexKind, key: number | null) {
  if (key !== null) await deleteIndexDoc(trx, dialect, kind, Number(key));
}
