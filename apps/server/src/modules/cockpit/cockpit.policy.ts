import { PROVINCE_CODE } from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Rules of the cockpit.
 * - The public view holds aggregates only (counts and sums per city, month, field); no record
 *   and no name, so anyone may see it.
 * - The leaders' drill-down adds detail per city (industries, monthly registrations, partner
 *   cities including those outside the corridor). City is the tenant: a city admin drills into
 *   their own city; the province into any. (The all-city comparison is the public view.)
 * - Tier figures per city belong to the indicators module: the count of certificate holders is
 *   public (the issuers publish the lists), computed eligibility is for officials only; the
 *   public view carries eligibility only when an official is signed in.
 * - Official figures are entered and corrected by the province only, each with source and date.
 */
function isProvinceAdmin(actor: Actor) {
  return actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE;
}

export function canViewCityDetail(actor: Actor, city: string): boolean {
  return (
    isProvinceAdmin(actor) || (actor.roles.includes('city_admin') && actor.regionCode === city)
  );
}

export function canReadOfficialKpis(actor: Actor): boolean {
  return isProvinceAdmin(actor) || actor.roles.includes('city_admin');
}

/** Mirrors the indicators module's rule for its per-city eligibility statistics (officials only). */
export function canSeeTierStats(actor: Actor): boolean {
  return isProvinceAdmin(actor) || actor.roles.includes('city_admin');
}

export function canEnterOfficialKpis(actor: Actor): boolean {
  return isProvinceAdmin(actor);
}
