import type { TextCode } from '@corridor/contracts';
import { Cron } from 'croner';
import type { Ctx } from '../context';

/** What a module declares to have work done on a schedule (see docs/ARCHITECTURE.md). */
export interface JobDefinition {
  /** Registered name, `<module>.<what>` (the API's path parameter is checked against it). */
  name: string;
  /** Message key of the job's description (zh-CN and en in contracts i18n/jobs.ts). */
  descriptionKey: TextCode;
  /** Cron expression (5 or 6 fields), read in China Standard Time. */
  schedule: string;
  /**
   * Does the work as the system; writes go through services, which audit them. Returns how many
   * records it handled (stored with the run; the page says it in the reader's language, so no
   * sentence is made here). Throwing fails the attempt.
   */
  handler(ctx: Ctx, now: Date): Promise<number>;
}

export const JOB_NAME_PATTERN = /^[a-z]+(\.[a-z_]+)+$/;
export const SCHEDULE_TIMEZONE = 'Asia/Shanghai';
/** A 'running' claim older than this is taken to have died with its process. */
export const LEASE_MS = 10 * 60_000;
/** Waits before the 2nd and 3rd attempt; after the last attempt a slot stays failed. */
export const RETRY_BACKOFF_MS = [60_000, 5 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

function cronOf(job: JobDefinition): Cron {
  return new Cron(job.schedule, { timezone: SCHEDULE_TIMEZONE, paused: true });
}

/** The latest scheduled time at or before `now` within the past day (null if none). */
export function latestSlot(job: JobDefinition, now: Date): Date | null {
  const cron = cronOf(job);
  let at: Date | null = cron.nextRun(new Date(now.getTime() - 86_400_000));
  let latest: Date | null = null;
  while (at && at.getTime() <= now.getTime()) {
    latest = at;
    at = cron.nextRun(at);
  }
  return latest;
}

export function nextSlot(job: JobDefinition, now: Date): Date | null {
  return cronOf(job).nextRun(now);
}
