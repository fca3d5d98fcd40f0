import { writeAudit } from '../audit/audit';
import { type Ctx, type Deps, systemCtx } from '../context';
import { isUniqueViolation } from '../db/dialect';
import type { JobRunsTable } from '../db/schema';
import { type JobDefinition, LEASE_MS, latestSlot, MAX_ATTEMPTS, RETRY_BACKOFF_MS } from './job';

type Trigger = JobRunsTable['trigger'];
export interface RunResult {
  runId: number;
  status: 'succeeded' | 'failed';
  summary: string | null;
  error: string | null;
}

const iso = (d: Date) => d.toISOString();

/**
 * Claims a fresh slot by inserting its row: the unique (job_name, slot) key lets exactly one
 * process win, on either engine. Returns the claimed run's id, or null if another has it.
 */
async function claimNew(deps: Deps, job: JobDefinition, slot: string, trigger: Trigger, now: Date) {
  try {
    const row = await deps.db
      .insertInto('jobRuns')
      .values({
        jobName: job.name,
        slot,
        status: 'running',
        attempt: 1,
        trigger,
        startedAt: iso(now),
        leaseUntil: iso(new Date(now.getTime() + LEASE_MS)),
        finishedAt: null,
        retryAt: null,
        summary: null,
        error: null,
      })
      .returning(['id', 'attempt'])
      .executeTakeFirstOrThrow();
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Retakes a slot whose claim died (lease expired) or whose failed attempt is due again. The
 * update is conditional on the attempt number read, so of two processes only one retakes it.
 */
async function retakeDue(deps: Deps, job: JobDefinition, now: Date) {
  const at = iso(now);
  const due = await deps.db
    .selectFrom('jobRuns')
    .select(['id', 'attempt', 'status'])
    .where('jobName', '=', job.name)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'running'), eb('leaseUntil', '<', at)]),
        eb.and([eb('status', '=', 'failed'), eb('retryAt', '<=', at)]),
      ]),
    )
    .orderBy('slot')
    .execute();
  const taken: { id: number; attempt: number }[] = [];
  for (const row of due) {
    const attempt = row.status === 'failed' ? row.attempt + 1 : row.attempt;
    const result = await deps.db
      .updateTable('jobRuns')
      .set({
        status: 'running',
        attempt,
        startedAt: at,
        leaseUntil: iso(new Date(now.getTime() + LEASE_MS)),
        finishedAt: null,
        retryAt: null,
      })
      .where('id', '=', row.id)
      .where('attempt', '=', row.attempt)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) taken.push({ id: row.id, attempt });
  }
  return taken;
}

/** Runs a claimed attempt and records its outcome with a job-run audit event. */
async function execute(
  deps: Deps,
  job: JobDefinition,
  run: { id: number; attempt: number },
  now: Date,
  auditCtx: Ctx,
): Promise<RunResult> {
  let summary: string | null = null;
  let error: string | null = null;
  try {
    summary = String(await job.handler(systemCtx(deps), now));
  } catch (e) {
    error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
  }
  const finished = new Date();
  const failed = error !== null;
  const backoff = RETRY_BACKOFF_MS[run.attempt - 1];
  const retryAt =
    failed && run.attempt < MAX_ATTEMPTS && backoff !== undefined
      ? iso(new Date(now.getTime() + backoff)) // on the scheduler's clock, like the slots
      : null;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('jobRuns')
      .set({
        status: failed ? 'failed' : 'succeeded',
        finishedAt: iso(finished),
        retryAt,
        summary,
        error,
      })
      .where('id', '=', run.id)
      .execute();
    await writeAudit(trx, auditCtx, {
      action: 'jobs.run',
      objectType: 'job',
      objectId: job.name,
      outcome: failed ? 'failure' : 'success',
      detail: { runId: run.id, attempt: run.attempt, ...(failed ? { error } : { summary }) },
    });
  });
  return { runId: run.id, status: failed ? 'failed' : 'succeeded', summary, error };
}

/**
 * One scheduler tick: for each job, retakes stale or retry-due runs, then claims the latest
 * slot at or before `now` (once per slot across all processes) and runs what it holds.
 */
export async function runDue(deps: Deps, jobs: readonly JobDefinition[], now: Date) {
  const results: RunResult[] = [];
  for (const job of jobs) {
    const runs = await retakeDue(deps, job, now);
    const slot = latestSlot(job, now);
    if (slot) {
      const claimed = await claimNew(deps, job, iso(slot), 'schedule', now);
      if (claimed) runs.push(claimed);
    }
    for (const run of runs) results.push(await execute(deps, job, run, now, systemCtx(deps)));
  }
  return results;
}

/** Run now, asked by an admin: its own slot (the time asked), audited as that admin. */
export async function runNow(ctx: Ctx, job: JobDefinition, now = new Date()): Promise<RunResult> {
  const claimed = await claimNew(ctx.deps, job, iso(now), 'manual', now);
  if (!claimed) throw new Error('run-now slot already taken');
  return execute(ctx.deps, job, claimed, now, ctx);
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Ticks every `intervalMs` (default 30 s); one tick at a time; stop() waits for the current one. */
export function startScheduler(
  deps: Deps,
  jobs: readonly JobDefinition[],
  options: { intervalMs?: number; clock?: () => Date; onError?: (e: unknown) => void } = {},
): Scheduler {
  const clock = options.clock ?? (() => new Date());
  let current: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    current = runDue(deps, jobs, clock())
      .catch((e) => options.onError?.(e))
      .finally(() => {
        busy = false;
      });
  }, options.intervalMs ?? 30_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
