import { purgeIdempotencyKeys } from '../http/idempotency';
import type { JobDefinition } from './job';

/** Housekeeping of the cross-cutting tables in core/. */
export const platformJobs: JobDefinition[] = [
  {
    name: 'platform.purge_idempotency_keys',
    descriptionKey: 'jobs.platform.purge_idempotency_keys',
    schedule: '20 * * * *', // each hour at :20
    handler: (ctx, now) => purgeIdempotencyKeys(ctx.deps, now),
  },
];
