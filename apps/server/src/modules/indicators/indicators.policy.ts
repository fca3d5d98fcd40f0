import { PROVINCE_CODE, type Role } from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Rules for yearly indicators, tier evaluations and certificates.
 *
 * Indicators are business data (revenue, R&D, staff), not directory data, so unlike the org
 * registry they are NOT open to every signed-in member:
 * - the enterprise's own users (role `enterprise`, account bound to that org) read and edit
 *   their own figures, and see the certificates recorded for them;
 * - a city admin reads and edits the enterprises of their own city, and records certificates;
 * - the province admin does all of that everywhere;
 * - the third-party ranking publisher reads indicators, evaluations and certificates of every
 *   enterprise, read-only, because a published list must be checkable against its inputs and
 *   their provenance (reference §7.3); it does not see who changed a value (the change history
 *   names individual accounts) and cannot write anything;
 * - everyone else (universities, talents, investors, brokers, auditors, security admins) is refused.
 * Tier statistics are aggregates per city: officials only; a city admin sees all five cities,
 * since comparing cities is what the figures are for and no enterprise can be picked out.
 * The one exception is the count of certificate holders per city and tier: a certificate is a
 * public recognition whose list its issuer publishes (高新技术企业名单, 专精特新 lists), so the
 * counts are public; eligibility, computed from firms' private figures, stays with officials.
 */
export const INDICATOR_READERS: Role[] = [
  'province_admin',
  'city_admin',
  'enterprise',
  'ranking_publisher',
];
export const INDICATOR_EDITORS: Role[] = ['province_admin', 'city_admin', 'enterprise'];
export const OFFICIALS: Role[] = ['province_admin', 'city_admin'];

export type OrgRef = { id: number; regionCode: string };

function isProvinceAdmin(actor: Actor) {
  return actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE;
}

function isCityAdminOf(actor: Actor, regionCode: string) {
  return actor.roles.includes('city_admin') && actor.regionCode === regionCode;
}

function isOwnEnterprise(actor: Actor, org: OrgRef) {
  return actor.roles.includes('enterprise') && actor.orgId === org.id;
}

export function canEditIndicators(actor: Actor, org: OrgRef): boolean {
  return (
    isProvinceAdmin(actor) || isCityAdminOf(actor, org.regionCode) || isOwnEnterprise(actor, org)
  );
}

export function canReadIndicators(actor: Actor, org: OrgRef): boolean {
  return canEditIndicators(actor, org) || actor.roles.includes('ranking_publisher');
}

/** Who changed what, by name: the org itself and its officials, not the publisher. */
export function canSeeHistory(actor: Actor, org: OrgRef): boolean {
  return canEditIndicators(actor, org);
}

/** Certificates are issued by the state: recorded by officials of the org's city or province. */
export function canManageCertificates(actor: Actor, org: OrgRef): boolean {
  return isProvinceAdmin(actor) || isCityAdminOf(actor, org.regionCode);
}

/** Importing rows of an enterprise of a given city. */
export function canImportFor(actor: Actor, regionCode: string): boolean {
  return isProvinceAdmin(actor) || isCityAdminOf(actor, regionCode);
}

/** Export carries every figure of many firms: the province any city, a city admin its own. */
export function exportScope(actor: Actor): 'all' | string | null {
  if (isProvinceAdmin(actor)) return 'all';
  if (actor.roles.includes('city_admin')) return actor.regionCode;
  return null;
}

export function canReadTierStats(actor: Actor): boolean {
  return isProvinceAdmin(actor) || actor.roles.includes('city_admin');
}

/** Counts of certificate holders per city and tier: published lists, so anyone (see above). */
export function canReadCertifiedCounts(_actor: Actor | null): boolean {
  return true;
}
