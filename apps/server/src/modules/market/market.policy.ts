import {
  type AchievementStatus,
  type DemandStatus,
  LISTED_STATUSES,
  PROVINCE_CODE,
  type Role,
} from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Who may do what in the technology market.
 * - Enterprise and university/institute users (roles enterprise, university, bound to their
 *   organisation) create achievements and demands for their own organisation only, and edit
 *   them while drafts.
 * - City admins review (curate) submitted achievements of their own city; the province admin
 *   acts in every city. An admin of another city gets 403 (officials may know a record exists;
 *   they may not act on it).
 * - Listed records (published, in negotiation, transacted) are visible to every signed-in
 *   business role, brokers and investors included; anything else only to the owner
 *   organisation and the officials of its city. Records a user may not see are answered 404,
 *   exactly like records that do not exist.
 * - Featured (showcase) listed achievements and open-call demands are public, without
 *   personal data.
 * Auditors and security admins stay out (separation of duties), as for organisations.
 */
export const MARKET_READERS: readonly Role[] = [
  'province_admin',
  'city_admin',
  'enterprise',
  'university',
  'talent',
  'investor',
  'broker',
  'ranking_publisher',
];
export const OWNER_ROLES: readonly Role[] = ['enterprise', 'university'];
export const OFFICIAL_ROLES: readonly Role[] = ['province_admin', 'city_admin'];
/** Organisation types that own achievements and demands (an institute's users are 'university'). */
export const OWNER_ORG_TYPES = ['enterprise', 'university', 'institute'];

export interface OwnedRecord {
  orgId: number;
  regionCode: string;
  status: string;
}

export function canUseMarket(actor: Actor): boolean {
  return actor.roles.some((r) => MARKET_READERS.includes(r));
}

export function isOfficial(actor: Actor): boolean {
  return actor.roles.some((r) => OFFICIAL_ROLES.includes(r));
}

export function isOfficialOf(actor: Actor, regionCode: string): boolean {
  return (
    (actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE) ||
    (actor.roles.includes('city_admin') && actor.regionCode === regionCode)
  );
}

export function isOwnerMember(actor: Actor, orgId: number): boolean {
  return actor.orgId === orgId && actor.roles.some((r) => OWNER_ROLES.includes(r));
}

/** Creating for an organisation: its own user, and it must be an enterprise/university/institute. */
export function canCreateFor(actor: Actor, org: { id: number; type: string }): boolean {
  return isOwnerMember(actor, org.id) && OWNER_ORG_TYPES.includes(org.type);
}

export function isListed(status: string): boolean {
  return (LISTED_STATUSES as readonly string[]).includes(status);
}

export function canSee(actor: Actor, r: OwnedRecord): boolean {
  if (!canUseMarket(actor)) return false;
  if (isListed(r.status)) return true;
  return isOwnerMember(actor, r.orgId) || isOfficialOf(actor, r.regionCode);
}

/** Demands: published ones are open to all readers; the rest like achievements. */
export function canSeeDemand(actor: Actor, r: OwnedRecord): boolean {
  if (!canUseMarket(actor)) return false;
  return (
    r.status === 'published' || isOwnerMember(actor, r.orgId) || isOfficialOf(actor, r.regionCode)
  );
}

export function canEdit(actor: Actor, r: OwnedRecord): boolean {
  return isOwnerMember(actor, r.orgId);
}

export function canSubmit(actor: Actor, r: OwnedRecord): boolean {
  return isOwnerMember(actor, r.orgId);
}

export function canReview(actor: Actor, r: OwnedRecord): boolean {
  return isOfficialOf(actor, r.regionCode);
}

/** Publishing a curated achievement: the owner decides when, or an official of its city. */
export function canPublish(actor: Actor, r: OwnedRecord): boolean {
  return isOwnerMember(actor, r.orgId) || isOfficialOf(actor, r.regionCode);
}

export function canWithdraw(actor: Actor, r: OwnedRecord): boolean {
  return isOwnerMember(actor, r.orgId) || isOfficialOf(actor, r.regionCode);
}

export function canFeature(actor: Actor, r: OwnedRecord): boolean {
  return isOfficialOf(actor, r.regionCode);
}

/** The list scope 'city' (an official's queue): the city it covers, or null when not allowed. */
export function cityScope(actor: Actor, requested: string | undefined): string | 'all' | null {
  if (actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE) {
    return requested ?? 'all';
  }
  if (actor.roles.includes('city_admin')) {
    return requested && requested !== actor.regionCode ? null : actor.regionCode;
  }
  return null;
}

/** Statuses an owner's edits are allowed in. */
export const EDITABLE: readonly (AchievementStatus | DemandStatus)[] = ['draft'];
