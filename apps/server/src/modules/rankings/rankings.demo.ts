import type { DemoSeeder } from '../../core/demo/seeder';
import { seedDemoRankings } from './rankings.seed';

/** Demo ranking lists by the demo publisher, made when that account is first created. */
export const rankingsDemoSeeder: DemoSeeder = {
  name: 'rankings',
  async seed(demo) {
    const publisher = demo.account('publisher');
    if (publisher?.fresh) await seedDemoRankings(demo.deps, publisher);
  },
};
