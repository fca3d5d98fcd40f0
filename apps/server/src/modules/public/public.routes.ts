import { CITIES, ORG_TYPES, PublicConfigSchema } from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allow } from '../../core/http/access';
import { countOrgs } from '../orgs/orgs.service';
import { runsWithDemoData } from '../seed/seed.service';

const OverviewSchema = z.object({
  totals: z.object({ orgs: z.number().int() }),
  cities: z.array(
    z.object({
      code: z.string(),
      orgCount: z.number().int(),
      byType: z.record(z.string(), z.number().int()),
    }),
  ),
  updatedAt: z.string(),
});

/** What anyone may see without signing in: aggregates only, never a single record. */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  // What the sign-in page needs to know: the demo hint only on a demo install.
  app.get(
    '/public/config',
    {
      config: { access: allow.public },
      schema: { tags: ['public'], response: { 200: PublicConfigSchema } },
    },
    async (request) => ({
      demo: await runsWithDemoData(request.ctx.deps),
      mail: request.ctx.deps.config.mail.smtpUrl !== undefined,
    }),
  );

  app.get(
    '/public/overview',
    {
      config: { access: allow.public },
      schema: { tags: ['public'], response: { 200: OverviewSchema } },
    },
    async (request) => {
      const counts = await countOrgs(request.ctx);
      const cities = CITIES.map((c) => {
        const byType = Object.fromEntries(ORG_TYPES.map((t) => [t, 0])) as Record<string, number>;
        for (const row of counts) if (row.regionCode === c.code) byType[row.type] = Number(row.n);
        return { code: c.code, orgCount: Object.values(byType).reduce((a, b) => a + b, 0), byType };
      });
      return {
        totals: { orgs: cities.reduce((a, c) => a + c.orgCount, 0) },
        cities,
        updatedAt: new Date().toISOString(),
      };
    },
  );
};
