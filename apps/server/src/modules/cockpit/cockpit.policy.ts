import { PROVINCE_CODE } from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Rules of the cockpit.
 * - The public view holds aggregates only (counts and sums per city, month, field); no record
 *   and no name, so anyone may see it.
 * - The leaders' drill-down adds detail per city (industries, monthly registrations, partner
 *   cities including those outside the corridor). City is the tenant: a city admin drills into
 *   their own city; the province into any. (The all-city comparison is the public view.)
 * - Tier statistics (enterprises per tier per city) belong to the indicators module, which opens
 *   them to officials only; the public view, when an official is signed in, includes them.
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

/** Mirrors the indicators module's rule for its per-city tier statistics (officials only). */
export function canSeeTierStats(actor: Actor): boolean {
  return isProvinceAdmin(actor) || actor.roles.includes('city_admin');
}

export function canEnterOfficialKpis(actor: Actor): boolean {
  return isProvinceAdmin(actor);
}
