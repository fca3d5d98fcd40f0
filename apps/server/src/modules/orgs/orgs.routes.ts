import {
  IdParamSchema,
  ImportReportSchema,
  OrgInputSchema,
  OrgPageSchema,
  OrgQuerySchema,
  OrgSchema,
  OrgUpdateSchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors';
import { allow } from '../../core/http/access';
import { buildOrgTemplate } from './orgs.excel';
import { createOrg, getOrg, listOrgs, updateOrg } from './orgs.service';
import { exportOrgs, importOrgs } from './orgs.transfer.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const READERS = allow.roles(
  'province_admin',
  'city_admin',
  'enterprise',
  'university',
  'talent',
  'investor',
  'broker',
  'ranking_publisher',
);
const OFFICIALS = allow.roles('province_admin', 'city_admin');
const ExportQuerySchema = OrgQuerySchema.omit({ page: true, pageSize: true });

function attachment(name: string) {
  return `attachment; filename="orgs.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const orgsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/orgs',
    {
      config: { access: READERS },
      schema: { tags: ['orgs'], querystring: OrgQuerySchema, response: { 200: OrgPageSchema } },
    },
    async (request) => listOrgs(request.ctx, request.query),
  );

  app.get(
    '/orgs/:id',
    {
      config: { access: READERS },
      schema: { tags: ['orgs'], params: IdParamSchema, response: { 200: OrgSchema } },
    },
    async (request) => getOrg(request.ctx, request.params.id),
  );

  app.post(
    '/orgs',
    {
      config: { access: OFFICIALS },
      schema: { tags: ['orgs'], body: OrgInputSchema, response: { 201: OrgSchema } },
    },
    async (request, reply) => reply.status(201).send(await createOrg(request.ctx, request.body)),
  );

  app.patch(
    '/orgs/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['orgs'],
        params: IdParamSchema,
        body: OrgUpdateSchema,
        response: { 200: OrgSchema },
      },
    },
    async (request) => updateOrg(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/orgs/import-template',
    { config: { access: OFFICIALS }, schema: { tags: ['orgs'] } },
    async (_request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('机构导入模板.xlsx'))
        .send(await buildOrgTemplate()),
  );

  app.get(
    '/orgs/export',
    { config: { access: OFFICIALS }, schema: { tags: ['orgs'], querystring: ExportQuerySchema } },
    async (request, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('机构名录.xlsx'))
        .send(await exportOrgs(request.ctx, request.query)),
  );

  app.post(
    '/orgs/import',
    {
      config: { access: OFFICIALS, rateLimit: { max: 20, timeWindow: 60_000 } },
      schema: {
        tags: ['orgs'],
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('request.unsupported_media');
      const file = await request.file();
      if (!file) throw new AppError('import.no_file');
      const buffer = await file.toBuffer();
      return importOrgs(request.ctx, buffer, file.filename);
    },
  );
};
