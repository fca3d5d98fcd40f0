import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Deps } from './core/context';
import { AppError } from './core/errors';
import { registerAccessControl } from './core/http/access';
import { registerErrorHandler, sendError } from './core/http/error-handler';
import { registerIdempotency } from './core/http/idempotency';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { accountsSelfServiceRoutes } from './modules/accounts/accounts.self.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { cockpitRoutes } from './modules/cockpit/cockpit.routes';
import { dealsRoutes } from './modules/deals/deals.routes';
import { filesRoutes } from './modules/files/files.routes';
import { healthRoutes } from './modules/health/health.routes';
import { indicatorsRoutes } from './modules/indicators/indicators.routes';
import { jobsRoutes } from './modules/jobs/jobs.routes';
import { marketRoutes } from './modules/market/market.routes';
import { matchingBrokersRoutes } from './modules/matching/matching.brokers.routes';
import { matchingRoutes } from './modules/matching/matching.routes';
import { negotiationsRoutes } from './modules/negotiations/negotiations.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { orgsRoutes } from './modules/orgs/orgs.routes';
import { parksRoutes } from './modules/parks/parks.routes';
import { publicRoutes } from './modules/public/public.routes';
import { rankingsRoutes } from './modules/rankings/rankings.routes';

export const MAX_JSON_BODY = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface BuildOptions {
  /** Serve the built web app from this folder (skipped when absent). */
  webDist?: string;
  logger?: boolean | object;
}

export type App = FastifyInstance;

/** Builds the whole HTTP application on top of an opened, migrated database. */
export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: MAX_JSON_BODY,
    // Fastify already refuses __proto__ / constructor.prototype in JSON; make it an error.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestTimeout: 60_000,
    // A URL the router cannot decode (a broken escape such as `%E0%A4%A`) is answered before
    // any hook runs; without this Fastify sent its own body with code FST_ERR_BAD_URL.
    frameworkErrors: (_error, request, reply) => sendError(reply, request, 'request.malformed'),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Tests check every response against its zod schema, so a presenter that drifts from the
  // contract fails CI. In service, presenters build explicit objects (the whitelist) and the
  // check would cost ~40 µs a row, so responses are plainly serialised.
  app.setSerializerCompiler(
    deps.config.env === 'test' ? serializerCompiler : () => (data: unknown) => JSON.stringify(data),
  );

  // RFC 8259 §8.1: JSON between systems is UTF-8. A JSON body declared in another charset is
  // refused (415) rather than read as if it were UTF-8.
  app.addHook('preValidation', async (request) => {
    const type = request.headers['content-type'];
    if (!type || !/^application\/json\b/i.test(type)) return;
    const charset = /;\s*charset\s*=\s*"?([^";]*)"?/i.exec(type)?.[1]?.trim().toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
      throw new AppError('request.unsupported_media');
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd and ECharts write inline styles; scripts stay strict.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only means something over HTTPS; @fastify/helmet sends it, browsers ignore it on http.
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    // The same rule as CSP frame-ancestors 'none', for browsers that know only this header.
    frameguard: { action: 'deny' },
  });
  // Answers to a signed-in user hold personal and business data: no browser or proxy keeps them.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.ctx?.actor && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });

  registerErrorHandler(app);
  registerAccessControl(app, deps);
  registerIdempotency(app, deps);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Corridor Cloud API 光谷科创大走廊协同创新云平台', version: '1.0.0' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'corridor_sid' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(accountsRoutes);
      await api.register(accountsSelfServiceRoutes);
      await api.register(orgsRoutes);
      await api.register(auditRoutes);
      await api.register(publicRoutes);
      await api.register(indicatorsRoutes);
      await api.register(rankingsRoutes);
      await api.register(cockpitRoutes);
      await api.register(marketRoutes);
      await api.register(dealsRoutes);
      await api.register(matchingRoutes);
      await api.register(negotiationsRoutes);
      await api.register(notificationsRoutes);
      await api.register(matchingBrokersRoutes);
      await api.register(filesRoutes);
      await api.register(jobsRoutes);
      await api.register(parksRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webRoot = options.webDist ? resolve(options.webDist) : null;
  const serveWeb = webRoot !== null && existsSync(resolve(webRoot, 'index.html'));
  if (serveWeb)
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  // Client-side routes fall back to the app shell; API misses stay JSON 404s.
  app.setNotFoundHandler((request, reply) => {
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendError(reply, request, 'route.not_found');
  });
  return app;
}
