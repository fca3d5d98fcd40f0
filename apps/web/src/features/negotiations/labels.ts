import type { NegotiationSide, NegotiationStatus } from '@corridor/contracts';

export const NEGOTIATION_STATUS_COLORS: Record<NegotiationStatus, string> = {
  open: 'processing',
  agreed: 'gold',
  contracted: 'success',
  abandoned: 'default',
};

export const SIDE_COLORS: Record<NegotiationSide, string> = {
  seller: 'blue',
  buyer: 'green',
  broker: 'purple',
};
