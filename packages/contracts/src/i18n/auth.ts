/**
 * Sign-in, sessions, passwords and the second factor: error messages and field-problem reasons,
 * each in zh-CN (source) and en.
 */
import { defineMessages } from './define';

const PREFIXES = ['auth', 'otp', 'password', 'reset_token'] as const;

export const authErrors = defineMessages(PREFIXES, {
  'auth.required': { zh: '请先登录', en: 'Please sign in' },
  'auth.invalid_credentials': {
    zh: '用户名或密码错误，或账号暂时无法登录',
    en: 'Wrong user name or password, or the account cannot sign in now',
  },
  'auth.session_expired': {
    zh: '登录已过期，请重新登录',
    en: 'Your session has expired; please sign in again',
  },
  'auth.rate_limited': {
    zh: '尝试次数过多，请稍后再试',
    en: 'Too many attempts; please try again later',
  },
  'auth.password_policy': {
    zh: '密码至少 12 位，且包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'A password needs at least 12 characters from at least three of: upper case, lower case, digits, symbols',
  },
  'auth.password_common': {
    zh: '该密码过于常见或容易被猜到（如常用密码、键盘序列、年份、账号名），请换一个',
    en: 'This password is too common or easy to guess (common passwords, keyboard walks, years, your own names); choose another',
  },
  'auth.password_reused': {
    zh: '新密码不能与当前密码或最近使用过的 4 个密码相同',
    en: 'The new password may not be the current one or one of the 4 before it',
  },
  'auth.wrong_current_password': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.password_expired': {
    zh: '密码已超过有效期（特权账号须定期更换），请先修改密码',
    en: 'Your password has expired (privileged accounts change it periodically); change it first',
  },
  'auth.mfa_setup_required': {
    zh: '管理、审计、安全管理账号须先绑定动态口令（双因素认证）',
    en: 'Administration, audit and security accounts must set up a second factor first',
  },
  'auth.mfa_not_pending': {
    zh: '请先生成绑定二维码',
    en: 'Start the set-up first (scan the QR code)',
  },
  'auth.otp_invalid': { zh: '动态口令不正确或已过期', en: 'The code is wrong or has expired' },
  'auth.reauth_required': {
    zh: '更换已绑定的动态口令，须输入当前密码和当前动态口令',
    en: 'To replace your second factor, enter your password and a current code',
  },
  'auth.reset_link_invalid': {
    zh: '重置链接无效、已使用或已过期，请重新申请',
    en: 'This reset link is wrong, used or expired; ask for a new one',
  },
  'auth.reauth_failed': {
    zh: '密码或动态口令不正确',
    en: 'The password or the code is wrong',
  },
});

export const authReasons = defineMessages(PREFIXES, {
  'otp.format': { zh: '动态口令为 6 位数字', en: 'the code has 6 digits' },
  'reset_token.format': { zh: '重置链接不完整', en: 'the reset link is incomplete' },
  'password.policy': {
    zh: '密码至少 12 位，且包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'at least 12 characters, from at least three of: upper case, lower case, digits, symbols',
  },
  'password.common': {
    zh: '过于常见或容易被猜到，请换一个',
    en: 'too common or easy to guess; choose another',
  },
});
