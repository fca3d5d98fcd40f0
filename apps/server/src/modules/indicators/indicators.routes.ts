import {
  CertificateInputSchema,
  CertificateListSchema,
  CertificateParamSchema,
  CertificateSchema,
  EmptyQuerySchema,
  IdParamSchema,
  IndicatorCorrectionSchema,
  IndicatorExportQuerySchema,
  IndicatorHistorySchema,
  IndicatorImportReportSchema,
  IndicatorYearInputSchema,
  IndicatorYearListSchema,
  IndicatorYearSchema,
  OkSchema,
  OrgTiersQuerySchema,
  OrgTiersSchema,
  OrgYearParamSchema,
  TierStatsQuerySchema,
  TierStatsSchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors';
import { allow } from '../../core/http/access';
import {
  addCertificate,
  listCertificates,
  removeCertificate,
} from './indicators.certificates.service';
import { buildIndicatorTemplate } from './indicators.excel';
import { INDICATOR_EDITORS, INDICATOR_READERS, OFFICIALS } from './indicators.policy';
import {
  correctIndicatorYear,
  getIndicatorYear,
  indicatorHistory,
  listIndicatorYears,
  putIndicatorYear,
} from './indicators.service';
import { getOrgTiers, getTierStats } from './indicators.tiers.service';
import { exportIndicators, importIndicators } from './indicators.transfer.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const READERS = allow.roles(...INDICATOR_READERS);
const EDITORS = allow.roles(...INDICATOR_EDITORS);
const OFFICIAL = allow.roles(...OFFICIALS);
const tags = ['indicators'];

function attachment(name: string) {
  return `attachment; filename="indicators.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orgs/:id/indicators',
    {
      config: { access: READERS },
      schema: {
        tags,
        params: IdParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: IndicatorYearListSchema },
      },
    },
    async (request) => listIndicatorYears(request.ctx, request.params.id),
  );

  app.get(
    '/orgs/:id/indicators/:year',
    {
      config: { access: READERS },
      schema: {
        tags,
        params: OrgYearParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: IndicatorYearSchema },
      },
    },
    async (request) => getIndicatorYear(request.ctx, request.params.id, request.params.year),
  );

  app.put(
    '/orgs/:id/indicators/:year',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        params: OrgYearParamSchema,
        body: IndicatorYearInputSchema,
        response: { 200: IndicatorYearSchema },
      },
    },
    async (request) =>
      putIndicatorYear(request.ctx, request.params.id, request.params.year, request.body),
  );

  app.patch(
    '/orgs/:id/indicators/:year',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        params: OrgYearParamSchema,
        body: IndicatorCorrectionSchema,
        response: { 200: IndicatorYearSchema },
      },
    },
    async (request) =>
      correctIndicatorYear(request.ctx, request.params.id, request.params.year, request.body),
  );

  app.get(
    '/orgs/:id/indicators/:year/history',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        params: OrgYearParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: IndicatorHistorySchema },
      },
    },
    async (request) => indicatorHistory(request.ctx, request.params.id, request.params.year),
  );

  app.get(
    '/orgs/:id/tiers',
    {
      config: { access: READERS },
      schema: {
        tags: ['tiers'],
        params: IdParamSchema,
        querystring: OrgTiersQuerySchema,
        response: { 200: OrgTiersSchema },
      },
    },
    async (request) => getOrgTiers(request.ctx, request.params.id, request.query.year),
  );

  app.get(
    '/orgs/:id/certificates',
    {
      config: { access: READERS },
      schema: {
        tags: ['tiers'],
        params: IdParamSchema,
        querystring: EmptyQuerySchema,
        response: { 200: CertificateListSchema },
      },
    },
    async (request) => listCertificates(request.ctx, request.params.id),
  );

  app.post(
    '/orgs/:id/certificates',
    {
      config: { access: OFFICIAL },
      schema: {
        tags: ['tiers'],
        params: IdParamSchema,
        body: CertificateInputSchema,
        response: { 201: CertificateSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addCertificate(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/orgs/:id/certificates/:certId',
    {
      config: { access: OFFICIAL },
      schema: { tags: ['tiers'], params: CertificateParamSchema, response: { 200: OkSchema } },
    },
    async (request) => removeCertificate(request.ctx, request.params.id, request.params.certId),
  );

  app.get(
    '/tiers/stats',
    {
      config: { access: OFFICIAL },
      schema: {
        tags: ['tiers'],
        querystring: TierStatsQuerySchema,
        response: { 200: TierStatsSchema },
      },
    },
    async (request) => getTierStats(request.ctx, request.query.year),
  );

  app.get(
    '/indicators/import-template',
    { config: { access: OFFICIAL }, schema: { tags, querystring: EmptyQuerySchema } },
    async (_request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('年度指标导入模板.xlsx'))
        .send(await buildIndicatorTemplate()),
  );

  app.get(
    '/indicators/export',
    { config: { access: OFFICIAL }, schema: { tags, querystring: IndicatorExportQuerySchema } },
    async (request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment(`年度指标-${request.query.year}.xlsx`))
        .send(await exportIndicators(request.ctx, request.query)),
  );

  app.post(
    '/indicators/import',
    {
      config: { access: OFFICIAL, rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        response: { 200: IndicatorImportReportSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('request.unsupported_media');
      const file = await request.file();
      if (!file) throw new AppError('import.no_file');
      const buffer = await file.toBuffer();
      return importIndicators(request.ctx, buffer, file.filename);
    },
  );
};
