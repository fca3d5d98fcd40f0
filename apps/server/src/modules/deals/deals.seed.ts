import { CITY_CODES, DEAL_TYPES, FIELD_CODES, formatRegistrationNo } from '@corridor/contracts';
import type { Insertable } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import { type Deps, systemCtx } from '../../core/context';
import type { DealsTable } from '../../core/db/schema';
import { findEnterpriseFacts } from '../orgs/orgs.service';
import { countRegisteredContracts } from './deals.aggregates';
import * as repo from './deals.repo';

const PER_CITY = 30;
const YEARS = [2024, 2025, 2026] as const;
/** Wuhan sells most technology; the other four buy more than they sell (a realistic skew). */
const SELLER_WEIGHT = [10, 2, 3, 2, 2];

/** Deterministic pseudo-random numbers (mulberry32), so every fresh start shows the same data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pickWeighted(r: number, weights: number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  let x = r * sum;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A few hundred registered contracts between the seeded enterprises of the five cities, added
 * to the cockpit's flows in the same transaction. First seed only (skipped once any exist).
 */
export async function seedDeals(deps: Deps, orgScale: number): Promise<number> {
  const present = await deps.db.selectFrom('deals').select('id').limit(1).execute();
  if (present.length > 0 || orgScale === 0) return 0;
  const ctx = systemCtx(deps);
  const byCity = [];
  for (const city of CITY_CODES)
    byCity.push((await findEnterpriseFacts(ctx, { city })).slice(0, PER_CITY));
  if (byCity.some((orgs) => orgs.length < 2)) return 0;
  const next = rng(20261126);
  const count = Math.min(300, orgScale * 3);
  const serials = new Map<string, number>();
  const rows: Insertable<DealsTable>[] = [];
  for (let i = 0; i < count; i++) {
    const si = pickWeighted(next(), SELLER_WEIGHT);
    // About 60 % of contracts cross a city boundary.
    const bi = next() < 0.4 ? si : Math.floor(next() * CITY_CODES.length);
    const sellers = byCity[si]!;
    const buyers = byCity[bi]!;
    const seller = sellers[Math.floor(next() * sellers.length)]!;
    let buyer = buyers[Math.floor(next() * buyers.length)]!;
    if (buyer.id === seller.id) buyer = buyers[(buyers.indexOf(buyer) + 1) % buyers.length]!;
    const year = YEARS[Math.floor(next() * YEARS.length)]!;
    const month = 1 + Math.floor(next() * 10);
    const day = 1 + Math.floor(next() * 28);
    const signedOn = `${year}-${pad(month)}-${pad(day)}`;
    const total = Math.round((20 + next() * next() * 2000) * 100) / 100;
    const tech = Math.round(total * (0.6 + next() * 0.4) * 100) / 100;
    const type = DEAL_TYPES[Math.floor(next() * DEAL_TYPES.length)]!;
    const key = `${year}${seller.regionCode}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const registeredAt = `${year}-${pad(month)}-${pad(Math.min(day + 1, 28))}T02:00:00.000Z`;
    rows.push({
      type,
      status: 'registered',
      projectName: `${seller.name.slice(0, 8)}技术${['开发', '转让', '许可', '咨询', '服务'][DEAL_TYPES.indexOf(type)]}项目`,
      sellerOrgId: seller.id,
      sellerName: seller.name,
      sellerCreditCode: seller.creditCode,
      sellerType: 'enterprise',
      sellerCity: seller.regionCode,
      buyerOrgId: buyer.id,
      buyerName: buyer.name,
      buyerCreditCode: buyer.creditCode,
      buyerType: 'enterprise',
      buyerCity: buyer.regionCode,
      achievementId: null,
      totalAmountWan: total,
      techAmountWan: tech,
      signedOn,
      signedYear: year,
      validFrom: signedOn,
      validTo: `${year + 1 + Math.floor(next() * 3)}-${pad(month)}-${pad(day)}`,
      field: FIELD_CODES[Math.floor(next() * FIELD_CODES.length)]!,
      expectedNewInvestmentWan: type === 'transfer' ? Math.round(total * 2) : null,
      expectedNewOutputWan: type === 'transfer' ? Math.round(total * 5) : null,
      registrationNo: formatRegistrationNo(year, seller.regionCode, serial),
      registrationRegion: seller.regionCode,
      registeredAt,
      registeredBy: null,
      // Both parties confirmed on the day it was signed (their users are not demo accounts).
      sellerSignedAt: `${signedOn}T01:00:00.000Z`,
      sellerSignedBy: null,
      buyerSignedAt: `${signedOn}T03:00:00.000Z`,
      buyerSignedBy: null,
      refusedAt: null,
      refusedBy: null,
      refusedSide: null,
      refusalReason: null,
      version: 1,
      createdBy: null,
      createdAt: registeredAt,
      updatedAt: registeredAt,
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertDeals(trx, rows);
    for (const [key, last] of serials) await repo.setSerial(trx, key, last);
    await countRegisteredContracts(trx, rows);
    await writeAudit(trx, ctx, {
      action: 'deal.seed',
      objectType: 'deal',
      detail: { contracts: rows.length },
    });
  });
  return rows.length;
}
