import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the rankings module (filled in by its issue). */
export const rankingsRoutes: FastifyPluginAsyncZod = async () => {};
