import type { NegotiationSide } from '@corridor/contracts';
import type { Actor } from '../../core/context';

/**
 * Who takes part in a negotiation. A thread is the parties' commercial business: only the two
 * organisations' own users (enterprise / university / investor roles) and the broker who brought
 * them together read or write it. Officials see the resulting contract (deals module), not the
 * haggling before it.
 */
export const PARTY_ROLES = ['enterprise', 'university', 'investor'] as const;

export function isPartyUserOf(actor: Actor, orgId: number) {
  return (
    actor.orgId === orgId && actor.roles.some((r) => (PARTY_ROLES as readonly string[]).includes(r))
  );
}

export function isBroker(actor: Actor) {
  return actor.roles.includes('broker');
}

type Ref = { sellerOrgId: number; buyerOrgId: number; brokerId: number | null };

/** The caller's side, or null when they are not part of it (then it does not exist for them). */
export function sideOf(actor: Actor, n: Ref): NegotiationSide | null {
  if (isPartyUserOf(actor, n.sellerOrgId)) return 'seller';
  if (isPartyUserOf(actor, n.buyerOrgId)) return 'buyer';
  if (n.brokerId !== null && n.brokerId === actor.id) return 'broker';
  return null;
}

/** Offers bind an organisation: only the parties make or accept them, never the broker. */
export function isParty(side: NegotiationSide | null): side is 'seller' | 'buyer' {
  return side === 'seller' || side === 'buyer';
}
