import { timingSafeEqual } from 'node:crypto';
import { type AuditObjectType, pickLocale, type Role } from '@corridor/contracts';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import { writeAuditAlone } from '../audit/audit';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions';
import type { Ctx, Deps } from '../context';
import { AppError } from '../errors';

/**
 * Who may call a route. Every /api route must declare one (deny by default): a route without
 * it stops the server from starting.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'roles'; roles: readonly Role[] };

export const allow = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signedIn' } as Access,
  roles: (...roles: Role[]): Access => ({ kind: 'roles', roles }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its access and its zod schemas, for the generic route tests. */
    routeInventory: { method: string; url: string; access: Access; schema: FastifySchema }[];
    deps: Deps;
  }
}

/** Writes still served while the platform is degraded (sessions only, no records). */
const OPEN_WHEN_DEGRADED = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAccessControl(app: FastifyInstance, deps: Deps): void {
  const inventory: FastifyInstance['routeInventory'] = [];
  app.decorate('routeInventory', inventory);
  app.decorate('deps', deps);
  app.decorateRequest('ctx', null as unknown as Ctx);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD')
        inventory.push({ method, url: route.url, access, schema: route.schema ?? {} });
    }
  });

  app.addHook('onRequest', async (request) => {
    request.ctx = {
      deps,
      actor: null,
      ip: request.ip ?? null,
      locale: pickLocale(request.headers['accept-language']),
      requestId: request.id,
    };
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.ctx.actor = await resolveSession(deps, token);

    const access = request.routeOptions.config?.access;
    if (!access) return; // static files and the 404 handler
    if (!SAFE_METHODS.has(request.method)) {
      checkOrigin(request, deps);
      // History may be rewritable (a protecting trigger is gone): nothing is written, bar signing
      // in and out, so people can still read and the security admin can look.
      const route = `${request.method} ${request.routeOptions.url}`;
      if (deps.integrity.problems.length > 0 && !OPEN_WHEN_DEGRADED.has(route))
        throw new AppError('platform.degraded');
    }
    if (access.kind === 'public') return;
    const actor = request.ctx.actor;
    if (!actor) throw new AppError(token ? 'auth.session_expired' : 'auth.required');
    if (!SAFE_METHODS.has(request.method)) checkCsrfToken(request, actor.csrfToken);
    const route = `${request.method} ${request.routeOptions.url}`;
    if (actor.mfaSetupRequired && !OPEN_BEFORE_MFA.has(route))
      throw new AppError('auth.mfa_setup_required');
    if (actor.passwordExpired && !OPEN_WHEN_EXPIRED.has(route))
      throw new AppError('auth.password_expired');
    if (access.kind === 'roles' && !actor.roles.some((r) => access.roles.includes(r))) {
      throw new AppError('permission.denied'); // audited by the error handler
    }
  });
}

/** What a privileged account past its password age may still do: see itself, change, leave. */
const OPEN_WHEN_EXPIRED = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
]);

/** What a privileged account that must enrol a second factor may do meanwhile. */
const OPEN_BEFORE_MFA = new Set([
  ...OPEN_WHEN_EXPIRED,
  'POST /api/v1/auth/mfa/setup',
  'POST /api/v1/auth/mfa/enable',
]);

/** Records a refused call: who tried what, from where. */
export async function auditDenial(
  request: FastifyRequest,
  objectType?: AuditObjectType,
  objectId?: string | number,
) {
  await writeAuditAlone(request.ctx, {
    action: 'permission.denied',
    outcome: 'denied',
    ...(objectType ? { objectType } : {}),
    ...(objectId !== undefined ? { objectId } : {}),
    detail: { method: request.method, route: request.routeOptions.url ?? request.url },
  });
}

/** A cross-site browser request never changes state (SameSite=Strict is the first line). */
function checkOrigin(request: FastifyRequest, deps: Deps): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new AppError('csrf.failed');
  const origin = request.headers.origin;
  if (!origin) return;
  const host = request.headers.host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError('csrf.failed');
  }
  if (originHost !== host && !deps.config.allowedOrigins.includes(origin)) {
    throw new AppError('csrf.failed');
  }
}

/** Synchronizer token: state changes must echo the session's CSRF token in a header. */
function checkCsrfToken(request: FastifyRequest, expected: string): void {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent.length !== expected.length)
    throw new AppError('csrf.failed');
  if (!timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) throw new AppError('csrf.failed');
}
