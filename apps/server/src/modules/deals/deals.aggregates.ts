import type { Transaction } from 'kysely';
import { applyFlowChanges, type FlowFact } from '../../core/aggregates/flows';
import { flowSource } from '../../core/aggregates/sources';
import type { Database } from '../../core/db/schema';
import * as repo from './deals.repo';

/** A registered technology contract as a flow: technology out (seller) → in (buyer). */
interface ContractFacts {
  signedOn: string;
  sellerCity: string;
  buyerCity: string;
  field: string | null;
  totalAmountWan: number | string;
}

/** One mapping for both the increment and the rebuild, so the two cannot disagree. */
function contractFlow(c: ContractFacts): FlowFact {
  return {
    on: c.signedOn,
    fromCity: c.sellerCity,
    toCity: c.buyerCity,
    field: c.field,
    amountWan: Number(c.totalAmountWan),
  };
}

/** Contracts registered (they enter the public statistics), in the registering transaction. */
export async function countRegisteredContracts(
  trx: Transaction<Database>,
  contracts: readonly ContractFacts[],
): Promise<void> {
  await applyFlowChanges(
    trx,
    'contract',
    contracts.map((c) => ({ before: null, after: contractFlow(c) })),
  );
}

/** Every registered contract counts once, on the day it was signed. */
export const contractFlowSource = flowSource({
  kind: 'contract',
  lockTable: 'deals',
  scan: async (db) => (await repo.registeredFlowRows(db)).map(contractFlow),
});
