import { type Job, type JobRun, ruleText } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import type { JobRunsTable } from '../../core/db/schema';
import { AppError } from '../../core/errors';
import { nextSlot } from '../../core/jobs/job';
import { type RunResult, runNow } from '../../core/jobs/runner';
import { findJob, JOBS } from './jobs.registry';

type RunRow = Omit<JobRunsTable, 'id' | 'jobName' | 'leaseUntil'> & { id: number };
const RUN_COLUMNS = [
  'id',
  'slot',
  'status',
  'attempt',
  'trigger',
  'startedAt',
  'finishedAt',
  'retryAt',
  'summary',
  'error',
] as const;

function presentRun(r: RunRow): JobRun {
  return {
    id: Number(r.id),
    slot: r.slot,
    status: r.status,
    attempt: Number(r.attempt),
    trigger: r.trigger,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    retryAt: r.retryAt,
    handled: r.summary === null ? null : Number(r.summary),
    error: r.error,
  };
}

function jobOrThrow(name: string) {
  const job = findJob(name);
  if (!job) throw new AppError('jobs.not_found');
  return job;
}

async function recentRuns(ctx: Ctx, name: string, limit: number): Promise<JobRun[]> {
  const rows = await ctx.deps.db
    .selectFrom('jobRuns')
    .select(RUN_COLUMNS)
    .where('jobName', '=', name)
    .orderBy('startedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentRun);
}

export async function listJobs(ctx: Ctx): Promise<{ items: Job[] }> {
  const now = new Date();
  const items: Job[] = [];
  for (const job of JOBS) {
    const [last] = await recentRuns(ctx, job.name, 1);
    const key = job.descriptionKey;
    items.push({
      name: job.name,
      description: { zh: ruleText(key, 'zh-CN'), en: ruleText(key, 'en') },
      schedule: job.schedule,
      lastRun: last ?? null,
      nextRunAt: nextSlot(job, now)?.toISOString() ?? null,
    });
  }
  return { items };
}

export async function listJobRuns(ctx: Ctx, name: string): Promise<{ items: JobRun[] }> {
  jobOrThrow(name);
  return { items: await recentRuns(ctx, name, 20) };
}

/** Run now as the asking admin (its job-run audit event names them). */
export async function runJobNow(ctx: Ctx, name: string): Promise<JobRun> {
  const job = jobOrThrow(name);
  const result: RunResult = await runNow(ctx, job);
  const row = await ctx.deps.db
    .selectFrom('jobRuns')
    .select(RUN_COLUMNS)
    .where('id', '=', result.runId)
    .executeTakeFirstOrThrow();
  return presentRun(row);
}
