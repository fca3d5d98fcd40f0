import type { Role, ScopeCode } from '@corridor/contracts';
import type { Ctx, Deps } from '../context';
import type { Random } from './random';

/**
 * How a module brings its demo data. Start-up seeding (`modules/seed`) runs the seeders of
 * `modules/seed/seeders.ts` in that order, each once per run; a seeder must be safe to run again
 * on a database that already holds its data (skip what is there), because `corridor seed --scale`
 * extends a smaller demo.
 */
export interface DemoSeeder {
  /** The module's name (also labels its random stream and its line in the seed log). */
  name: string;
  seed(demo: DemoContext): Promise<void>;
}

/** A demo account to create (once; its user name is its identity). */
export interface DemoAccount {
  username: string;
  displayName: string;
  roles: [Role];
  regionCode: ScopeCode;
  orgId: number | null;
  /** Its organisation's account manager (adds and disables colleagues). */
  orgManager?: boolean;
}

/** A demo account as it exists: `fresh` when this run created it. */
export interface SeededAccount extends DemoAccount {
  id: number;
  fresh: boolean;
}

/** An organisation of the demo, as seeders pick them (id, type, city). */
export interface OrgRef {
  id: number;
  type: string;
  regionCode: string;
}

export interface DemoContext {
  deps: Deps;
  /** The system's context, for writes that no user makes (bulk loads). */
  system: Ctx;
  /** Number of demo organisations asked for (0: accounts only, no data). */
  scale: number;
  /** The head of the demo's organisations (a few hundred, every type in every city). */
  orgRefs(): readonly OrgRef[];
  setOrgRefs(refs: readonly OrgRef[]): void;
  /**
   * Creates the account unless its user name exists; either way it is listed in the start-up
   * log with its label. Modules add the actors of their own journeys this way.
   */
  ensureAccount(account: DemoAccount): Promise<SeededAccount>;
  /** An account ensured earlier in this run (by any seeder), if any. */
  account(username: string): SeededAccount | undefined;
  accounts(): readonly SeededAccount[];
  /** A context acting as that account (its writes are audited as that user). */
  as(account: SeededAccount): Ctx;
  /** A deterministic random stream of its own for each label (same data on every machine). */
  random(label: string): Random;
}
