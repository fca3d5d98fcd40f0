import {
  JobListSchema,
  JobNameParamSchema,
  JobRunListSchema,
  JobRunSchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import { listJobRuns, listJobs, runJobNow } from './jobs.service';

/** Scheduled jobs, for the platform administrator: what runs when, how it went, run now. */
export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  const access = allow.roles('province_admin');
  app.get(
    '/jobs',
    { config: { access }, schema: { tags: ['jobs'], response: { 200: JobListSchema } } },
    async (request) => listJobs(request.ctx),
  );
  app.get(
    '/jobs/:name/runs',
    {
      config: { access },
      schema: { tags: ['jobs'], params: JobNameParamSchema, response: { 200: JobRunListSchema } },
    },
    async (request) => listJobRuns(request.ctx, request.params.name),
  );
  app.post(
    '/jobs/:name/run',
    {
      config: { access },
      schema: { tags: ['jobs'], params: JobNameParamSchema, response: { 200: JobRunSchema } },
    },
    async (request) => runJobNow(request.ctx, request.params.name),
  );
};
