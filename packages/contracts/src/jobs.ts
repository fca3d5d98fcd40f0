import { z } from 'zod';

/** A registered job's name: `<module>.<what>`, lower case (unknown names are 404). */
export const JobNameSchema = z
  .string()
  .max(100)
  .regex(/^[a-z]+(\.[a-z_]+)+$/);
export const JobNameParamSchema = z.strictObject({ name: JobNameSchema });

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export const JOB_TRIGGERS = ['schedule', 'manual'] as const;

export const JobRunSchema = z.object({
  id: z.number().int(),
  slot: z.string(),
  status: z.enum(JOB_RUN_STATUSES),
  attempt: z.number().int(),
  trigger: z.enum(JOB_TRIGGERS),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  retryAt: z.string().nullable(),
  /** Records the run handled (closed, deleted, sent …); null while running or when failed. */
  handled: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type JobRun = z.infer<typeof JobRunSchema>;

export const JobSchema = z.object({
  name: z.string(),
  description: z.object({ zh: z.string(), en: z.string() }),
  schedule: z.string(),
  lastRun: JobRunSchema.nullable(),
  nextRunAt: z.string().nullable(),
});
export type Job = z.infer<typeof JobSchema>;
export const JobListSchema = z.object({ items: z.array(JobSchema) });
export const JobRunListSchema = z.object({ items: z.array(JobRunSchema) });
