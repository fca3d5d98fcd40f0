/**
 * Accounts and their roles: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['account', 'username', 'roles', 'registration', 'email'] as const;

export const accountsErrors = defineMessages(PREFIXES, {
  'account.not_found': { zh: '账号不存在', en: 'No such account' },
  'account.username_taken': { zh: '用户名已被使用', en: 'This user name is taken' },
  'account.roles_invalid': {
    zh: '角色组合不合法：系统管理、审计、安全管理职责须由不同账号承担',
    en: 'Invalid role set: administration, audit and security duties must be held by different accounts',
  },
  'account.scope_invalid': {
    zh: '账号所属区域与角色不匹配',
    en: "The account's region does not fit its role",
  },
  'account.audit_approval_required': {
    zh: '停用、降权或重置审计员账号须经另一名省级审计员现场授权（双人授权）',
    en: 'Disabling, demoting or resetting an auditor needs the approval of another province-level auditor',
  },
  'account.audit_approval_invalid': {
    zh: '授权未通过：须为另一名在用的省级审计员，且账号、密码（及动态码）正确',
    en: 'Approval refused: it must be another active province-level auditor with the right password (and code)',
  },
  'account.cannot_change_self': {
    zh: '不能修改自己的角色或状态',
    en: 'You cannot change your own roles or status',
  },
  'account.org_manager_invalid': {
    zh: '只有归属某一企业的企业用户账号可以担任本单位账号管理员',
    en: 'Only an enterprise account of an organisation can manage its colleagues',
  },
  'registration.not_found': { zh: '注册申请不存在', en: 'No such registration' },
  'registration.pending_exists': {
    zh: '该统一社会信用代码或用户名已有待审核的注册申请，请等待所在市管理员审核',
    en: 'An application with this credit code or user name is already awaiting review by the city',
  },
  'registration.org_has_accounts': {
    zh: '该单位已有平台账号，请联系本单位的账号管理员为您开通账号',
    en: 'This organisation already has accounts; ask its account manager to add you',
  },
  'registration.already_decided': {
    zh: '该注册申请已审核，不能再次处理',
    en: 'This application has already been decided',
  },
});

export const accountsReasons = defineMessages(PREFIXES, {
  'roles.empty': { zh: '至少选择一个角色', en: 'choose at least one role' },
  'roles.duplicate': { zh: '角色重复', en: 'a role is listed twice' },
  'roles.duties_combined': {
    zh: '系统管理、审计、安全管理职责须由不同账号承担，且不能兼任业务角色',
    en: 'administration, audit and security duties are held by different accounts, without other roles',
  },
  'email.format': { zh: '电子邮箱格式不正确', en: 'not a valid e-mail address' },
  'username.format': {
    zh: '用户名为 3–64 位小写字母、数字或 _ . -，以字母开头',
    en: 'user names are 3–64 lower-case letters, digits or _ . -, starting with a letter',
  },
});
