import type { DemoSeeder } from '../../core/demo/seeder';
import { seedDemoNegotiations } from './negotiations.seed';

/** Negotiations of the demo enterprise (one with the Ezhou broker), when it is first created. */
export const negotiationsDemoSeeder: DemoSeeder = {
  name: 'negotiations',
  async seed(demo) {
    const enterprise = demo.account('enterprise');
    if (!enterprise?.fresh) return;
    const broker = demo.account('broker');
    await seedDemoNegotiations(demo.deps, enterprise, broker?.fresh ? broker : null);
  },
};
