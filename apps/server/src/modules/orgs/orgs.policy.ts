import { PROVINCE_CODE } from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Rules for organisations.
 * - The registry's directory fields (name, code, type, city, industry) are open to every
 *   signed-in corridor member across the five cities: that is what a shared registry is for.
 * - Contact person and phone are personal data: shown only to the province, the org's own
 *   city admins, and the org's own users; everyone else sees them masked.
 * - Officials write only in their own city; an organisation's own users edit their profile
 *   but not its identity (credit code, type, city).
 */
const READERS = [
  'province_admin',
  'city_admin',
  'enterprise',
  'university',
  'talent',
  'investor',
  'broker',
  'ranking_publisher',
] as const;

type OrgRef = { id: number; regionCode: string };

export function canReadOrgs(actor: Actor): boolean {
  return actor.roles.some((r) => (READERS as readonly string[]).includes(r));
}

function isProvinceAdmin(actor: Actor) {
  return actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE;
}

function isCityAdminOf(actor: Actor, regionCode: string) {
  return actor.roles.includes('city_admin') && actor.regionCode === regionCode;
}

function isMemberOf(actor: Actor, org: OrgRef) {
  return (
    actor.orgId === org.id &&
    actor.roles.some((r) => r === 'enterprise' || r === 'university' || r === 'investor')
  );
}

export function canSeeContact(actor: Actor, org: OrgRef): boolean {
  return isProvinceAdmin(actor) || isCityAdminOf(actor, org.regionCode) || isMemberOf(actor, org);
}

/** Registering (or importing) an organisation of a given city. */
export function canCreateOrgIn(actor: Actor, regionCode: string): boolean {
  return isProvinceAdmin(actor) || isCityAdminOf(actor, regionCode);
}

export function canUpdateOrg(actor: Actor, org: OrgRef): boolean {
  return isProvinceAdmin(actor) || isCityAdminOf(actor, org.regionCode) || isMemberOf(actor, org);
}

/** Identity fields only officials may change. */
export function canChangeIdentity(actor: Actor, org: OrgRef): boolean {
  return isProvinceAdmin(actor) || isCityAdminOf(actor, org.regionCode);
}

/** Export carries personal data: the province exports any city, a city admin its own only. */
export function exportScope(actor: Actor): 'all' | string | null {
  if (isProvinceAdmin(actor)) return 'all';
  if (actor.roles.includes('city_admin')) return actor.regionCode;
  return null;
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}

export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
