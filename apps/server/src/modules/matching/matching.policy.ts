import {
  INTRODUCTION_ANSWER_ROLES,
  isOfficialOf,
  ownsAchievement,
  type Role,
  rolesWith,
} from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Who sees matches: the records' own organisations (their users), brokers and investors who
 * bring parties together, and officials. Which records each of them may see is the market
 * module's rule (its service answers 404 otherwise): outsiders see listed records only.
 * Talents and ranking publishers read the market but have no part in introductions.
 * The roles are those holding the 'matching.read' ability, so the web app, which decides from
 * the same ability whether a page asks for matches, never asks for what the route refuses.
 */
export const MATCHING_READERS: readonly Role[] = rolesWith('matching.read');
export const BROKER_ROLES: readonly Role[] = ['broker'];
export const ANSWER_ROLES: readonly Role[] = INTRODUCTION_ANSWER_ROLES;
export const FEEDBACK_ROLES: readonly Role[] = [
  'enterprise',
  'university',
  'province_admin',
  'city_admin',
];

export function isBroker(actor: Actor): boolean {
  return actor.roles.includes('broker');
}

/** The achievement's organisation answers introductions (the rule is shared with the web). */
export function isAchievementOwner(actor: Actor, achievementOrgId: number): boolean {
  return ownsAchievement(actor, achievementOrgId);
}

export { isOfficialOf };
