import type { DemoSeeder } from '../../core/demo/seeder';
import { accountsDemoSeeder } from '../accounts/accounts.demo';
import { registrationsDemoSeeder } from '../accounts/accounts.registration.demo';
import { cockpitDemoSeeder } from '../cockpit/cockpit.demo';
import { dealsDemoSeeder } from '../deals/deals.demo';
import { indicatorsDemoSeeder } from '../indicators/indicators.demo';
import { marketDemoSeeder } from '../market/market.demo';
import { matchingDemoSeeder } from '../matching/matching.demo';
import { negotiationsDemoSeeder } from '../negotiations/negotiations.demo';
import { orgsDemoSeeder } from '../orgs/orgs.demo';
import { parksDemoSeeder } from '../parks/parks.demo';
import { rankingsDemoSeeder } from '../rankings/rankings.demo';

/**
 * Every module's demo data, in dependency order: a seeder may use what the ones above it made
 * (organisations first, then the accounts acting for them). A new module adds one line.
 */
export const DEMO_SEEDERS: readonly DemoSeeder[] = [
  orgsDemoSeeder,
  accountsDemoSeeder,
  indicatorsDemoSeeder,
  marketDemoSeeder,
  dealsDemoSeeder,
  rankingsDemoSeeder,
  negotiationsDemoSeeder,
  matchingDemoSeeder,
  cockpitDemoSeeder,
  parksDemoSeeder,
  // Last: an organisation without accounts is one no seeder above gave any.
  registrationsDemoSeeder,
];
