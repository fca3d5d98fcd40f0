import {
  ChangePasswordBodySchema,
  ForgotPasswordBodySchema,
  LoginBodySchema,
  MeSchema,
  MfaEnableBodySchema,
  MfaSetupBodySchema,
  MfaSetupSchema,
  OkSchema,
  ResetPasswordBodySchema,
  SessionStateSchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../../core/auth/sessions';
import { allow } from '../../core/http/access';
import { enableMfa, startMfaSetup } from '../accounts/accounts.mfa';
import { requestPasswordReset, resetPasswordWithToken } from '../accounts/accounts.password';
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
      const { username, password, otp } = request.body;
      const { token, me } = await login(request.ctx, username, password, otp);
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
    '/auth/session',
    {
      config: { access: allow.public },
      schema: { tags: ['auth'], response: { 200: SessionStateSchema } },
    },
    async (request) => ({
      me: request.ctx.actor ? await describe(request.ctx, request.ctx.actor) : null,
    }),
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

  // Forgotten password: the same answer whether or not the account exists (no enumeration).
  const resetLimit = { max: app.deps.config.loginRatePerMinute, timeWindow: 60_000 };
  app.post(
    '/auth/password/forgot',
    {
      config: { access: allow.public, rateLimit: resetLimit },
      schema: { tags: ['auth'], body: ForgotPasswordBodySchema, response: { 200: OkSchema } },
    },
    async (request) => {
      await requestPasswordReset(request.ctx, request.body.login);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password/reset',
    {
      config: { access: allow.public, rateLimit: resetLimit },
      schema: { tags: ['auth'], body: ResetPasswordBodySchema, response: { 200: OkSchema } },
    },
    async (request) => {
      await resetPasswordWithToken(request.ctx, request.body.token, request.body.newPassword);
      return { ok: true as const };
    },
  );

  // Second factor: a new pending secret (shown once as a QR code), then proof with a code.
  app.post(
    '/auth/mfa/setup',
    {
      config: { access: allow.signedIn },
      schema: {
        tags: ['auth'],
        body: MfaSetupBodySchema,
        response: { 200: MfaSetupSchema },
      },
    },
    async (request) => startMfaSetup(request.ctx, request.body),
  );

  app.post(
    '/auth/mfa/enable',
    {
      config: { access: allow.signedIn },
      schema: { tags: ['auth'], body: MfaEnableBodySchema, response: { 200: OkSchema } },
    },
    async (request) => {
      await enableMfa(request.ctx, request.body.otp);
      return { ok: true as const };
    },
  );
};
