import { orgCountSource } from '../../core/aggregates/sources';
import * as repo from './orgs.repo';

/** The registry as the cockpit counts it: every organisation by city, type, industry, month. */
export const orgCountsSource = orgCountSource({
  lockTable: 'orgs',
  scan: async (db) =>
    (await repo.countOrgsByHour(db)).map((r) => ({
      facts: { ...r, createdAt: `${r.hour}:00:00Z` },
      n: r.n,
    })),
});
