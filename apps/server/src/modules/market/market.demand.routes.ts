import {
  DemandInputSchema,
  DemandPageSchema,
  DemandPublishSchema,
  DemandSchema,
  DemandUpdateSchema,
  IdParamSchema,
  MarketListQuerySchema,
  SearchQuerySchema,
  SearchResultSchema,
  VersionBodySchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../core/http/access';
import {
  createDemand,
  getDemand,
  listDemands,
  moveDemand,
  updateDemand,
} from './market.demand.service';
import { MARKET_READERS, OFFICIAL_ROLES, OWNER_ROLES } from './market.policy';
import { type SearchEnv, searchMarket } from './market.search';

const READERS = allow.roles(...MARKET_READERS);
const OWNERS = allow.roles(...OWNER_ROLES);
const OWNERS_AND_OFFICIALS = allow.roles(...OWNER_ROLES, ...OFFICIAL_ROLES);
const NoQuery = z.strictObject({});
/** Demands have no TRL or transfer mode: those filters are not accepted here. */
const DemandSearchQuerySchema = SearchQuerySchema.omit({ trlMin: true, trlMax: true, mode: true });

export const demandRoutes: FastifyPluginAsyncZod<{ search: SearchEnv }> = async (app, options) => {
  app.get(
    '/market/demands',
    {
      config: { access: READERS },
      schema: {
        tags: ['market'],
        querystring: MarketListQuerySchema,
        response: { 200: DemandPageSchema },
      },
    },
    async (request) => listDemands(request.ctx, request.query),
  );

  app.get(
    '/market/demands/search',
    {
      config: { access: READERS },
      schema: {
        tags: ['market'],
        querystring: DemandSearchQuerySchema,
        response: { 200: SearchResultSchema },
      },
    },
    async (request) => searchMarket(request.ctx, 'demand', { ...request.query }, options.search),
  );

  app.get(
    '/market/demands/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['market'],
        params: IdParamSchema,
        querystring: NoQuery,
        response: { 200: DemandSchema },
      },
    },
    async (request) => getDemand(request.ctx, request.params.id),
  );

  app.post(
    '/market/demands',
    {
      config: { access: OWNERS },
      schema: { tags: ['market'], body: DemandInputSchema, response: { 201: DemandSchema } },
    },
    async (request, reply) => reply.status(201).send(await createDemand(request.ctx, request.body)),
  );

  app.patch(
    '/market/demands/:id',
    {
      config: { access: OWNERS },
      schema: {
        tags: ['market'],
        params: IdParamSchema,
        body: DemandUpdateSchema,
        response: { 200: DemandSchema },
      },
    },
    async (request) => updateDemand(request.ctx, request.params.id, request.body),
  );

  const stepSchema = { tags: ['market'], params: IdParamSchema, response: { 200: DemandSchema } };
  app.post(
    '/market/demands/:id/publish',
    { config: { access: OWNERS }, schema: { ...stepSchema, body: DemandPublishSchema } },
    async (request) =>
      moveDemand(
        request.ctx,
        request.params.id,
        request.body.version,
        'published',
        request.body.openCall,
      ),
  );
  app.post(
    '/market/demands/:id/close',
    {
      config: { access: OWNERS_AND_OFFICIALS },
      schema: { ...stepSchema, body: VersionBodySchema },
    },
    async (request) => moveDemand(request.ctx, request.params.id, request.body.version, 'closed'),
  );
  app.post(
    '/market/demands/:id/withdraw',
    {
      config: { access: OWNERS_AND_OFFICIALS },
      schema: { ...stepSchema, body: VersionBodySchema },
    },
    async (request) =>
      moveDemand(request.ctx, request.params.id, request.body.version, 'withdrawn'),
  );
};
