import { JOB_NAME_PATTERN, type JobDefinition } from '../../core/jobs/job';
import { platformJobs } from '../../core/jobs/platform.jobs';
import { marketJobs } from '../market/market.jobs';
import { notificationsJobs } from '../notifications/notifications.jobs';

/** Every job of the installation: a module adds its `<domain>.jobs.ts` list here. */
export const JOBS: readonly JobDefinition[] = [
  ...platformJobs,
  ...marketJobs,
  ...notificationsJobs,
];

for (const job of JOBS) {
  if (!JOB_NAME_PATTERN.test(job.name)) throw new Error(`Job name ${job.name} is not registrable`);
}

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
