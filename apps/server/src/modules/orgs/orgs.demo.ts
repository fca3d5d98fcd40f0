import { generateOrgBatches } from '../../core/demo/orgs';
import type { DemoSeeder } from '../../core/demo/seeder';
import { bulkInsertOrgs, findOrgRefsByCreditCodes } from './orgs.service';

/** How many of the first generated organisations other seeders pick their actors from. */
const HEAD = 200;

/**
 * The demo registry: `scale` generated organisations, inserted in batches; those already present
 * (same credit code) are skipped, so a larger scale extends a smaller one.
 */
export const orgsDemoSeeder: DemoSeeder = {
  name: 'orgs',
  async seed(demo) {
    let headCodes: string[] = [];
    for (const batch of generateOrgBatches({ scale: demo.scale, batchSize: 5_000 })) {
      if (headCodes.length === 0) headCodes = batch.slice(0, HEAD).map((o) => o.creditCode);
      const codes = batch.map((o) => o.creditCode);
      const existing = new Set(
        (await findOrgRefsByCreditCodes(demo.system, codes)).map((r) => r.creditCode),
      );
      const fresh = batch.filter((o) => !existing.has(o.creditCode));
      if (fresh.length > 0) await bulkInsertOrgs(demo.system, fresh);
    }
    demo.setOrgRefs(await findOrgRefsByCreditCodes(demo.system, headCodes));
  },
};
