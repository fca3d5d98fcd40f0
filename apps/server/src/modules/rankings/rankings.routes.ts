import {
  CorrectionDecisionSchema,
  CorrectionInputSchema,
  CorrectionPageSchema,
  CorrectionQuerySchema,
  CorrectionSchema,
  EditionInputSchema,
  EditionPageSchema,
  EditionQuerySchema,
  EditionSchema,
  EditionUpdateSchema,
  EntryFilterSchema,
  EntryPageSchema,
  EntryQuerySchema,
  IdParamSchema,
  InputPageSchema,
  OpenWindowSchema,
  VerifyRequestSchema,
  VerifyResultSchema,
  VersionOnlySchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../core/http/access';
import {
  decideCorrection,
  fileCorrection,
  listCorrections,
  listInputs,
} from './rankings.corrections.service';
import { rankingMethodsRoutes } from './rankings.methods.routes';
import {
  type Download,
  downloadFile,
  exportEdition,
  listEntries,
  verifyStored,
  verifySubmitted,
} from './rankings.public.service';
import { publishEdition } from './rankings.publish';
import {
  closeWindow,
  createEdition,
  getEdition,
  listEditions,
  openWindow,
  renameEdition,
} from './rankings.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PUBLISHER = allow.roles('ranking_publisher');
/** Who may look at a snapshot's inputs and the corrections (each limited by the service). */
const WINDOW_READERS = allow.roles(
  'ranking_publisher',
  'province_admin',
  'city_admin',
  'enterprise',
);
const NoQuery = z.strictObject({});
const tags = ['rankings'];

function attachment(ascii: string, name: string) {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const DOWNLOADS: { path: string; kind: Download; type: string; file: (id: number) => string }[] = [
  {
    path: 'edition.json',
    kind: 'edition',
    type: 'application/json; charset=utf-8',
    file: (id) => `ranking-edition-${id}.json`,
  },
  {
    path: 'signature.hex',
    kind: 'signature',
    type: 'text/plain; charset=utf-8',
    file: (id) => `ranking-edition-${id}.signature.hex`,
  },
  {
    path: 'publickey.hex',
    kind: 'publicKey',
    type: 'text/plain; charset=utf-8',
    file: (id) => `ranking-edition-${id}.publickey.hex`,
  },
];

export const rankingsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(rankingMethodsRoutes);

  // ---------- editions: reading ----------
  app.get(
    '/rankings/editions',
    {
      config: { access: allow.public },
      schema: { tags, querystring: EditionQuerySchema, response: { 200: EditionPageSchema } },
    },
    async (request) => listEditions(request.ctx, request.query),
  );
  app.get(
    '/rankings/editions/:id',
    {
      config: { access: allow.public },
      schema: { tags, params: IdParamSchema, response: { 200: EditionSchema } },
    },
    async (request) => getEdition(request.ctx, request.params.id),
  );
  app.get(
    '/rankings/editions/:id/entries',
    {
      config: { access: allow.public },
      schema: {
        tags,
        params: IdParamSchema,
        querystring: EntryQuerySchema,
        response: { 200: EntryPageSchema },
      },
    },
    async (request) => listEntries(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/rankings/editions/:id/export',
    {
      config: { access: allow.public, rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: { tags, params: IdParamSchema, querystring: EntryFilterSchema.omit({ q: true }) },
    },
    async (request, reply) => {
      const { buffer, title } = await exportEdition(request.ctx, request.params.id, request.query);
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          attachment(`ranking-edition-${request.params.id}.xlsx`, `${title}.xlsx`),
        )
        .send(buffer);
    },
  );
  for (const d of DOWNLOADS) {
    app.get(
      `/rankings/editions/:id/${d.path}`,
      {
        config: { access: allow.public },
        schema: { tags, params: IdParamSchema, querystring: NoQuery },
      },
      async (request, reply) => {
        const body = await downloadFile(request.ctx, request.params.id, d.kind);
        const name = d.file(request.params.id);
        return reply.type(d.type).header('content-disposition', attachment(name, name)).send(body);
      },
    );
  }
  app.get(
    '/rankings/editions/:id/verify',
    {
      config: { access: allow.public },
      schema: {
        tags,
        params: IdParamSchema,
        querystring: NoQuery,
        response: { 200: VerifyResultSchema },
      },
    },
    async (request) => verifyStored(request.ctx, request.params.id),
  );
  app.post(
    '/rankings/verify',
    {
      config: { access: allow.public, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { tags, body: VerifyRequestSchema, response: { 200: VerifyResultSchema } },
    },
    async (request) => verifySubmitted(request.ctx, request.body),
  );

  // ---------- editions: the publisher's workflow ----------
  app.post(
    '/rankings/editions',
    {
      config: { access: PUBLISHER },
      schema: { tags, body: EditionInputSchema, response: { 201: EditionSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createEdition(request.ctx, request.body)),
  );
  app.patch(
    '/rankings/editions/:id',
    {
      config: { access: PUBLISHER },
      schema: {
        tags,
        params: IdParamSchema,
        body: EditionUpdateSchema,
        response: { 200: EditionSchema },
      },
    },
    async (request) => renameEdition(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/rankings/editions/:id/open-window',
    {
      config: { access: PUBLISHER },
      schema: {
        tags,
        params: IdParamSchema,
        body: OpenWindowSchema,
        response: { 200: EditionSchema },
      },
    },
    async (request) => openWindow(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/rankings/editions/:id/close-window',
    {
      config: { access: PUBLISHER },
      schema: {
        tags,
        params: IdParamSchema,
        body: VersionOnlySchema,
        response: { 200: EditionSchema },
      },
    },
    async (request) => closeWindow(request.ctx, request.params.id, request.body.version),
  );
  app.post(
    '/rankings/editions/:id/publish',
    {
      config: { access: PUBLISHER, rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags,
        params: IdParamSchema,
        body: VersionOnlySchema,
        response: { 200: EditionSchema },
      },
    },
    async (request) => publishEdition(request.ctx, request.params.id, request.body.version),
  );

  // ---------- the correction window ----------
  app.get(
    '/rankings/editions/:id/inputs',
    {
      config: { access: WINDOW_READERS },
      schema: {
        tags,
        params: IdParamSchema,
        querystring: EntryQuerySchema,
        response: { 200: InputPageSchema },
      },
    },
    async (request) => listInputs(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/rankings/editions/:id/corrections',
    {
      config: { access: WINDOW_READERS },
      schema: {
        tags,
        params: IdParamSchema,
        querystring: CorrectionQuerySchema,
        response: { 200: CorrectionPageSchema },
      },
    },
    async (request) => listCorrections(request.ctx, request.params.id, request.query),
  );
  app.post(
    '/rankings/editions/:id/corrections',
    {
      config: { access: allow.roles('enterprise') },
      schema: {
        tags,
        params: IdParamSchema,
        body: CorrectionInputSchema,
        response: { 201: CorrectionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fileCorrection(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/rankings/corrections/:id/decide',
    {
      config: { access: PUBLISHER },
      schema: {
        tags,
        params: IdParamSchema,
        body: CorrectionDecisionSchema,
        response: { 200: CorrectionSchema },
      },
    },
    async (request) => decideCorrection(request.ctx, request.params.id, request.body),
  );
};
