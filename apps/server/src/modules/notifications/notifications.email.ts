import {
  type DirectEmailType,
  type NotificationType,
  notificationText,
  ruleText,
} from '@corridor/contracts';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Deps } from '../../core/context';
import { unseal } from '../../core/keys/sealed';
import * as repo from './notifications.repo';
import { SECRET_LINK_PURPOSE } from './notifications.service';

/**
 * Sends the e-mails queued by `notifyInTrx`. Meant to be called by a scheduled job (one drain at
 * a time: two at once could send a row twice). Without SMTP_URL nothing is sent and the rows
 * stay queued (the demo install has no mail server). Nodemailer is the well-kept standard
 * client for SMTP; tests hand it a jsonTransport so nothing leaves the machine.
 */

/** A row that failed this often is left for a person to look at (last_error says why). */
export const MAX_ATTEMPTS = 5;
const BATCH = 50;

export interface DrainResult {
  sent: number;
  failed: number;
  /** True when no mail server is configured and nothing was tried. */
  disabled: boolean;
}

let shared: { url: string; transport: Transporter } | undefined;

function transportFor(deps: Deps): Transporter | undefined {
  const url = deps.config.mail.smtpUrl;
  if (!url) return undefined;
  if (shared?.url !== url) shared = { url, transport: nodemailer.createTransport(url) };
  return shared.transport;
}

/** Both languages: the recipient's language is not known to the platform. */
function compose(deps: Deps, row: { type: string; params: string; link: string | null }) {
  // Written only through notifyInTrx / emailAddressInTrx, typed on their lists of types.
  const type = row.type as NotificationType | DirectEmailType;
  const params = JSON.parse(row.params) as Record<string, string | number>;
  const base = deps.config.mail.publicUrl?.replace(/\/$/, '');
  const link = row.link ? (base ? `${base}${row.link}` : row.link) : null;
  const lines = [notificationText(type, params, 'zh-CN'), notificationText(type, params, 'en')];
  if (link) lines.push('', link);
  return {
    subject: `${ruleText('notify.email_subject', 'zh-CN')} / ${ruleText('notify.email_subject', 'en')}`,
    text: lines.join('\n'),
  };
}

export async function sendPendingEmails(
  deps: Deps,
  options: { transport?: Transporter; limit?: number } = {},
): Promise<DrainResult> {
  const transport = options.transport ?? transportFor(deps);
  if (!transport) return { sent: 0, failed: 0, disabled: true };
  const rows = await repo.pendingEmails(deps.db, options.limit ?? BATCH, MAX_ATTEMPTS);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const mail = compose(deps, row);
    try {
      await transport.sendMail({ from: deps.config.mail.from, to: row.address, ...mail });
      await repo.markEmail(deps.db, row.id, {
        sentAt: new Date().toISOString(),
        attempts: row.attempts + 1,
        lastError: null,
      });
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await repo.markEmail(deps.db, row.id, {
        sentAt: null,
        attempts: row.attempts + 1,
        lastError: message.slice(0, 500),
      });
      failed++;
    }
  }
  const direct = await sendDirectEmails(deps, transport, options.limit ?? BATCH);
  return { sent: sent + direct.sent, failed: failed + direct.failed, disabled: false };
}

/** E-mails to an address (applicants, reset links): a sealed link is opened only to be sent. */
async function sendDirectEmails(deps: Deps, transport: Transporter, limit: number) {
  const rows = await repo.pendingDirectEmails(deps.db, limit, MAX_ATTEMPTS);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const link =
      row.link && row.linkSealed === 1
        ? unseal(deps.piKey, SECRET_LINK_PURPOSE, row.link)
        : row.link;
    const mail = compose(deps, { type: row.type, params: row.params, link });
    const erase = row.linkSealed === 1;
    try {
      await transport.sendMail({ from: deps.config.mail.from, to: row.address, ...mail });
      const result = {
        sentAt: new Date().toISOString(),
        attempts: row.attempts + 1,
        lastError: null,
      };
      await repo.markDirectEmail(deps.db, row.id, result, erase);
      sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const result = { sentAt: null, attempts: row.attempts + 1, lastError: message.slice(0, 500) };
      await repo.markDirectEmail(deps.db, row.id, result, false);
      failed++;
    }
  }
  return { sent, failed };
}
