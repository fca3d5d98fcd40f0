import {
  AttachScanSchema,
  DealCityParamSchema,
  DealCitySummarySchema,
  DealFlowsQuerySchema,
  DealFlowsSchema,
  DealInputSchema,
  DealPageSchema,
  DealQuerySchema,
  DealRefuseSchema,
  DealSchema,
  DealYearQuerySchema,
  IdParamSchema,
  VersionOnlySchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import { exportDeals } from './deals.export';
import {
  attachScan,
  createDeal,
  getCitySummary,
  getDeal,
  getFlows,
  listDeals,
  registerDeal,
} from './deals.service';
import { confirmDeal, refuseDeal } from './deals.signing';

const PARTIES = ['enterprise', 'university', 'investor', 'broker'] as const;
const READERS = allow.roles('province_admin', 'city_admin', ...PARTIES);
const ENTERERS = allow.roles(...PARTIES);
/** Confirming or refusing binds an organisation: its own users only, never a broker. */
const SIGNERS = allow.roles('enterprise', 'university', 'investor');
const REGISTRARS = allow.roles('city_admin');
const OFFICIALS = allow.roles('province_admin', 'city_admin');
const tags = ['deals'];

export const dealsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/deals',
    {
      config: { access: READERS },
      schema: { tags, querystring: DealQuerySchema, response: { 200: DealPageSchema } },
    },
    async (request) => listDeals(request.ctx, request.query),
  );

  app.get(
    '/deals/export',
    {
      config: { access: READERS },
      schema: { tags, querystring: DealQuerySchema.omit({ page: true, pageSize: true }) },
    },
    async (request, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="deals.xlsx"; filename*=UTF-8''${encodeURIComponent('技术合同.xlsx')}`,
        )
        .send(await exportDeals(request.ctx, request.query)),
  );

  app.get(
    '/deals/flows',
    {
      config: { access: OFFICIALS },
      schema: { tags, querystring: DealFlowsQuerySchema, response: { 200: DealFlowsSchema } },
    },
    async (request) => getFlows(request.ctx, request.query),
  );

  app.get(
    '/deals/cities/:city/summary',
    {
      config: { access: OFFICIALS },
      schema: {
        tags,
        params: DealCityParamSchema,
        querystring: DealYearQuerySchema,
        response: { 200: DealCitySummarySchema },
      },
    },
    async (request) => getCitySummary(request.ctx, request.params.city, request.query),
  );

  app.get(
    '/deals/:id',
    {
      config: { access: READERS },
      schema: { tags, params: IdParamSchema, response: { 200: DealSchema } },
    },
    async (request) => getDeal(request.ctx, request.params.id),
  );

  app.post(
    '/deals',
    {
      config: { access: ENTERERS },
      schema: { tags, body: DealInputSchema, response: { 201: DealSchema } },
    },
    async (request, reply) => reply.status(201).send(await createDeal(request.ctx, request.body)),
  );

  app.post(
    '/deals/:id/sign',
    {
      config: { access: SIGNERS },
      schema: {
        tags,
        params: IdParamSchema,
        body: VersionOnlySchema,
        response: { 200: DealSchema },
      },
    },
    async (request) => confirmDeal(request.ctx, request.params.id, request.body.version),
  );

  app.post(
    '/deals/:id/refuse',
    {
      config: { access: SIGNERS },
      schema: {
        tags,
        params: IdParamSchema,
        body: DealRefuseSchema,
        response: { 200: DealSchema },
      },
    },
    async (request) =>
      refuseDeal(request.ctx, request.params.id, request.body.version, request.body.reason),
  );

  app.post(
    '/deals/:id/scans',
    {
      config: { access: ENTERERS },
      schema: {
        tags,
        params: IdParamSchema,
        body: AttachScanSchema,
        response: { 200: DealSchema },
      },
    },
    async (request) => attachScan(request.ctx, request.params.id, request.body.fileId),
  );

  app.post(
    '/deals/:id/register',
    {
      config: { access: REGISTRARS },
      schema: {
        tags,
        params: IdParamSchema,
        body: VersionOnlySchema,
        response: { 200: DealSchema },
      },
    },
    async (request) => registerDeal(request.ctx, request.params.id, request.body.version),
  );
};
