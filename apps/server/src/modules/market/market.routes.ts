import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the technology market module (filled in by its issue). */
export const marketRoutes: FastifyPluginAsyncZod = async () => {};
