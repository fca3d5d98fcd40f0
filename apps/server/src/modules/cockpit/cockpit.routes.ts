import {
  CityDetailSchema,
  CockpitCityParamsSchema,
  CockpitQuerySchema,
  IdParamSchema,
  OfficialKpiEntrySchema,
  OfficialKpiInputSchema,
  OfficialKpiListSchema,
  OfficialKpiPatchSchema,
  PublicCockpitSchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../core/http/access';
import {
  enterOfficialKpi,
  getCityDetail,
  getPublicCockpit,
  listOfficialKpis,
  updateOfficialKpi,
} from './cockpit.service';

const OFFICIALS = allow.roles('province_admin', 'city_admin');
const PROVINCE = allow.roles('province_admin');
const NoQuery = z.strictObject({});

/** Routes of the cockpit module (issue 5). */
export const cockpitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/cockpit/public',
    {
      config: { access: allow.public },
      schema: {
        tags: ['cockpit'],
        querystring: CockpitQuerySchema,
        response: { 200: PublicCockpitSchema },
      },
    },
    async (request) => getPublicCockpit(request.ctx, request.query),
  );

  app.get(
    '/cockpit/leaders/cities/:city',
    {
      config: { access: OFFICIALS },
      schema: {
        tags: ['cockpit'],
        params: CockpitCityParamsSchema,
        querystring: CockpitQuerySchema,
        response: { 200: CityDetailSchema },
      },
    },
    async (request) => getCityDetail(request.ctx, request.params.city, request.query),
  );

  app.get(
    '/cockpit/kpis/official',
    {
      config: { access: OFFICIALS },
      schema: { tags: ['cockpit'], querystring: NoQuery, response: { 200: OfficialKpiListSchema } },
    },
    async (request) => listOfficialKpis(request.ctx),
  );

  app.post(
    '/cockpit/kpis/official',
    {
      config: { access: PROVINCE },
      schema: {
        tags: ['cockpit'],
        body: OfficialKpiInputSchema,
        response: { 201: OfficialKpiEntrySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await enterOfficialKpi(request.ctx, request.body)),
  );

  app.patch(
    '/cockpit/kpis/official/:id',
    {
      config: { access: PROVINCE },
      schema: {
        tags: ['cockpit'],
        params: IdParamSchema,
        body: OfficialKpiPatchSchema,
        response: { 200: OfficialKpiEntrySchema },
      },
    },
    async (request) => updateOfficialKpi(request.ctx, request.params.id, request.body),
  );
};
