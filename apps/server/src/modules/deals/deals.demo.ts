import type { DemoSeeder } from '../../core/demo/seeder';
import { seedDealSigningJourney } from './deals.journey.seed';
import { seedDeals } from './deals.seed';

/**
 * Registered technology contracts between the cities, feeding the cockpit's flows, and the
 * signing journey of the demo enterprise with an Ezhou partner (every state of the workflow).
 */
export const dealsDemoSeeder: DemoSeeder = {
  name: 'deals',
  async seed(demo) {
    await seedDeals(demo.deps, demo.scale);
    if (demo.scale > 0) await seedDealSigningJourney(demo);
  },
};
