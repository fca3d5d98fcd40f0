import {
  IdParamSchema,
  NotificationCountSchema,
  NotificationListSchema,
  NotificationQuerySchema,
  NotificationReadAllInputSchema,
  NotificationReadAllSchema,
  NotificationSchema,
} from '@corridor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { allow } from '../../core/http/access';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service';

/** Everyone signed in has an inbox; the service keeps each to its own notifications. */
const tags = ['notifications'];

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      config: { access: allow.signedIn },
      schema: {
        tags,
        querystring: NotificationQuerySchema,
        response: { 200: NotificationListSchema },
      },
    },
    async (request) => listNotifications(request.ctx, request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { access: allow.signedIn },
      schema: { tags, response: { 200: NotificationCountSchema } },
    },
    async (request) => unreadCount(request.ctx),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: allow.signedIn },
      schema: {
        tags,
        body: NotificationReadAllInputSchema,
        response: { 200: NotificationReadAllSchema },
      },
    },
    async (request) => markAllRead(request.ctx, request.body),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: allow.signedIn },
      schema: { tags, params: IdParamSchema, response: { 200: NotificationSchema } },
    },
    async (request) => markRead(request.ctx, request.params.id),
  );
};
