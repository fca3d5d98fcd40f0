import {
  AchievementInputSchema,
  AchievementPageSchema,
  AchievementSchema,
  AchievementUpdateSchema,
  IdParamSchema,
  MarketListQuerySchema,
  OpenCallPageSchema,
  ReviewBodySchema,
  SearchQuerySchema,
  SearchResultSchema,
  ShowcaseBodySchema,
  ShowcaseItemSchema,
  ShowcasePageSchema,
  ShowcaseQuerySchema,
  VersionBodySchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../core/http/access';
import { openSearchReader, SearchLimiter } from '../search';
import { demandRoutes } from './market.demand.routes';
import { MARKET_READERS, OFFICIAL_ROLES, OWNER_ROLES } from './market.policy';
import { searchMarket } from './market.search';
import {
  createAchievement,
  getAchievement,
  listAchievements,
  updateAchievement,
} from './market.service';
import { getShowcaseItem, listOpenCalls, listShowcase } from './market.showcase';
import { transferRoutes } from './market.transfer.routes';
import {
  featureAchievement,
  publishAchievement,
  reviewAchievement,
  submitAchievement,
  withdrawAchievement,
} from './market.workflow';

export const READERS = allow.roles(...MARKET_READERS);
export const OWNERS = allow.roles(...OWNER_ROLES);
export const OFFICIALS = allow.roles(...OFFICIAL_ROLES);
export const OWNERS_AND_OFFICIALS = allow.roles(...OWNER_ROLES, ...OFFICIAL_ROLES);
export const NoQuery = z.strictObject({});

/** Routes of the technology market: achievements, demands, search, showcase, Excel. */
export const marketRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = app.deps.config.marketSearch;
  // One limiter per app: every search of this process shares the slots.
  const reader = await openSearchReader(app.deps.db, app.deps.dialect);
  app.addHook('onClose', () => reader.close());
  const search = { limiter: new SearchLimiter(config), window: config.window, db: reader.db };

  app.get(
    '/market/achievements',
    {
      config: { access: READERS },
      schema: {
        tags: ['market'],
        querystring: MarketListQuerySchema,
        response: { 200: AchievementPageSchema },
      },
    },
    async (request) => listAchievements(request.ctx, request.query),
  );

  app.get(
    '/market/achievements/search',
    {
      config: { access: READERS },
      schema: {
        tags: ['market'],
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema },
      },
    },
    async (request) => searchMarket(request.ctx, 'achievement', request.query, search),
  );

  app.get(
    '/market/achievements/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['market'],
        params: IdParamSchema,
        querystring: NoQuery,
        response: { 200: AchievementSchema },
      },
    },
    async (request) => getAchievement(request.ctx, request.params.id),
  );

  app.post(
    '/market/achievements',
    {
      config: { access: OWNERS },
      schema: {
        tags: ['market'],
        body: AchievementInputSchema,
        response: { 201: AchievementSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAchievement(request.ctx, request.body)),
  );

  app.patch(
    '/market/achievements/:id',
    {
      config: { access: OWNERS },
      schema: {
        tags: ['market'],
        params: IdParamSchema,
        body: AchievementUpdateSchema,
        response: { 200: AchievementSchema },
      },
    },
    async (request) => updateAchievement(request.ctx, request.params.id, request.body),
  );

  const stepSchema = {
    tags: ['market'],
    params: IdParamSchema,
    response: { 200: AchievementSchema },
  };
  app.post(
    '/market/achievements/:id/submit',
    { config: { access: OWNERS }, schema: { ...stepSchema, body: VersionBodySchema } },
    async (request) => submitAchievement(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/market/achievements/:id/review',
    { config: { access: OFFICIALS }, schema: { ...stepSchema, body: ReviewBodySchema } },
    async (request) => reviewAchievement(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/market/achievements/:id/publish',
    {
      config: { access: OWNERS_AND_OFFICIALS },
      schema: { ...stepSchema, body: VersionBodySchema },
    },
    async (request) => publishAchievement(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/market/achievements/:id/withdraw',
    {
      config: { access: OWNERS_AND_OFFICIALS },
      schema: { ...stepSchema, body: VersionBodySchema },
    },
    async (request) => withdrawAchievement(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/market/achievements/:id/showcase',
    { config: { access: OFFICIALS }, schema: { ...stepSchema, body: ShowcaseBodySchema } },
    async (request) =>
      featureAchievement(
        request.ctx,
        request.params.id,
        request.body.version,
        request.body.featured,
      ),
  );

  // Public: featured achievements and open calls, without signing in (rate-limited per client).
  const publicLimit = { max: 120, timeWindow: 60_000 };
  app.get(
    '/market/showcase',
    {
      config: { access: allow.public, rateLimit: publicLimit },
      schema: {
        tags: ['market'],
        querystring: ShowcaseQuerySchema,
        response: { 200: ShowcasePageSchema },
      },
    },
    async (request) => listShowcase(request.ctx, request.query),
  );
  app.get(
    '/market/showcase/:id',
    {
      config: { access: allow.public, rateLimit: publicLimit },
      schema: {
        tags: ['market'],
        params: IdParamSchema,
        querystring: NoQuery,
        response: { 200: ShowcaseItemSchema },
      },
    },
    async (request) => getShowcaseItem(request.ctx, request.params.id),
  );
  app.get(
    '/market/open-calls',
    {
      config: { access: allow.public, rateLimit: publicLimit },
      schema: {
        tags: ['market'],
        querystring: ShowcaseQuerySchema,
        response: { 200: OpenCallPageSchema },
      },
    },
    async (request) => listOpenCalls(request.ctx, request.query),
  );

  await app.register(demandRoutes, { search });
  await app.register(transferRoutes);
};
