import { type DealSide, PROVINCE_CODE } from '@corridor/contracts';
import type { Actor } from '../../core/context';
import type { DealScope } from './deals.repo';

/**
 * Rules for technology contracts (market-and-challenges.md §4.2).
 * - A party's own users (enterprise/university/investor of that org) and brokers enter drafts.
 * - Registration (认定登记) happens once, in the SELLER's region: only the seller city's admins.
 * - The province reads everything; a city admin the contracts where their city sells or buys.
 */
const PARTY_ROLES = ['enterprise', 'university', 'investor'] as const;

export function isProvinceAdmin(actor: Actor) {
  return actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE;
}

function isCityAdmin(actor: Actor) {
  return actor.roles.includes('city_admin') && actor.regionCode !== PROVINCE_CODE;
}

export function isPartyUser(actor: Actor, orgId: number) {
  return (
    actor.orgId === orgId && actor.roles.some((r) => (PARTY_ROLES as readonly string[]).includes(r))
  );
}

export function isBroker(actor: Actor) {
  return actor.roles.includes('broker');
}

/** Entering a draft between these two organisations. */
export function canCreateDeal(actor: Actor, sellerOrgId: number, buyerOrgId: number) {
  return isBroker(actor) || isPartyUser(actor, sellerOrgId) || isPartyUser(actor, buyerOrgId);
}

type DealRef = {
  sellerOrgId: number;
  buyerOrgId: number;
  sellerCity: string;
  buyerCity: string;
  createdBy: number | null;
};

function isOwn(actor: Actor, d: DealRef) {
  return (
    d.createdBy === actor.id ||
    isPartyUser(actor, d.sellerOrgId) ||
    isPartyUser(actor, d.buyerOrgId)
  );
}

export function canReadDeal(actor: Actor, d: DealRef) {
  if (isProvinceAdmin(actor)) return true;
  if (isCityAdmin(actor) && (d.sellerCity === actor.regionCode || d.buyerCity === actor.regionCode))
    return true;
  return isOwn(actor, d);
}

/**
 * The side the actor confirms or refuses for: a user of one of the two parties. A broker who
 * entered the draft is neither — a contract binds the organisations, so each confirms itself.
 */
export function sideOf(actor: Actor, d: DealRef): DealSide | null {
  if (isPartyUser(actor, d.sellerOrgId)) return 'seller';
  if (isPartyUser(actor, d.buyerOrgId)) return 'buyer';
  return null;
}

/** Adding scans of the written contract: its parties' users (the file must be their org's). */
export function canAttachScan(actor: Actor, d: DealRef) {
  return isPartyUser(actor, d.sellerOrgId) || isPartyUser(actor, d.buyerOrgId);
}

export function canRegisterDeal(actor: Actor, d: DealRef) {
  return isCityAdmin(actor) && d.sellerCity === actor.regionCode;
}

export function listScope(actor: Actor): DealScope {
  if (isProvinceAdmin(actor)) return { kind: 'all' };
  if (isCityAdmin(actor)) return { kind: 'city', city: actor.regionCode };
  return { kind: 'own', orgId: actor.orgId, createdBy: actor.id };
}

/** Flows and city summaries are aggregate statistics for officials (the cockpit shows them too). */
export function canReadStats(actor: Actor) {
  return isProvinceAdmin(actor) || isCityAdmin(actor);
}
