import type { DemoSeeder } from '../../core/demo/seeder';
import { seedMarket } from './market.bulk';

/** Achievements and demands of the demo organisations (first seed only). */
export const marketDemoSeeder: DemoSeeder = {
  name: 'market',
  async seed(demo) {
    await seedMarket(demo.deps, demo.scale);
  },
};
