import type { DemoSeeder } from '../../core/demo/seeder';
import { seedDemoIndicators } from './indicators.load.service';

/** Three fiscal years and the certificates of the demo enterprises (skipped where loaded). */
export const indicatorsDemoSeeder: DemoSeeder = {
  name: 'indicators',
  async seed(demo) {
    await seedDemoIndicators(demo.system, demo.scale);
  },
};
