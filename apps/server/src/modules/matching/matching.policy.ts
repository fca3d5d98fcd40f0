import { PROVINCE_CODE, type Role } from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Who sees matches: the records' own organisations (their users), brokers and investors who
 * bring parties together, and officials. Which records each of them may see is the market
 * module's rule (its service answers 404 otherwise): outsiders see listed records only.
 * Talents and ranking publishers read the market but have no part in introductions.
 */
export const MATCHING_READERS: readonly Role[] = [
  'province_admin',
  'city_admin',
  'enterprise',
  'university',
  'investor',
  'broker',
];
export const BROKER_ROLES: readonly Role[] = ['broker'];
export const ANSWER_ROLES: readonly Role[] = ['enterprise', 'university'];
export const FEEDBACK_ROLES: readonly Role[] = [
  'enterprise',
  'university',
  'province_admin',
  'city_admin',
];

export function isBroker(actor: Actor): boolean {
  return actor.roles.includes('broker');
}

/** The achievement's organisation answers introductions (its enterprise/university users). */
export function isAchievementOwner(actor: Actor, achievementOrgId: number): boolean {
  return actor.orgId === achievementOrgId && actor.roles.some((r) => ANSWER_ROLES.includes(r));
}

/** Officials of the record's city, or of the province. */
export function isOfficialOf(actor: Actor, regionCode: string): boolean {
  return (
    (actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE) ||
    (actor.roles.includes('city_admin') && actor.regionCode === regionCode)
  );
}
