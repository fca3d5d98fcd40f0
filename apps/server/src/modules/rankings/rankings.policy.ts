import { PROVINCE_CODE } from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Rules for ranking lists.
 * - Only the third-party publisher (ranking_publisher) writes: methods, editions, decisions,
 *   publication — and only on the editions it created (its key signs them).
 * - An enterprise files corrections for its own organisation, during the window, and sees the
 *   editions whose snapshot holds it.
 * - Officials read every edition (oversight) but change nothing: a published list is the
 *   publisher's signed statement. City admins see the inputs and corrections of their city.
 * - Everyone, signed in or not, reads published editions and their signed downloads.
 */
export interface EditionRef {
  ownerId: number;
  status: string;
}

export function isPublisher(actor: Actor | null): actor is Actor {
  return !!actor && actor.roles.includes('ranking_publisher');
}

export function isOfficial(actor: Actor | null): actor is Actor {
  return !!actor && (actor.roles.includes('province_admin') || actor.roles.includes('city_admin'));
}

export function isProvinceAdmin(actor: Actor | null): boolean {
  return !!actor && actor.roles.includes('province_admin') && actor.regionCode === PROVINCE_CODE;
}

/** The enterprise organisation an account acts for, or null. */
export function enterpriseOrgOf(actor: Actor | null): number | null {
  return actor?.roles.includes('enterprise') && actor.orgId ? actor.orgId : null;
}

export function ownsEdition(actor: Actor | null, edition: EditionRef): boolean {
  return isPublisher(actor) && edition.ownerId === actor.id;
}

/**
 * Who sees an edition: published → everyone; before that its publisher, officials, and the
 * enterprises of its snapshot once the correction window has opened.
 */
export function canSeeEdition(
  actor: Actor | null,
  edition: EditionRef,
  inSnapshot: boolean,
): boolean {
  if (edition.status === 'published') return true;
  if (ownsEdition(actor, edition) || isOfficial(actor)) return true;
  return inSnapshot && edition.status !== 'draft' && enterpriseOrgOf(actor) !== null;
}

/** City a reader of inputs and corrections is limited to (undefined = no limit). */
export function cityLimit(actor: Actor, edition: EditionRef): string | undefined {
  if (ownsEdition(actor, edition) || isProvinceAdmin(actor)) return undefined;
  return actor.regionCode;
}
