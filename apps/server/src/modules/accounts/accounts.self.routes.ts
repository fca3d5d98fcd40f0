import {
  ColleagueListSchema,
  ColleagueQuerySchema,
  ColleagueSchema,
  CreateColleagueBodySchema,
  IdParamSchema,
  RegistrationBodySchema,
  RegistrationPageSchema,
  RegistrationQuerySchema,
  RegistrationReceiptSchema,
  RegistrationSchema,
  RejectRegistrationBodySchema,
  UpdateColleagueBodySchema,
  VersionOnlySchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import { createColleague, listColleagues, updateColleague } from './accounts.colleagues';
import {
  approveRegistration,
  listRegistrations,
  rejectRegistration,
  submitRegistration,
} from './accounts.registration';

/**
 * Accounts that do not come from the security administrator (issue 10 item 13): an
 * enterprise's self-registration, decided by its city's admin, and the colleagues its account
 * manager adds. The manager is a duty of an enterprise account (checked by the service).
 */
export const accountsSelfServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['accounts'];
  const DECIDER = allow.roles('city_admin');
  const MANAGER = allow.roles('enterprise');

  app.post(
    '/registrations',
    {
      // Anyone may apply; per address as often as one may try to sign in.
      config: {
        access: allow.public,
        rateLimit: { max: app.deps.config.loginRatePerMinute, timeWindow: 60_000 },
      },
      schema: { tags, body: RegistrationBodySchema, response: { 201: RegistrationReceiptSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await submitRegistration(request.ctx, request.body)),
  );

  app.get(
    '/registrations',
    {
      config: { access: DECIDER },
      schema: {
        tags,
        querystring: RegistrationQuerySchema,
        response: { 200: RegistrationPageSchema },
      },
    },
    async (request) => listRegistrations(request.ctx, request.query),
  );

  app.post(
    '/registrations/:id/approve',
    {
      config: { access: DECIDER },
      schema: {
        tags,
        params: IdParamSchema,
        body: VersionOnlySchema,
        response: { 200: RegistrationSchema },
      },
    },
    async (request) => approveRegistration(request.ctx, request.params.id, request.body.version),
  );

  app.post(
    '/registrations/:id/reject',
    {
      config: { access: DECIDER },
      schema: {
        tags,
        params: IdParamSchema,
        body: RejectRegistrationBodySchema,
        response: { 200: RegistrationSchema },
      },
    },
    async (request) => rejectRegistration(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/colleagues',
    {
      config: { access: MANAGER },
      schema: { tags, querystring: ColleagueQuerySchema, response: { 200: ColleagueListSchema } },
    },
    async (request) => listColleagues(request.ctx),
  );

  app.post(
    '/colleagues',
    {
      config: { access: MANAGER },
      schema: { tags, body: CreateColleagueBodySchema, response: { 201: ColleagueSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createColleague(request.ctx, request.body)),
  );

  app.patch(
    '/colleagues/:id',
    {
      config: { access: MANAGER },
      schema: {
        tags,
        params: IdParamSchema,
        body: UpdateColleagueBodySchema,
        response: { 200: ColleagueSchema },
      },
    },
    async (request) => updateColleague(request.ctx, request.params.id, request.body),
  );
};
