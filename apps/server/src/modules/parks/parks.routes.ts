import {
  EmptyQuerySchema,
  FigureImportReportSchema,
  FigureInputSchema,
  FigureListSchema,
  FigurePatchSchema,
  FigureSchema,
  IdParamSchema,
  ParkFigureParamSchema,
  ParkInputSchema,
  ParkListSchema,
  ParkPatchSchema,
  ParkPhaseParamSchema,
  ParkSchema,
  ParkSplitSchema,
  ParkTotalsQuerySchema,
  ParkTotalsSchema,
  PaymentInputSchema,
  PaymentListSchema,
  PaymentSchema,
  PhaseInputSchema,
  PhasePatchSchema,
  StatementSchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors';
import { allow } from '../../core/http/access';
import { addFigure, getSplit, getTotals, listFigures, updateFigure } from './parks.figures.service';
import { getStatement, listPayments, recordPayment } from './parks.payments.service';
import { PARK_OFFICIALS } from './parks.policy';
import { addPhase, createPark, getPark, listParks, updatePark, updatePhase } from './parks.service';
import { exportFigures, importFigures } from './parks.transfer.service';

const OFFICIALS = allow.roles(...PARK_OFFICIALS);
const tags = ['parks'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const parksRoutes: FastifyPluginAsyncZod = async (app) => {
  const read = { config: { access: OFFICIALS } };
  app.get(
    '/parks',
    { ...read, schema: { tags, querystring: EmptyQuerySchema, response: { 200: ParkListSchema } } },
    async (r) => listParks(r.ctx),
  );
  app.get(
    '/parks/totals',
    {
      ...read,
      schema: { tags, querystring: ParkTotalsQuerySchema, response: { 200: ParkTotalsSchema } },
    },
    async (r) => getTotals(r.ctx, r.query.year),
  );
  app.post(
    '/parks',
    { ...read, schema: { tags, body: ParkInputSchema, response: { 201: ParkSchema } } },
    async (r, reply) => reply.status(201).send(await createPark(r.ctx, r.body)),
  );
  app.get(
    '/parks/:id',
    {
      ...read,
      schema: {
        tags,
        params: IdParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: ParkSchema },
      },
    },
    async (r) => getPark(r.ctx, r.params.id),
  );
  app.patch(
    '/parks/:id',
    {
      ...read,
      schema: { tags, params: IdParamSchema, body: ParkPatchSchema, response: { 200: ParkSchema } },
    },
    async (r) => updatePark(r.ctx, r.params.id, r.body),
  );
  app.post(
    '/parks/:id/phases',
    {
      ...read,
      schema: {
        tags,
        params: IdParamSchema,
        body: PhaseInputSchema,
        response: { 201: ParkSchema },
      },
    },
    async (r, reply) => reply.status(201).send(await addPhase(r.ctx, r.params.id, r.body)),
  );
  app.patch(
    '/parks/:id/phases/:phaseId',
    {
      ...read,
      schema: {
        tags,
        params: ParkPhaseParamSchema,
        body: PhasePatchSchema,
        response: { 200: ParkSchema },
      },
    },
    async (r) => updatePhase(r.ctx, r.params.id, r.params.phaseId, r.body),
  );
  app.get(
    '/parks/:id/figures',
    {
      ...read,
      schema: {
        tags,
        params: IdParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: FigureListSchema },
      },
    },
    async (r) => listFigures(r.ctx, r.params.id),
  );
  app.post(
    '/parks/:id/figures',
    {
      ...read,
      schema: {
        tags,
        params: IdParamSchema,
        body: FigureInputSchema,
        response: { 201: FigureSchema },
      },
    },
    async (r, reply) => reply.status(201).send(await addFigure(r.ctx, r.params.id, r.body)),
  );
  app.patch(
    '/parks/:id/figures/:figureId',
    {
      ...read,
      schema: {
        tags,
        params: ParkFigureParamSchema,
        body: FigurePatchSchema,
        response: { 200: FigureSchema },
      },
    },
    async (r) => updateFigure(r.ctx, r.params.id, r.params.figureId, r.body),
  );
  app.get(
    '/parks/:id/figures/export',
    { ...read, schema: { tags, params: IdParamSchema, querystring: EmptyQuerySchema } },
    async (r, reply) =>
      reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="park-figures.xlsx"; filename*=UTF-8''${encodeURIComponent('园区年度数据.xlsx')}`,
        )
        .send(await exportFigures(r.ctx, r.params.id)),
  );
  app.post(
    '/parks/:id/figures/import',
    {
      config: { access: OFFICIALS, rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags,
        params: IdParamSchema,
        consumes: ['multipart/form-data'],
        response: { 200: FigureImportReportSchema },
      },
    },
    async (r) => {
      if (!r.isMultipart()) throw new AppError('request.unsupported_media');
      const file = await r.file();
      if (!file) throw new AppError('import.no_file');
      return importFigures(r.ctx, r.params.id, await file.toBuffer(), file.filename);
    },
  );
  app.get(
    '/parks/:id/split',
    {
      ...read,
      schema: {
        tags,
        params: IdParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: ParkSplitSchema },
      },
    },
    async (r) => getSplit(r.ctx, r.params.id),
  );
  app.get(
    '/parks/:id/payments',
    {
      ...read,
      schema: {
        tags,
        params: IdParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: PaymentListSchema },
      },
    },
    async (r) => listPayments(r.ctx, r.params.id),
  );
  app.post(
    '/parks/:id/payments',
    {
      ...read,
      schema: {
        tags,
        params: IdParamSchema,
        body: PaymentInputSchema,
        response: { 201: PaymentSchema },
      },
    },
    async (r, reply) => reply.status(201).send(await recordPayment(r.ctx, r.params.id, r.body)),
  );
  app.get(
    '/parks/:id/statement',
    {
      ...read,
      schema: {
        tags,
        params: IdParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: StatementSchema },
      },
    },
    async (r) => getStatement(r.ctx, r.params.id),
  );
};
