import { writeCheckpoint } from '../audit/checkpoints';
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
  {
    // The chain's head signed outside the database every few minutes (and at start and at a
    // clean shutdown, from main.ts): a rewrite of older history can no longer pass verify.
    name: 'platform.audit_checkpoint',
    descriptionKey: 'jobs.platform.audit_checkpoint',
    schedule: '*/5 * * * *',
    handler: async (ctx, now) => (await writeCheckpoint(ctx.deps, now)).count,
  },
];
