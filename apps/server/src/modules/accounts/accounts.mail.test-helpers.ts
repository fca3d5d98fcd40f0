import nodemailer from 'nodemailer';
import type { TestApp } from '../../../test/helpers';
import { sendPendingEmails } from '../notifications/notifications.email';

export interface SentMail {
  to: { address: string }[] | string;
  subject: string;
  text: string;
}

/** Drains the outbox through a capturing transport; the mails sent to `address`. */
export async function mailsTo(t: TestApp, address: string): Promise<SentMail[]> {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: SentMail[] = [];
  const capture = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: Parameters<typeof capture>[0]) => {
    const info = await capture(mail);
    sent.push(JSON.parse(String(info.message)));
    return info;
  }) as typeof transport.sendMail;
  await sendPendingEmails(t.deps, { transport, limit: 500 });
  return sent.filter((m) => JSON.stringify(m.to).includes(address));
}

let n = 0;
/** An e-mail address no other test uses. */
export function uniqueEmail(): string {
  n += 1;
  return `p${process.pid}x${Date.now().toString(36)}${n}@example.test`;
}
