import {
  AccountPageSchema,
  AccountQuerySchema,
  AccountSchema,
  AdminPasswordResetBodySchema,
  CreateAccountBodySchema,
  IdParamSchema,
  MfaResetBodySchema,
  UpdateAccountBodySchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import { resetMfa } from './accounts.mfa';
import { adminResetPassword } from './accounts.password';
import { createAccount, getAccount, listAccounts, updateAccount } from './accounts.service';

/** Account administration belongs to the security admin alone (三权分立). */
export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const access = allow.roles('security_admin');

  app.get(
    '/accounts',
    {
      config: { access },
      schema: {
        tags: ['accounts'],
        querystring: AccountQuerySchema,
        response: { 200: AccountPageSchema },
      },
    },
    async (request) => listAccounts(request.ctx, request.query),
  );

  app.post(
    '/accounts',
    {
      config: { access },
      schema: {
        tags: ['accounts'],
        body: CreateAccountBodySchema,
        response: { 201: AccountSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAccount(request.ctx, request.body)),
  );

  app.patch(
    '/accounts/:id',
    {
      config: { access },
      schema: {
        tags: ['accounts'],
        params: IdParamSchema,
        body: UpdateAccountBodySchema,
        response: { 200: AccountSchema },
      },
    },
    async (request) => updateAccount(request.ctx, request.params.id, request.body),
  );

  // A forgotten password without e-mail: a temporary one, changed at first sign-in.
  app.post(
    '/accounts/:id/password',
    {
      config: { access },
      schema: {
        tags: ['accounts'],
        params: IdParamSchema,
        body: AdminPasswordResetBodySchema,
        response: { 200: AccountSchema },
      },
    },
    async (request) => adminResetPassword(request.ctx, request.params.id, request.body),
  );

  // A lost phone: the security administrator removes the second factor; the user enrols again.
  app.post(
    '/accounts/:id/mfa/reset',
    {
      config: { access },
      schema: {
        tags: ['accounts'],
        params: IdParamSchema,
        body: MfaResetBodySchema,
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      await resetMfa(request.ctx, request.params.id, request.body.version, request.body.approval);
      return getAccount(request.ctx, request.params.id);
    },
  );
};
