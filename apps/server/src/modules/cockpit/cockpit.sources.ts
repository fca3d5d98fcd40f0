import type { AnyAggregateSource } from '../../core/aggregates/sources';
import { contractFlowSource } from '../deals/deals.aggregates';
import { orgCountsSource } from '../orgs/orgs.aggregates';

/**
 * Every source of the cockpit's aggregate store. A module whose records move cockpit figures
 * (dual appointments, service orders, vouchers …) writes its deltas in its own transactions and
 * adds its source here; `test/aggregates.test.ts` then proves incremental = rebuild for it.
 */
export const AGGREGATE_SOURCES: readonly AnyAggregateSource[] = [
  orgCountsSource,
  contractFlowSource,
];
