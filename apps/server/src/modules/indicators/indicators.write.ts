/**
 * The one way a year's values change (form, correction, Excel): diff against the stored row,
 * write the row with its version, and one provenance row per changed value, all in the
 * caller's transaction.
 */
import {
  INDICATOR_FIELDS,
  type IndicatorField,
  type IndicatorSource,
  type IndicatorValues,
} from '@corridor/contracts';
import type { Insertable, Transaction } from 'kysely';
import type { Ctx } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import type { Database, IndicatorChangesTable } from '../../core/db/schema';
import { AppError } from '../../core/errors';
import type { StoredValues } from './indicators.evaluate';
import * as repo from './indicators.repo';

/** JSON with object keys sorted, so {a,b} and {b,a} compare equal. */
export function canonical(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export function emptyValues(): StoredValues {
  return Object.fromEntries(INDICATOR_FIELDS.map((k) => [k, null])) as unknown as StoredValues;
}

/** Values as stored: every field, null where the input has nothing. */
export function storedFrom(input: Partial<IndicatorValues>, base = emptyValues()): StoredValues {
  const out = { ...base } as Record<string, unknown>;
  for (const key of INDICATOR_FIELDS) {
    if (key in input) out[key] = input[key] ?? null;
  }
  return out as StoredValues;
}

export function changedFields(before: StoredValues | null, after: StoredValues): IndicatorField[] {
  return INDICATOR_FIELDS.filter(
    (k) => canonical(before ? before[k] : null) !== canonical(after[k]),
  );
}

export interface YearWrite {
  orgId: number;
  year: number;
  existing: repo.YearRow | undefined;
  next: StoredValues;
  source: IndicatorSource;
  note?: string | null;
}

/** Writes one year; returns the fields that changed (none: nothing written). */
export async function writeYear(
  trx: Transaction<Database>,
  ctx: Ctx,
  w: YearWrite,
): Promise<IndicatorField[]> {
  const before = w.existing ? repo.rowToValues(w.existing) : null;
  const fields = changedFields(before, w.next);
  if (fields.length === 0 && w.existing) return [];
  const now = new Date().toISOString();
  const actorId = ctx.actor?.id ?? null;
  const columns = repo.valuesToRow(w.next);
  if (w.existing) {
    const ok = await repo.updateYearIfVersion(trx, w.existing.id, w.existing.version, {
      ...columns,
      updatedAt: now,
      updatedBy: actorId,
    });
    if (!ok) throw new AppError('indicator.version_conflict');
  } else {
    try {
      await repo.insertYear(trx, {
        ...columns,
        orgId: w.orgId,
        year: w.year,
        version: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: actorId,
      });
    } catch (error) {
      // someone created the same year a moment ago
      if (isUniqueViolation(error)) throw new AppError('indicator.version_conflict');
      throw error;
    }
  }
  const changes: Insertable<IndicatorChangesTable>[] = fields.map((field) => ({
    orgId: w.orgId,
    year: w.year,
    field,
    oldValue: before && before[field] !== null ? JSON.stringify(before[field]) : null,
    newValue: w.next[field] !== null ? JSON.stringify(w.next[field]) : null,
    source: w.source,
    changedBy: actorId,
    changedByName: ctx.actor?.displayName ?? null,
    changedAt: now,
    note: w.note ?? null,
  }));
  await repo.insertChanges(trx, changes);
  return fields;
}
