import {
  IdParamSchema,
  NegotiationAbandonSchema,
  NegotiationAcceptSchema,
  NegotiationContractResultSchema,
  NegotiationContractSchema,
  NegotiationDetailSchema,
  NegotiationListSchema,
  NegotiationMessageInputSchema,
  NegotiationOpenSchema,
  NegotiationQuerySchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import { getNegotiation, listNegotiations, openNegotiation } from './negotiations.service';
import { abandon, acceptOffer, contract, postEntry } from './negotiations.steps';

/** The parties' own users and brokers; the service narrows each thread to its participants. */
const PARTICIPANTS = allow.roles('enterprise', 'university', 'investor', 'broker');
const tags = ['negotiations'];

export const negotiationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/negotiations',
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags,
        querystring: NegotiationQuerySchema,
        response: { 200: NegotiationListSchema },
      },
    },
    async (request) => listNegotiations(request.ctx, request.query),
  );

  app.post(
    '/negotiations',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, body: NegotiationOpenSchema, response: { 201: NegotiationDetailSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await openNegotiation(request.ctx, request.body)),
  );

  app.get(
    '/negotiations/:id',
    {
      config: { access: PARTICIPANTS },
      schema: { tags, params: IdParamSchema, response: { 200: NegotiationDetailSchema } },
    },
    async (request) => getNegotiation(request.ctx, request.params.id),
  );

  app.post(
    '/negotiations/:id/entries',
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags,
        params: IdParamSchema,
        body: NegotiationMessageInputSchema,
        response: { 200: NegotiationDetailSchema },
      },
    },
    async (request) => postEntry(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/negotiations/:id/accept',
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags,
        params: IdParamSchema,
        body: NegotiationAcceptSchema,
        response: { 200: NegotiationDetailSchema },
      },
    },
    async (request) => acceptOffer(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/negotiations/:id/abandon',
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags,
        params: IdParamSchema,
        body: NegotiationAbandonSchema,
        response: { 200: NegotiationDetailSchema },
      },
    },
    async (request) => abandon(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/negotiations/:id/contract',
    {
      config: { access: PARTICIPANTS },
      schema: {
        tags,
        params: IdParamSchema,
        body: NegotiationContractSchema,
        response: { 201: NegotiationContractResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await contract(request.ctx, request.params.id, request.body)),
  );
};
