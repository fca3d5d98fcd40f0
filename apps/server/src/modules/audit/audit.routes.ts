import { AuditPageSchema, AuditQuerySchema, AuditVerifySchema } from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import { listAuditEvents, verifyChain } from './audit.service';

/** Read-only by design: the API has no route that edits or deletes audit events. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const access = allow.roles('auditor');
  app.get(
    '/audit/events',
    {
      config: { access },
      schema: {
        tags: ['audit'],
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema },
      },
    },
    async (request) => listAuditEvents(request.ctx, request.query),
  );
  app.get(
    '/audit/verify',
    { config: { access }, schema: { tags: ['audit'], response: { 200: AuditVerifySchema } } },
    async (request) => verifyChain(request.ctx),
  );
};
