import {
  CITY_BOUND_ROLES,
  ORG_BOUND_ROLES,
  PROVINCE_BOUND_ROLES,
  PROVINCE_CODE,
  type Role,
} from '@corridor/contracts';
import type { Actor } from '../../core/context';

/** A security admin of the province manages every account; one of a city, that city's only. */
export function canManageAccountIn(actor: Actor, regionCode: string): boolean {
  if (!actor.roles.includes('security_admin')) return false;
  return actor.regionCode === PROVINCE_CODE || actor.regionCode === regionCode;
}

/** Region and organisation binding each role requires; null when the binding fits. */
export function bindingProblem(
  roles: Role[],
  regionCode: string,
  orgId: number | null,
): string | null {
  if (roles.some((r) => CITY_BOUND_ROLES.includes(r)) && regionCode === PROVINCE_CODE)
    return 'regionCode';
  if (roles.some((r) => PROVINCE_BOUND_ROLES.includes(r)) && regionCode !== PROVINCE_CODE)
    return 'regionCode';
  if (roles.some((r) => ORG_BOUND_ROLES.includes(r)) && orgId === null) return 'orgId';
  return null;
}
