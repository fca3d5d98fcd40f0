import { CityBrokerListSchema, CityBrokersQuerySchema } from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import { MARKET_READERS } from '../market/market.policy';
import { listCityBrokers } from './matching.brokers.service';

/** A city sub-market's brokers: readable by everyone who uses the market. */
export const matchingBrokersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/matching/brokers',
    {
      config: { access: allow.roles(...MARKET_READERS) },
      schema: {
        tags: ['matching'],
        querystring: CityBrokersQuerySchema,
        response: { 200: CityBrokerListSchema },
      },
    },
    async (request) => listCityBrokers(request.ctx, request.query.city),
  );
};
