import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the indicators module (filled in by its issue). */
export const indicatorsRoutes: FastifyPluginAsyncZod = async () => {};
