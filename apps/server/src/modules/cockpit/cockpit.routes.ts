import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the cockpit module (filled in by its issue). */
export const cockpitRoutes: FastifyPluginAsyncZod = async () => {};
