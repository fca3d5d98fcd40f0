import type { JobDefinition } from '../../core/jobs/job';
import { closeExpiredDemands } from './market.demand.service';

export const marketJobs: JobDefinition[] = [
  {
    name: 'market.close_expired_demands',
    descriptionKey: 'jobs.market.close_expired_demands',
    schedule: '10 0 * * *', // 00:10 each day, China time
    handler: (ctx, now) => closeExpiredDemands(ctx, now),
  },
];
