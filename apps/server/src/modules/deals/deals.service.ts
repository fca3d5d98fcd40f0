import {
  type Attachment,
  CITY_CODES,
  type CityCode,
  COUNTRY_CODE_CN,
  type Deal,
  type DealCitySummary,
  type DealFlows,
  type DealFlowsQuery,
  type DealInput,
  type DealQuery,
  type DealSide,
  formatRegistrationNo,
  NATURE_CODES,
  type OrgType,
  type Page,
} from '@corridor/contracts';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import type { Database } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { attachFilesInTrx, attachmentsOf } from '../files/files.service';
import { getAchievement, moveAchievementInTrx } from '../market/market.service';
import { notifyInTrx } from '../notifications/notifications.service';
import { findOrgFactsByCreditCodes } from '../orgs/orgs.service';
import { countRegisteredContracts } from './deals.aggregates';
import {
  canAttachScan,
  canCreateDeal,
  canReadDeal,
  canReadStats,
  canRegisterDeal,
  listScope,
  sideOf,
} from './deals.policy';
import * as repo from './deals.repo';

const round2 = (n: number) => Math.round(n * 100) / 100;

function beijingNow() {
  const iso = new Date().toISOString();
  return { iso, year: Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) };
}

function party(row: repo.DealRow, side: 'seller' | 'buyer') {
  const s = side === 'seller';
  const type = (s ? row.sellerType : row.buyerType) as OrgType;
  return {
    orgId: s ? row.sellerOrgId : row.buyerOrgId,
    name: s ? row.sellerName : row.buyerName,
    creditCode: s ? row.sellerCreditCode : row.buyerCreditCode,
    natureCode: NATURE_CODES[type] ?? '100',
    regionCode: s ? row.sellerCity : row.buyerCity,
    countryCode: COUNTRY_CODE_CN,
  };
}

/** A contract as shown; `scans` only in the detail (a list does not read each one's files). */
export function presentDeal(ctx: Ctx, row: repo.DealRow, scans?: Attachment[]): Deal {
  const actor = ctx.actor;
  const side = actor ? sideOf(actor, row) : null;
  const mineConfirmed = side === 'seller' ? row.sellerSignedAt : row.buyerSignedAt;
  /** The caller's organisation may still confirm or refuse this draft. */
  const answerable = row.status === 'draft' && side !== null && mineConfirmed === null;
  const num = (v: number | null) => (v === null ? null : Number(v));
  const common = {
    projectName: row.projectName,
    type: row.type as Deal['type'],
    validFrom: row.validFrom,
    validTo: row.validTo,
    signedOn: row.signedOn,
    seller: party(row, 'seller'),
    buyer: party(row, 'buyer'),
    totalAmountWan: Number(row.totalAmountWan),
    techAmountWan: Number(row.techAmountWan),
    field: row.field,
    expectedNewInvestmentWan: num(row.expectedNewInvestmentWan),
    expectedNewOutputWan: num(row.expectedNewOutputWan),
  };
  return {
    id: row.id,
    version: row.version,
    status: row.status as Deal['status'],
    achievementId: row.achievementId,
    ...common,
    registration:
      row.status === 'registered' && row.registrationNo && row.registeredAt
        ? {
            ...common,
            registrationNo: row.registrationNo,
            registeredAt: row.registeredAt,
            registrationRegion: row.registrationRegion ?? row.sellerCity,
          }
        : null,
    record: {
      ...common,
      registrationNo: row.registrationNo,
      registeredAt: row.registeredAt,
      registrationRegion: row.registrationRegion ?? row.sellerCity,
    },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    confirmations: {
      seller: row.sellerSignedAt ? { at: row.sellerSignedAt } : null,
      buyer: row.buyerSignedAt ? { at: row.buyerSignedAt } : null,
    },
    refusal:
      row.status === 'refused' && row.refusedSide && row.refusedAt
        ? {
            side: row.refusedSide as DealSide,
            reason: row.refusalReason ?? '',
            at: row.refusedAt,
          }
        : null,
    mySide: side,
    abilities: {
      sign: answerable,
      refuse: answerable,
      register: !!actor && row.status === 'signed' && canRegisterDeal(actor, row),
      attachScan: !!actor && canAttachScan(actor, row),
    },
    ...(scans ? { scans } : {}),
  };
}

