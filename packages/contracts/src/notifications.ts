import { z } from 'zod';
import { pageOf } from './common';
import { type Locale, ruleText } from './i18n';

/**
 * Notification types: each is a sentence code plus the values it is filled with. The sentence
 * is rendered where it is read (the web in the reader's language, an e-mail in both), so a
 * stored notification never holds words of one language.
 */
export const NOTIFICATION_TYPES = [
  'negotiation_opened',
  'negotiation_message',
  'negotiation_offer',
  'achievement_approved',
  'achievement_approved_note',
  'achievement_returned',
  'deal_registered',
  'deal_confirm_requested',
  'deal_signed',
  'deal_refused',
  'registration_submitted',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** E-mails sent to an address rather than to an account's inbox (no account yet, or a secret). */
export const DIRECT_EMAIL_TYPES = [
  'registration_approved',
  'registration_rejected',
  'password_reset',
] as const;
export type DirectEmailType = (typeof DIRECT_EMAIL_TYPES)[number];

export type NotificationParams = Record<string, string | number>;

export const NotificationSchema = z.object({
  id: z.number().int(),
  type: z.enum(NOTIFICATION_TYPES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** An in-app path of the record it is about, e.g. /app/negotiations/12. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = pageOf(NotificationSchema);

export const NotificationQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  /** 'true': unread only. */
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationQuery = z.infer<typeof NotificationQuerySchema>;

export const NotificationCountSchema = z.object({ unread: z.number().int() });
/**
 * Mark all read, up to the newest one the reader has seen (when given): one that arrived after
 * the list was shown stays unread rather than being marked read unseen.
 */
export const NotificationReadAllInputSchema = z.strictObject({
  upToId: z.number().int().min(1).max(2_147_483_647).optional(),
});
export type NotificationReadAllInput = z.infer<typeof NotificationReadAllInputSchema>;
export const NotificationReadAllSchema = z.object({ marked: z.number().int() });

/** A notification's (or direct e-mail's) sentence in the reader's language. */
export function notificationText(
  type: NotificationType | DirectEmailType,
  params: NotificationParams,
  locale: Locale,
): string {
  return ruleText(`notify.${type}`, locale, params);
}
