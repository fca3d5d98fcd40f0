import type { DemoSeeder } from '../../core/demo/seeder';
import { seedDemoIntroductions } from './matching.seed';

/** Each city's broker has introduced a few listings, so the sub-markets show their work. */
export const matchingDemoSeeder: DemoSeeder = {
  name: 'matching',
  async seed(demo) {
    const brokers = demo.accounts().filter((a) => a.fresh && a.roles[0] === 'broker');
    if (brokers.length > 0) await seedDemoIntroductions(demo.deps, brokers);
  },
};
