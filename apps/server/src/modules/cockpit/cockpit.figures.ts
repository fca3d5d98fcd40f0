import {
  CITY_CODES,
  type CityCode,
  type CityDetail,
  FLOW_KINDS,
  type FlowKind,
  isCityCode,
  OUTSIDE_CODE,
  type PublicCockpit,
  type Tally,
} from '@corridor/contracts';

/**
 * Pure arithmetic from aggregate rows to the figures the cockpit shows. Kept apart from the
 * database so the bench's full-scan reference and the API compute figures the same way.
 */

export interface FlowRow {
  kind: string;
  ym: string;
  fromCity: string;
  toCity: string;
  field: string;
  n: number;
  amountYuan: number;
}

type Acc = { count: number; yuan: number };
const zero = (): Acc => ({ count: 0, yuan: 0 });
const add = (a: Acc, r: FlowRow) => {
  a.count += r.n;
  a.yuan += r.amountYuan;
};
/** 万元 from whole yuan (4 decimals, exact). */
export const tally = (a: Acc): Tally => ({ count: a.count, amountWan: a.yuan / 10_000 });

export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

function topFields(rows: FlowRow[], limit = 10) {
  const byField = new Map<string, Acc>();
  for (const r of rows) {
    const a = byField.get(r.field) ?? zero();
    add(a, r);
    byField.set(r.field, a);
  }
  return [...byField]
    .sort(([fa, a], [fb, b]) => b.yuan - a.yuan || b.count - a.count || fa.localeCompare(fb))
    .slice(0, limit)
    .map(([field, a]) => ({ field, ...tally(a) }));
}

/** Cross-city lines for the map: every kind, corridor city to another corridor city. */
export function crossCityFlows(rows: FlowRow[], city?: string) {
  const byKey = new Map<string, Acc>();
  for (const r of rows) {
    if (r.fromCity === r.toCity || !isCityCode(r.fromCity) || !isCityCode(r.toCity)) continue;
    if (city && r.fromCity !== city && r.toCity !== city) continue;
    const key = `${r.kind}|${r.fromCity}|${r.toCity}`;
    const a = byKey.get(key) ?? zero();
    add(a, r);
    byKey.set(key, a);
  }
  return [...byKey]
    .map(([key, a]) => {
      const [kind, from, to] = key.split('|') as [FlowKind, CityCode, CityCode];
      return { kind, from, to, ...tally(a) };
    })
    .filter((f) => (FLOW_KINDS as readonly string[]).includes(f.kind))
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    );
}

/** Contract figures of a year for the public view. */
export function contractFigures(rows: FlowRow[], year: number, available: boolean) {
  const contracts = rows.filter((r) => r.kind === 'contract');
  const total = zero();
  const cross = zero();
  const byMonth = new Map(monthsOf(year).map((m) => [m, zero()]));
  const matrix = new Map<string, Acc>();
  const out = new Map<string, Acc>(CITY_CODES.map((c) => [c, zero()]));
  const inn = new Map<string, Acc>(CITY_CODES.map((c) => [c, zero()]));
  for (const r of contracts) {
    add(total, r);
    const month = byMonth.get(r.ym);
    if (month) add(month, r);
    const both = isCityCode(r.fromCity) && isCityCode(r.toCity);
    if (both && r.fromCity !== r.toCity) add(cross, r);
    if (both) {
      const key = `${r.fromCity}|${r.toCity}`;
      const a = matrix.get(key) ?? zero();
      add(a, r);
      matrix.set(key, a);
    }
    const o = out.get(r.fromCity);
    if (o) add(o, r);
    const i = inn.get(r.toCity);
    if (i) add(i, r);
  }
  const view: PublicCockpit['contracts'] = {
    available,
    total: tally(total),
    crossCity: tally(cross),
    crossCityShare: total.yuan > 0 ? (cross.yuan / total.yuan) * 100 : null,
    byMonth: [...byMonth].map(([month, a]) => ({ month, ...tally(a) })),
    matrix: CITY_CODES.flatMap((from) =>
      CITY_CODES.map((to) => ({ from, to, ...tally(matrix.get(`${from}|${to}`) ?? zero()) })),
    ),
    topFields: topFields(contracts),
  };
  return {
    view,
    out: (c: string) => tally(out.get(c) ?? zero()),
    in: (c: string) => tally(inn.get(c) ?? zero()),
  };
}

/** Contract figures of one city for the leaders' drill-down. */
export function cityContractFigures(rows: FlowRow[], city: string, year: number) {
  const contracts = rows.filter(
    (r) => r.kind === 'contract' && (r.fromCity === city || r.toCity === city),
  );
  const out = zero();
  const inn = zero();
  const internal = zero();
  const months = new Map(monthsOf(year).map((m) => [m, { out: zero(), in: zero() }]));
  const partners = new Map<string, { out: Acc; in: Acc }>();
  const partner = (c: string) => {
    const p = partners.get(c) ?? { out: zero(), in: zero() };
    partners.set(c, p);
    return p;
  };
  for (const r of contracts) {
    const m = months.get(r.ym);
    if (r.fromCity === city) {
      add(out, r);
      if (m) add(m.out, r);
      if (r.toCity !== city) add(partner(r.toCity).out, r);
    }
    if (r.toCity === city) {
      add(inn, r);
      if (m) add(m.in, r);
      if (r.fromCity !== city) add(partner(r.fromCity).in, r);
    }
    if (r.fromCity === city && r.toCity === city) add(internal, r);
  }
  const order = [...CITY_CODES, OUTSIDE_CODE] as string[];
  const result: CityDetail['contracts'] = {
    out: tally(out),
    in: tally(inn),
    internal: tally(internal),
    byMonth: [...months].map(([month, a]) => ({ month, out: tally(a.out), in: tally(a.in) })),
    partners: [...partners]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([c, p]) => ({ city: c, out: tally(p.out), in: tally(p.in) })),
    topFields: topFields(contracts),
  };
  return result;
}
