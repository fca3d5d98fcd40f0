import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { allow } from '../../core/http/access';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: allow.public },
      schema: {
        tags: ['health'],
        response: {
          200: z.object({ status: z.literal('ok'), db: z.enum(['sqlite', 'postgres']) }),
        },
      },
    },
    async (request) => {
      const { db, dialect } = request.ctx.deps;
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, db: dialect.name };
    },
  );
};
