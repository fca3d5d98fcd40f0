import type { DemoSeeder } from '../../core/demo/seeder';
import { seedDeals } from './deals.seed';

/** Registered technology contracts between the cities, feeding the cockpit's flows. */
export const dealsDemoSeeder: DemoSeeder = {
  name: 'deals',
  async seed(demo) {
    await seedDeals(demo.deps, demo.scale);
  },
};
