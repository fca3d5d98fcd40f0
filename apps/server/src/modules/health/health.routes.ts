import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { allow } from '../../core/http/access';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'unavailable']),
  db: z.enum(['sqlite', 'postgres']),
  /** What the integrity check found (writes are refused while there is any). */
  problems: z.array(z.string()),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: allow.public },
      schema: { tags: ['health'], response: { 200: HealthSchema, 503: HealthSchema } },
    },
    async (request, reply) => {
      const { db, dialect, integrity } = request.ctx.deps;
      const problems = [...integrity.problems];
      try {
        await sql`select 1`.execute(db);
      } catch (error) {
        // Down (a restart, a lost network): say so in the health body; the pool reconnects.
        request.log.error({ err: error }, 'health: database unreachable');
        reply.code(503).header('retry-after', '5');
        return {
          status: 'unavailable' as const,
          db: dialect.name,
          problems: ['database unreachable'],
        };
      }
      // A load balancer takes a degraded node out of the write pool: 503, with the reasons.
      if (problems.length > 0) reply.code(503);
      return {
        status: problems.length > 0 ? ('degraded' as const) : ('ok' as const),
        db: dialect.name,
        problems,
      };
    },
  );
};
