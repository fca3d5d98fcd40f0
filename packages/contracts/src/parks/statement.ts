/**
 * Promised vs paid (reference §3.1, §10): taxes are collected where the activity is (在地统计),
 * so the reporting city owes every other party its share of a revenue item; what it paid is
 * recorded as payments. Statistical indicators are attributed, not paid, and a double-counted
 * item is owed to nobody (each party already counts it in full).
 */
import { fromCents, type SplitResult, toCents } from './split';
import { isRevenueType, type SharedItem } from './vocab';

export interface PaymentLike {
  year: number;
  item: SharedItem;
  payerCity: string;
  payeeCity: string;
  amountWan: number;
}
export interface StatementLine {
  year: number;
  item: SharedItem;
  fromCity: string;
  toCity: string;
  promisedWan: number;
  paidWan: number;
  /** promised − paid: positive is still owed, negative paid beyond the promise. */
  shortfallWan: number;
}
export interface StatementTotal {
  year: number;
  cityCode: string;
  promisedWan: number;
  paidWan: number;
  shortfallWan: number;
}

const lineKey = (year: number, item: string, from: string, to: string) =>
  `${year}|${item}|${from}|${to}`;

/** What each reporting city owes each other party, per year and item, against what it paid. */
export function promisedVsPaid(
  splits: readonly SplitResult[],
  payments: readonly PaymentLike[],
): { lines: StatementLine[]; totals: StatementTotal[] } {
  const lines = new Map<
    string,
    { year: number; item: SharedItem; from: string; to: string; promised: number; paid: number }
  >();
  const line = (year: number, item: SharedItem, from: string, to: string) => {
    const key = lineKey(year, item, from, to);
    let l = lines.get(key);
    if (!l) {
      l = { year, item, from, to, promised: 0, paid: 0 };
      lines.set(key, l);
    }
    return l;
  };
  for (const s of splits) {
    if (!isRevenueType(s.item) || s.method === 'double_count') continue;
    for (const share of s.shares) {
      if (share.cityCode === s.reportedBy) continue;
      line(s.year, s.item, s.reportedBy, share.cityCode).promised += toCents(share.shareWan);
    }
  }
  for (const p of payments)
    line(p.year, p.item, p.payerCity, p.payeeCity).paid += toCents(p.amountWan);

  const sorted = [...lines.values()].sort(
    (a, b) => a.year - b.year || a.item.localeCompare(b.item) || a.to.localeCompare(b.to),
  );
  const totals = new Map<string, StatementTotal>();
  for (const l of sorted) {
    const key = `${l.year}|${l.to}`;
    const t = totals.get(key) ?? {
      year: l.year,
      cityCode: l.to,
      promisedWan: 0,
      paidWan: 0,
      shortfallWan: 0,
    };
    // summed in hundredths, converted once
    t.promisedWan += l.promised;
    t.paidWan += l.paid;
    totals.set(key, t);
  }
  return {
    lines: sorted.map((l) => ({
      year: l.year,
      item: l.item,
      fromCity: l.from,
      toCity: l.to,
      promisedWan: fromCents(l.promised),
      paidWan: fromCents(l.paid),
      shortfallWan: fromCents(l.promised - l.paid),
    })),
    totals: [...totals.values()].map((t) => ({
      ...t,
      promisedWan: fromCents(t.promisedWan),
      paidWan: fromCents(t.paidWan),
      shortfallWan: fromCents(t.promisedWan - t.paidWan),
    })),
  };
}
