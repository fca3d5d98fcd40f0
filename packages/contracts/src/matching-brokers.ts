import { z } from 'zod';
import { CITY_CODES } from './regions';

/**
 * A city sub-market's brokers (issue 4 item 6): the accounts holding 'broker' in that city and
 * what came of their introductions. Aggregates only: no contact data, no introduction details.
 */
export const CityBrokersQuerySchema = z.strictObject({ city: z.enum(CITY_CODES) });
export type CityBrokersQuery = z.infer<typeof CityBrokersQuerySchema>;

export const BrokerTallySchema = z.object({
  /** Introductions made, whatever their answer. */
  made: z.number().int(),
  accepted: z.number().int(),
  declined: z.number().int(),
  pending: z.number().int(),
});
export type BrokerTally = z.infer<typeof BrokerTallySchema>;

export const CityBrokerSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  introductions: BrokerTallySchema,
});
export type CityBroker = z.infer<typeof CityBrokerSchema>;

export const CityBrokerListSchema = z.object({
  city: z.enum(CITY_CODES),
  /** Most introductions first. */
  items: z.array(CityBrokerSchema),
});
export type CityBrokerList = z.infer<typeof CityBrokerListSchema>;
