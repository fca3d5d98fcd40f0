import { ChangePasswordBodySchema, LoginBodySchema, MeSchema, OkSchema } from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../../core/auth/sessions';
import { allow } from '../../core/http/access';
import { changeOwnPassword } from '../accounts/accounts.service';
import { describe, login, logout } from './auth.service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOptions = (secure: boolean) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
  });

  app.post(
    '/auth/login',
    {
      config: {
        access: allow.public,
        rateLimit: { max: app.deps.config.loginRatePerMinute, timeWindow: 60_000 },
      },
      schema: { tags: ['auth'], body: LoginBodySchema, response: { 200: MeSchema } },
    },
    async (request, reply) => {
      const { token, me } = await login(request.ctx, request.body.username, request.body.password);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions(request.protocol === 'https'));
      return me;
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: allow.signedIn }, schema: { tags: ['auth'], response: { 200: OkSchema } } },
    async (request, reply) => {
      await logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request.protocol === 'https'));
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: { access: allow.signedIn }, schema: { tags: ['auth'], response: { 200: MeSchema } } },
    async (request) => describe(request.ctx, request.ctx.actor!),
  );

  app.post(
    '/auth/password',
    {
      config: { access: allow.signedIn },
      schema: { tags: ['auth'], body: ChangePasswordBodySchema, response: { 200: OkSchema } },
    },
    async (request, reply) => {
      await changeOwnPassword(request.ctx, request.body.currentPassword, request.body.newPassword);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request.protocol === 'https'));
      return { ok: true as const };
    },
  );
};
