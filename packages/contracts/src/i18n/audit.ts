/**
 * The audit log: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['audit'] as const;

export const auditErrors = defineMessages(PREFIXES, {
  'audit.not_found': { zh: '审计事件不存在', en: 'No such audit event' },
});

export const auditReasons = defineMessages(PREFIXES, {});