export async function loadVisible(ctx: Ctx, id: number) {
  const row = await repo.findDeal(ctx.deps.db, id);
  // Not found and not allowed look the same: contract existence is business information.
  if (!row || !ctx.actor || !canReadDeal(ctx.actor, row)) throw new AppError('deal.not_found');
  return row;
}

export async function getDeal(ctx: Ctx, id: number): Promise<Deal> {
  const row = await loadVisible(ctx, id);
  return presentDeal(ctx, row, await attachmentsOf(ctx, 'deal', id));
}

/** Adds a scan of the contract (an uploaded file of the actor's organisation). */
export async function attachScan(ctx: Ctx, id: number, fileId: number): Promise<Deal> {
  const row = await loadVisible(ctx, id);
  if (!canAttachScan(ctx.actor!, row)) throw new AppError('permission.denied');
  await ctx.deps.db.transaction().execute((trx) =>
    attachFilesInTrx(trx, ctx, { type: 'deal', id, regionCode: row.sellerCity }, [fileId], {
      field: () => 'fileId',
      mode: 'append',
    }),
  );
  return getDeal(ctx, id);
}

export async function listDeals(ctx: Ctx, q: DealQuery): Promise<Page<Deal>> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('permission.denied');
  const { total, rows } = await repo.listDeals(
    ctx.deps.db,
    listScope(actor),
    { status: q.status, city: q.city },
    q.page,
    q.pageSize,
  );
  return {
    items: rows.map((r) => presentDeal(ctx, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The achievement a contract trades must be one the market module shows the caller. */
async function checkAchievement(ctx: Ctx, id: number | null) {
  if (id === null) return;
  try {
    await getAchievement(ctx, id);
  } catch (e) {
    if (e instanceof AppError) throw fieldError('achievementId', 'deal.achievement_unknown');
    throw e;
  }
}

/** Both parties must be registered organisations; returns their directory facts. */
async function resolveParties(ctx: Ctx, input: DealInput) {
  const facts = await findOrgFactsByCreditCodes(ctx, [
    input.sellerCreditCode,
    input.buyerCreditCode,
  ]);
  const seller = facts.find((f) => f.creditCode === input.sellerCreditCode);
  const buyer = facts.find((f) => f.creditCode === input.buyerCreditCode);
  if (!seller) throw fieldError('sellerCreditCode', 'deal.org_unknown');
  if (!buyer) throw fieldError('buyerCreditCode', 'deal.org_unknown');
  return { seller, buyer };
}

/**
 * Enters a contract draft. `within` runs in the same transaction (a negotiation closing into
 * this contract records that only if the contract is written).
 */
export async function createDeal(
  ctx: Ctx,
  input: DealInput,
  within?: (trx: Transaction<Database>, dealId: number) => Promise<void>,
): Promise<Deal> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('permission.denied');
  const { seller, buyer } = await resolveParties(ctx, input);
  if (!canCreateDeal(actor, seller.id, buyer.id))
    throw fieldError('sellerCreditCode', 'deal.not_own_org');
  await checkAchievement(ctx, input.achievementId);
  const now = new Date().toISOString();
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const newId = await repo.insertDeal(trx, {
      type: input.type,
      status: 'draft',
      projectName: input.projectName,
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
      achievementId: input.achievementId,
      totalAmountWan: input.totalAmountWan,
      techAmountWan: input.techAmountWan,
      signedOn: input.signedOn,
      signedYear: Number(input.signedOn.slice(0, 4)),
      validFrom: input.validFrom,
      validTo: input.validTo,
      field: input.field,
      expectedNewInvestmentWan: input.expectedNewInvestmentWan,
      expectedNewOutputWan: input.expectedNewOutputWan,
      version: 1,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(trx, ctx, {
      action: 'deal.create',
      objectType: 'deal',
      objectId: newId,
      regionCode: seller.regionCode,
      detail: { ...input },
    });
    // The parties confirm it themselves. A party's user confirms its own side next, which asks
    // the other; a draft a broker entered asks both parties at once.
    if (actor.orgId !== seller.id && actor.orgId !== buyer.id)
      await notifyInTrx(ctx, trx, {
        to: { orgIds: [seller.id, buyer.id] },
        type: 'deal_confirm_requested',
        params: { from: actor.displayName, projectName: input.projectName },
        link: '/app/deals',
      });
    if (within) await within(trx, newId);
    return newId;
  });
  return getDeal(ctx, id);
}

/**
 * 认定登记 by the seller city: numbers the contract, and in the same transaction adds it to the
 * cockpit's flows, so turnover, cross-city share and the matrix change only if this commits.
 */
export async function registerDeal(ctx: Ctx, id: number, version: number): Promise<Deal> {
  const row = await loadVisible(ctx, id);
  if (!canRegisterDeal(ctx.actor!, row)) throw new AppError('permission.denied');
  if (row.status !== 'signed') throw new AppError('deal.illegal_transition');
  if (row.version !== version) throw new AppError('record.version_conflict');
  const { iso, year } = beijingNow();
  await ctx.deps.db.transaction().execute(async (trx) => {
    const serial = await repo.nextSerial(trx, `${year}${row.sellerCity}`);
    const registrationNo = formatRegistrationNo(year, row.sellerCity, serial);
    const ok = await repo.updateDealIfVersion(trx, id, row.version, {
      status: 'registered',
      registrationNo,
      registrationRegion: row.sellerCity,
      registeredAt: iso,
      registeredBy: ctx.actor!.id,
      updatedAt: iso,
    });
    if (!ok) throw new AppError('record.version_conflict');
    await countRegisteredContracts(trx, [row]);
    if (row.achievementId !== null) await markTransacted(ctx, trx, row.achievementId);
    await notifyInTrx(ctx, trx, {
      to: { orgIds: [row.sellerOrgId, row.buyerOrgId] },
      type: 'deal_registered',
      params: { projectName: row.projectName, registrationNo },
      link: '/app/deals',
    });
    await writeAudit(trx, ctx, {
      action: 'deal.register',
      objectType: 'deal',
      objectId: id,
      regionCode: row.sellerCity,
      detail: { from: 'signed', to: 'registered', registrationNo },
    });
  });
  return getDeal(ctx, id);
}

/**
 * A registered contract on a market achievement completes it: published → in negotiation →
 * transacted (the market's own steps, audited). One already transacted (a second licence of
 * the same achievement) stays as it is.
 */
async function markTransacted(ctx: Ctx, trx: Transaction<Database>, achievementId: number) {
  await moveAchievementInTrx(ctx, trx, achievementId, 'in_negotiation');
  await moveAchievementInTrx(ctx, trx, achievementId, 'transacted');
}

function requireStats(ctx: Ctx) {
  if (!ctx.actor || !canReadStats(ctx.actor)) throw new AppError('permission.denied');
}

export async function getFlows(ctx: Ctx, q: DealFlowsQuery): Promise<DealFlows> {
  requireStats(ctx);
  const year = q.year ?? beijingNow().year;
  const totals = await repo.flowTotals(ctx.deps.db, year, q.field);
  const cities = [...CITY_CODES];
  const matrix = cities.map((from) =>
    cities.map((to) => {
      const t = totals.find((r) => r.sellerCity === from && r.buyerCity === to);
      return { count: t?.n ?? 0, amountWan: round2(t?.amount ?? 0) };
    }),
  );
  return { year, field: q.field ?? null, cities, matrix };
}

export async function getCitySummary(
  ctx: Ctx,
  city: CityCode,
  q: { year?: number | undefined },
): Promise<DealCitySummary> {
  requireStats(ctx);
  const year = q.year ?? beijingNow().year;
  const totals = await repo.flowTotals(ctx.deps.db, year, undefined);
  const tally = (pick: (r: (typeof totals)[number]) => boolean) => {
    const rows = totals.filter(pick);
    return {
      count: rows.reduce((a, r) => a + r.n, 0),
      amountWan: round2(rows.reduce((a, r) => a + r.amount, 0)),
    };
  };
  return {
    city,
    year,
    asSeller: tally((r) => r.sellerCity === city),
    asBuyer: tally((r) => r.buyerCity === city),
    withinCity: tally((r) => r.sellerCity === city && r.buyerCity === city),
  };
}

/** Project names of contracts by id (the audit log names the objects of its events with them). */
export function dealNames(ctx: Ctx, ids: readonly number[]) {
  return repo.projectNamesByIds(ctx.deps.db, ids);
}
