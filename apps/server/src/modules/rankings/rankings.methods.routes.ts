import {
  IdParamSchema,
  RankingMethodInputSchema,
  RankingMethodPageSchema,
  RankingMethodQuerySchema,
  RankingMethodSchema,
  RankingMethodUpdateSchema,
  RevisionOnlySchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import {
  createMethod,
  getMethod,
  listMethods,
  publishMethod,
  updateMethod,
} from './rankings.methods.service';

const PUBLISHER = allow.roles('ranking_publisher');
const tags = ['rankings'];

/** Ranking methods: public once published; written by the third-party publisher only. */
export const rankingMethodsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rankings/methods',
    {
      config: { access: allow.public },
      schema: {
        tags,
        querystring: RankingMethodQuerySchema,
        response: { 200: RankingMethodPageSchema },
      },
    },
    async (request) => listMethods(request.ctx, request.query),
  );
  app.get(
    '/rankings/methods/:id',
    {
      config: { access: allow.public },
      schema: { tags, params: IdParamSchema, response: { 200: RankingMethodSchema } },
    },
    async (request) => getMethod(request.ctx, request.params.id),
  );
  app.post(
    '/rankings/methods',
    {
      config: { access: PUBLISHER },
      schema: { tags, body: RankingMethodInputSchema, response: { 201: RankingMethodSchema } },
    },
    async (request, reply) => reply.status(201).send(await createMethod(request.ctx, request.body)),
  );
  app.patch(
    '/rankings/methods/:id',
    {
      config: { access: PUBLISHER },
      schema: {
        tags,
        params: IdParamSchema,
        body: RankingMethodUpdateSchema,
        response: { 200: RankingMethodSchema },
      },
    },
    async (request) => updateMethod(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/rankings/methods/:id/publish',
    {
      config: { access: PUBLISHER },
      schema: {
        tags,
        params: IdParamSchema,
        body: RevisionOnlySchema,
        response: { 200: RankingMethodSchema },
      },
    },
    async (request) => publishMethod(request.ctx, request.params.id, request.body.revision),
  );
};
