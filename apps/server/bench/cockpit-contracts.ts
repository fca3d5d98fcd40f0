/**
 * The cockpit bench's contract part: bulk-loads registered technology contracts straight into
 * the deals module's table (a bench may write tables directly), keeps the cockpit's contract
 * aggregates current in the same transactions through the cockpit's own aggregate function, and
 * computes the same figures by a scan of the deals table for comparison.
 */
import { CITY_CODES, DEAL_TYPES, FIELD_CODES, formatRegistrationNo } from '@corridor/contracts';
import { type Insertable, sql } from 'kysely';
import { applyFlowChanges, type FlowFact } from '../src/core/aggregates/flows';
import type { Deps } from '../src/core/context';
import type { DealsTable } from '../src/core/db/schema';
import { type FlowRow, monthsOf } from '../src/modules/cockpit/cockpit.figures';
// The demo seed's deterministic generator (mulberry32): the same contracts on every run.
import { pickWeighted, rng } from '../src/modules/deals/deals.seed';

export const BENCH_YEARS = [2022, 2023, 2024, 2025, 2026] as const;
/** Wuhan sells most technology (as in the demo seed). */
const SELLER_WEIGHT = [10, 2, 3, 2, 2];
const ROWS_PER_INSERT = 500; // 500 × 32 columns stays under SQLite's and PostgreSQL's bind limits
const ROWS_PER_TRANSACTION = 20_000;

const pad = (n: number) => String(n).padStart(2, '0');

type OrgRef = { id: number; name: string; creditCode: string; type: string; regionCode: string };

/** Inserts `count` registered contracts between the bench's organisations; returns ms taken. */
export async function loadContracts(deps: Deps, count: number) {
  const orgs = await deps.db
    .selectFrom('orgs')
    .select(['id', 'name', 'creditCode', 'type', 'regionCode'])
    .orderBy('id')
    .execute();
  const byCity: OrgRef[][] = CITY_CODES.map((c) => orgs.filter((o) => o.regionCode === c));
  if (byCity.some((list) => list.length < 2)) throw new Error('bench needs orgs in every city');
  // Continue the registration serials the demo seed already used.
  const serials = new Map<string, number>(
    (await deps.db.selectFrom('dealRegistrationSeq').selectAll().execute()).map((r) => [
      r.yearRegion,
      r.last,
    ]),
  );
  const next = rng(5_000_000);
  const t0 = performance.now();
  for (let done = 0; done < count; done += ROWS_PER_TRANSACTION) {
    const rows: Insertable<DealsTable>[] = [];
    for (let i = done; i < Math.min(count, done + ROWS_PER_TRANSACTION); i++) {
      const si = pickWeighted(next(), SELLER_WEIGHT);
      const bi = next() < 0.4 ? si : Math.floor(next() * CITY_CODES.length);
      const sellers = byCity[si] ?? [];
      const buyers = byCity[bi] ?? [];
      const seller = sellers[Math.floor(next() * sellers.length)] as OrgRef;
      let buyer = buyers[Math.floor(next() * buyers.length)] as OrgRef;
      if (buyer.id === seller.id) buyer = buyers[(buyers.indexOf(buyer) + 1) % buyers.length]!;
      const year = BENCH_YEARS[Math.floor(next() * BENCH_YEARS.length)] ?? 2026;
      const month = 1 + Math.floor(next() * (year === 2026 ? 10 : 12));
      const day = 1 + Math.floor(next() * 28);
      const signedOn = `${year}-${pad(month)}-${pad(day)}`;
      const total = Math.round((20 + next() * next() * 2000) * 100) / 100;
      const type = DEAL_TYPES[Math.floor(next() * DEAL_TYPES.length)] ?? 'development';
      const key = `${year}${seller.regionCode}`;
      const serial = (serials.get(key) ?? 0) + 1;
      serials.set(key, serial);
      const at = `${signedOn}T02:00:00.000Z`;
      rows.push({
        type,
        status: 'registered',
        projectName: `基准合同${i}`,
        sellerOrgId: seller.id,
        sellerName: seller.name,
        sellerCreditCode: seller.creditCode,
        sellerType: seller.type,
        sellerCity: seller.regionCode,
        buyerOrgId: buyer.id,
        buyerName: buyer.name,
        buyerCreditCode: buyer.creditCode,
        buyerType: buyer.type,
        buyerCity: buyer.regionCode,
        achievementId: null,
        totalAmountWan: total,
        techAmountWan: Math.round(total * 80) / 100,
        signedOn,
        signedYear: year,
        validFrom: signedOn,
        validTo: `${year + 2}-${pad(month)}-${pad(day)}`,
        field: FIELD_CODES[Math.floor(next() * FIELD_CODES.length)] ?? FIELD_CODES[0],
        expectedNewInvestmentWan: null,
        expectedNewOutputWan: null,
        registrationNo: formatRegistrationNo(year, seller.regionCode, serial),
        registrationRegion: seller.regionCode,
        registeredAt: at,
        registeredBy: null,
        version: 1,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
      });
    }
    await deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
        await trx
          .insertInto('deals')
          .values(rows.slice(i, i + ROWS_PER_INSERT))
          .execute();
      // The cockpit's own aggregate function, as recordContract calls it, once per batch:
      // it groups the batch by (kind, month, seller city, buyer city, field) in memory.
      const changes = rows.map((r) => ({
        before: null,
        after: {
          on: r.signedOn,
          fromCity: r.sellerCity,
          toCity: r.buyerCity,
          field: r.field,
          amountWan: r.totalAmountWan,
        } satisfies FlowFact,
      }));
      await applyFlowChanges(trx, 'contract', changes);
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    for (const [yearRegion, last] of serials)
      await trx
        .insertInto('dealRegistrationSeq')
        .values({ yearRegion, last })
        .onConflict((oc) => oc.column('yearRegion').doUpdateSet({ last }))
        .execute();
  });
  return performance.now() - t0;
}

/**
 * The contract rows of a year straight from the deals table (no aggregates), grouped in SQL
 * into the shape the cockpit's pure figure functions take; amounts in whole yuan per contract,
 * as the aggregates count them.
 */
export async function scanContractRows(deps: Deps, year: number): Promise<FlowRow[]> {
  const months = monthsOf(year);
  const r = await sql<{
    ym: string;
    fromCity: string;
    toCity: string;
    field: string;
    n: number | string;
    amountYuan: number | string | null;
  }>`select substr(signed_on, 1, 7) as ym, seller_city as from_city, buyer_city as to_city,
        field, count(*) as n, sum(round(total_amount_wan * 10000)) as amount_yuan
      from deals
      where status = 'registered' and signed_on >= ${`${months[0]}-01`}
        and signed_on <= ${`${months[11]}-31`}
      group by substr(signed_on, 1, 7), seller_city, buyer_city, field`.execute(deps.db);
  return r.rows.map((x) => ({
    kind: 'contract',
    ym: x.ym,
    fromCity: x.fromCity,
    toCity: x.toCity,
    field: x.field,
    n: Number(x.n),
    amountYuan: Number(x.amountYuan ?? 0),
  }));
}
