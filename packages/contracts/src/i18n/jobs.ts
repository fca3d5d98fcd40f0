/**
 * Scheduled jobs: error messages and each job's description, in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['jobs'] as const;

export const jobsErrors = defineMessages(PREFIXES, {
  'jobs.not_found': { zh: '定时任务不存在', en: 'No such job' },
});

export const jobsReasons = defineMessages(PREFIXES, {});

/** Descriptions, by the job's descriptionKey. */
export const jobsTexts = defineMessages(PREFIXES, {
  'jobs.market.close_expired_demands': {
    zh: '关闭已过截止日期的已发布技术需求',
    en: 'Close published technology demands whose deadline has passed',
  },
  'jobs.notifications.send_emails': {
    zh: '发送待发的通知邮件（未配置 SMTP 时不发送）',
    en: 'Send queued notification e-mails (nothing is sent without SMTP)',
  },
  'jobs.platform.audit_checkpoint': {
    zh: '对审计链当前状态签名（SM2）并写入数据库之外的检查点文件',
    en: 'Sign the audit chain’s head (SM2) into the checkpoint file outside the database',
  },
  'jobs.platform.purge_idempotency_keys': {
    zh: '删除超过 24 小时的幂等键记录',
    en: 'Delete idempotency keys older than 24 hours',
  },
});
