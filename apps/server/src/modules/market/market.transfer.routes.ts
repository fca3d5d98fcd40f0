import { ImportReportSchema, MarketListQuerySchema } from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors';
import { allow } from '../../core/http/access';
import { achievementTemplate, demandTemplate } from './market.excel';
import { OFFICIAL_ROLES, OWNER_ROLES } from './market.policy';
import { exportRecords, importRecords } from './market.transfer.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OWNERS_AND_OFFICIALS = allow.roles(...OWNER_ROLES, ...OFFICIAL_ROLES);
const ExportQuerySchema = MarketListQuerySchema.omit({ page: true, pageSize: true });

function attachment(name: string) {
  return `attachment; filename="market.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const NAMES = {
  achievement: { path: 'achievements', template: '科技成果导入模板.xlsx', export: '科技成果.xlsx' },
  demand: { path: 'demands', template: '技术需求导入模板.xlsx', export: '技术需求.xlsx' },
} as const;

/** Excel template, export and import of achievements and demands. */
export const transferRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const kind of ['achievement', 'demand'] as const) {
    const names = NAMES[kind];
    app.get(
      `/market/${names.path}/import-template`,
      { config: { access: OWNERS_AND_OFFICIALS }, schema: { tags: ['market'] } },
      async (_request, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', attachment(names.template))
          .send(await (kind === 'achievement' ? achievementTemplate() : demandTemplate())),
    );

    app.get(
      `/market/${names.path}/export`,
      {
        config: { access: OWNERS_AND_OFFICIALS },
        schema: { tags: ['market'], querystring: ExportQuerySchema },
      },
      async (request, reply) =>
        reply
          .type(XLSX)
          .header('content-disposition', attachment(names.export))
          .send(await exportRecords(request.ctx, kind, request.query)),
    );

    app.post(
      `/market/${names.path}/import`,
      {
        config: { access: OWNERS_AND_OFFICIALS, rateLimit: { max: 20, timeWindow: 60_000 } },
        schema: {
          tags: ['market'],
          consumes: ['multipart/form-data'],
          response: { 200: ImportReportSchema },
        },
      },
      async (request) => {
        if (!request.isMultipart()) throw new AppError('request.unsupported_media');
        const file = await request.file();
        if (!file) throw new AppError('import.no_file');
        const buffer = await file.toBuffer();
        return importRecords(request.ctx, kind, buffer, file.filename);
      },
    );
  }
};
