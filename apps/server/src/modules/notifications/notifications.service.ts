import type {
  DirectEmailType,
  Notification,
  NotificationParams,
  NotificationQuery,
  NotificationReadAllInput,
  NotificationType,
  Page,
  Role,
} from '@corridor/contracts';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import type { Actor, Ctx } from '../../core/context';
import type { Database } from '../../core/db/schema';
import { AppError } from '../../core/errors';
import { seal } from '../../core/keys/sealed';
import * as repo from './notifications.repo';

/** Purpose of the seal over a link that carries a secret (a reset token). */
export const SECRET_LINK_PURPOSE = 'email-link';

/**
 * The platform's one inbox. Other modules call `notifyInTrx` inside the transaction of the change
 * the notification tells about, so it exists if and only if that change committed; an e-mail is
 * queued in the same transaction for each recipient with an address (sent later by the drain).
 */

export interface NotifyInput {
  /** Named accounts and/or every enabled user of these organisations (narrowed by `roles`). */
  to: { accountIds?: number[]; orgIds?: number[]; roles?: readonly Role[] };
  type: NotificationType;
  /** The values the type's sentence is filled with (names, titles, amounts): never a sentence. */
  params: NotificationParams;
  /** In-app path of the record, e.g. /app/negotiations/12. */
  link: string | null;
}

/** Writes one notification per recipient; the acting user is never told of their own act. */
export async function notifyInTrx(
  ctx: Ctx,
  trx: Transaction<Database>,
  input: NotifyInput,
): Promise<number> {
  const recipients = await repo.enabledAccounts(trx, {
    accountIds: input.to.accountIds ?? [],
    orgIds: input.to.orgIds ?? [],
    roles: input.to.roles,
  });
  const now = new Date().toISOString();
  const params = JSON.stringify(input.params);
  let written = 0;
  for (const r of recipients) {
    if (r.id === ctx.actor?.id) continue;
    const id = await repo.insertNotification(trx, {
      recipientId: r.id,
      type: input.type,
      params,
      link: input.link,
      createdAt: now,
    });
    if (r.email) await repo.insertEmail(trx, id, r.email, now);
    written++;
  }
  return written;
}

export interface DirectEmailInput {
  address: string;
  type: DirectEmailType;
  params: NotificationParams;
  /** In-app path (made whole with PUBLIC_URL when sent), e.g. /login. */
  link: string | null;
  /** The link carries a secret: it is stored sealed and erased once the e-mail is sent. */
  secretLink?: boolean;
}

/**
 * Queues an e-mail to an address, not to an inbox, in the caller's transaction: for people
 * without an account yet (an applicant) and for links nobody else may read (password reset).
 */
export async function emailAddressInTrx(
  ctx: Ctx,
  trx: Transaction<Database>,
  input: DirectEmailInput,
): Promise<void> {
  const secret = !!input.secretLink && input.link !== null;
  await repo.insertDirectEmail(trx, {
    address: input.address,
    type: input.type,
    params: JSON.stringify(input.params),
    link: secret && input.link ? seal(ctx.deps.piKey, SECRET_LINK_PURPOSE, input.link) : input.link,
    linkSealed: secret ? 1 : 0,
    createdAt: new Date().toISOString(),
  });
}

function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}

function present(row: Awaited<ReturnType<typeof repo.findOwn>> & {}): Notification {
  return {
    id: row.id,
    // Written only by notifyInTrx, whose input is typed on NOTIFICATION_TYPES.
    type: row.type as NotificationType,
    params: JSON.parse(row.params) as NotificationParams,
    link: row.link,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

export async function listNotifications(
  ctx: Ctx,
  q: NotificationQuery,
): Promise<Page<Notification>> {
  const actor = requireActor(ctx);
  const { rows, total } = await repo.listOwn(
    ctx.deps.db,
    actor.id,
    q.unread === 'true',
    q.pageSize,
    (q.page - 1) * q.pageSize,
  );
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
}

export async function unreadCount(ctx: Ctx): Promise<{ unread: number }> {
  return { unread: await repo.countUnread(ctx.deps.db, requireActor(ctx).id) };
}

/** Marks one of the caller's notifications read; another user's does not exist for them. */
export async function markRead(ctx: Ctx, id: number): Promise<Notification> {
  const actor = requireActor(ctx);
  const row = await repo.findOwn(ctx.deps.db, id, actor.id);
  if (!row) throw new AppError('notification.not_found');
  if (row.readAt === null) {
    await ctx.deps.db.transaction().execute(async (trx) => {
      await repo.markRead(trx, actor.id, new Date().toISOString(), { id });
      await writeAudit(trx, ctx, {
        action: 'notification.read',
        objectType: 'notification',
        objectId: id,
      });
    });
  }
  return present((await repo.findOwn(ctx.deps.db, id, actor.id))!);
}

export async function markAllRead(
  ctx: Ctx,
  input: NotificationReadAllInput,
): Promise<{ marked: number }> {
  const actor = requireActor(ctx);
  const marked = await ctx.deps.db.transaction().execute(async (trx) => {
    const n = await repo.markRead(trx, actor.id, new Date().toISOString(), {
      upToId: input.upToId,
    });
    if (n > 0)
      await writeAudit(trx, ctx, {
        action: 'notification.read_all',
        objectType: 'notification',
        detail: { marked: n, upToId: input.upToId ?? null },
      });
    return n;
  });
  return { marked };
}
