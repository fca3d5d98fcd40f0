/** Account management (zh-CN source and en side by side). */
import { defineMessages } from '@corridor/contracts';

export const accountsMessages = defineMessages(['account', 'accounts'], {
  'account.username': { zh: '用户名', en: 'User name' },
  'account.displayName': { zh: '姓名', en: 'Name' },
  'account.initialPassword': { zh: '初始密码', en: 'Initial password' },
  'account.roles': { zh: '角色', en: 'Roles' },
  'account.region': { zh: '所属区域', en: 'Region' },
  'account.orgId': { zh: '所属机构 ID', en: 'Organisation ID' },
  'account.orgIdHint': {
    zh: '企业、高校院所、投资机构用户须填写所属机构 ID',
    en: 'Required for enterprise, university and investor users',
  },
  'account.orgRequired': {
    zh: '该角色须填写所属机构 ID',
    en: 'This role needs an organisation ID',
  },
  'account.regionMustBeCity': {
    zh: '市级管理员须属于五市之一',
    en: 'a city administrator belongs to one of the five cities',
  },
  'account.regionMustBeProvince': {
    zh: '省级管理员须属于湖北省',
    en: 'a province administrator belongs to the province',
  },
  'account.status': { zh: '状态', en: 'Status' },
  'account.active': { zh: '正常', en: 'Active' },
  'account.disabled': { zh: '已禁用', en: 'Disabled' },
  'account.lockedUntil': { zh: '锁定至 {time}', en: 'Locked until {time}' },
  'account.createdAt': { zh: '创建日期', en: 'Created' },
  'account.create': { zh: '新建账号', en: 'New account' },
  'account.createTitle': { zh: '新建账号', en: 'New account' },
  'account.created': { zh: '账号 {username} 已创建', en: 'Account {username} created' },
  'account.changeRoles': { zh: '修改角色', en: 'Change roles' },
  'account.rolesTitle': { zh: '修改角色：{username}', en: 'Change roles: {username}' },
  'account.enable': { zh: '启用', en: 'Enable' },
  'account.disable': { zh: '禁用', en: 'Disable' },
  'account.enabled': { zh: '账号已启用', en: 'Account enabled' },
  'account.disabledDone': { zh: '账号已禁用', en: 'Account disabled' },
  'account.confirmEnable': { zh: '确定启用该账号？', en: 'Enable this account?' },
  'account.confirmDisable': {
    zh: '确定禁用该账号？禁用后该账号无法登录。',
    en: 'Disable this account? It will no longer be able to sign in.',
  },
  'account.unlock': { zh: '解锁', en: 'Unlock' },
  'account.unlocked': { zh: '账号已解锁', en: 'Account unlocked' },
  'account.searchPlaceholder': { zh: '用户名或姓名', en: 'User name or name' },
  'accounts.mfa': { zh: '双因素', en: '2FA' },
  'accounts.mfaReset': { zh: '重置双因素', en: 'Reset 2FA' },
  'accounts.mfaResetConfirm': {
    zh: '重置后该账号的登录会话全部失效，下次登录须重新绑定。确定重置？',
    en: 'Resetting ends all of the account’s sessions; it sets up two-factor sign-in again at the next sign-in. Reset?',
  },
  'accounts.approvalTitle': { zh: '审计员双人授权', en: 'Auditor approval (second person)' },
  'accounts.approvalWhy': {
    zh: '停用、降权或重置审计员账号，须由另一名省级审计员在此输入本人账号和密码授权（三权分立：一方不能单独使另一方失声）。',
    en: 'Disabling, demoting or resetting an auditor needs another province-level auditor to approve here with their own user name and password (no duty can silence another alone).',
  },
  'accounts.approve': { zh: '授权并执行', en: 'Approve and apply' },
  'accounts.approver': { zh: '授权审计员用户名', en: 'Approving auditor’s user name' },
  'accounts.approverPassword': { zh: '授权审计员密码', en: 'Approving auditor’s password' },
  'accounts.approverOtp': { zh: '授权审计员动态码', en: 'Approving auditor’s code' },
  'accounts.approverOtpHint': {
    zh: '已绑定双因素的审计员须填写 6 位动态码',
    en: 'An auditor with two-factor sign-in enters the 6-digit code',
  },
});
