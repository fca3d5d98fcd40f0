import {
  EnterpriseMatchListSchema,
  FeedbackSchema,
  IdParamSchema,
  IntroductionAnswerSchema,
  IntroductionInputSchema,
  IntroductionListSchema,
  IntroductionSchema,
  MatchListSchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../core/http/access';
import { openSearchReader, SearchLimiter } from '../search';
import {
  answerIntroduction,
  feedbackFor,
  introduce,
  listIntroductions,
} from './matching.intro.service';
import { ANSWER_ROLES, BROKER_ROLES, FEEDBACK_ROLES, MATCHING_READERS } from './matching.policy';
import {
  demandsForAchievement,
  enterprisesForAchievement,
  matchesForDemand,
} from './matching.service';

const READERS = allow.roles(...MATCHING_READERS);
const NoQuery = z.strictObject({});

/** Matching of demands and achievements, brokers' introductions and owners' feedback. */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = app.deps.config.marketSearch;
  // Own limiter and reader: matching probes must not take the slots of interactive searches.
  const reader = await openSearchReader(app.deps.db, app.deps.dialect);
  app.addHook('onClose', () => reader.close());
  const search = { limiter: new SearchLimiter(config), window: config.window, db: reader.db };
  const byId = { params: IdParamSchema, querystring: NoQuery };

  app.get(
    '/matching/demands/:id/achievements',
    {
      config: { access: READERS },
      schema: { tags: ['matching'], ...byId, response: { 200: MatchListSchema } },
    },
    async (request) => matchesForDemand(request.ctx, search, request.params.id),
  );

  app.get(
    '/matching/achievements/:id/demands',
    {
      config: { access: READERS },
      schema: { tags: ['matching'], ...byId, response: { 200: MatchListSchema } },
    },
    async (request) => demandsForAchievement(request.ctx, search, request.params.id),
  );

  app.get(
    '/matching/achievements/:id/enterprises',
    {
      config: { access: READERS },
      schema: { tags: ['matching'], ...byId, response: { 200: EnterpriseMatchListSchema } },
    },
    async (request) => enterprisesForAchievement(request.ctx, search, request.params.id),
  );

  app.get(
    '/matching/achievements/:id/feedback',
    {
      config: { access: allow.roles(...FEEDBACK_ROLES) },
      schema: { tags: ['matching'], ...byId, response: { 200: FeedbackSchema } },
    },
    async (request) => feedbackFor(request.ctx, request.params.id),
  );

  app.get(
    '/matching/introductions',
    {
      config: { access: allow.roles(...BROKER_ROLES, ...ANSWER_ROLES) },
      schema: {
        tags: ['matching'],
        querystring: NoQuery,
        response: { 200: IntroductionListSchema },
      },
    },
    async (request) => listIntroductions(request.ctx),
  );

  app.post(
    '/matching/introductions',
    {
      config: { access: allow.roles(...BROKER_ROLES) },
      schema: {
        tags: ['matching'],
        body: IntroductionInputSchema,
        response: { 201: IntroductionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await introduce(request.ctx, request.body)),
  );

  app.post(
    '/matching/introductions/:id/answer',
    {
      config: { access: allow.roles(...ANSWER_ROLES) },
      schema: {
        tags: ['matching'],
        params: IdParamSchema,
        body: IntroductionAnswerSchema,
        response: { 200: IntroductionSchema },
      },
    },
    async (request) => answerIntroduction(request.ctx, request.params.id, request.body),
  );
};
