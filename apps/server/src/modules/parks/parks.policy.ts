import { PROVINCE_CODE, type Role } from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Rules for co-built parks (issue 16 "Who may do what").
 * - The province admin (the corridor's working group) reads and edits every park.
 * - A city admin reads and edits the parks its city is a party to — the park, its agreement's
 *   phases and rules. A park it creates must include its own city.
 * - Yearly figures are entered by the city admin of the reporting city (statistics are made
 *   where the activity is, 在地统计); a party city that does not report cannot change them.
 * - A payment is recorded by the city admin of the paying city (or the province).
 * - A city admin of a non-party city sees nothing of the park (404), and everyone else is
 *   refused at the route: these are government figures, not the public's.
 * - Corridor totals (every park's figures once) are read by officials of every city.
 */
export const PARK_OFFICIALS: Role[] = ['province_admin', 'city_admin'];

export function isProvinceAdmin(actor: Actor): boolean {
  return actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE;
}

function cityOf(actor: Actor): string | null {
  return actor.roles.includes('city_admin') && actor.regionCode !== PROVINCE_CODE
    ? actor.regionCode
    : null;
}

/** Parties' cities of a park, as the rules need them. */
export interface ParkRef {
  parties: readonly string[];
}

export function canSeePark(actor: Actor, park: ParkRef): boolean {
  if (isProvinceAdmin(actor)) return true;
  const city = cityOf(actor);
  return city !== null && park.parties.includes(city);
}

export const canEditPark = canSeePark;

/** A new park (or new parties): a city admin only with its own city among them. */
export function canCreatePark(actor: Actor, parties: readonly string[]): boolean {
  return canSeePark(actor, { parties });
}

export function canEnterFigure(actor: Actor, park: ParkRef, reportedBy: string): boolean {
  if (!canSeePark(actor, park)) return false;
  return isProvinceAdmin(actor) || cityOf(actor) === reportedBy;
}

export function canRecordPayment(actor: Actor, park: ParkRef, payerCity: string): boolean {
  if (!canSeePark(actor, park)) return false;
  return isProvinceAdmin(actor) || cityOf(actor) === payerCity;
}

/** Which parks a list shows: all (province) or those with the admin's city among the parties. */
export function listScope(actor: Actor): 'all' | string | null {
  if (isProvinceAdmin(actor)) return 'all';
  return cityOf(actor);
}
