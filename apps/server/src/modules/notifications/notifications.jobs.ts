import type { JobDefinition } from '../../core/jobs/job';
import { sendPendingEmails } from './notifications.email';

/**
 * The e-mail outbox is drained on a clock: every 5 minutes, one process at a time (the job
 * mechanism runs each slot once), so an e-mail is never sent twice by two drains.
 */
export const notificationsJobs: JobDefinition[] = [
  {
    name: 'notifications.send_emails',
    descriptionKey: 'jobs.notifications.send_emails',
    schedule: '*/5 * * * *',
    // E-mails sent (0 without SMTP_URL: the outbox is kept, nothing is tried).
    handler: async (ctx) => (await sendPendingEmails(ctx.deps)).sent,
  },
];
