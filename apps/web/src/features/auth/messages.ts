/**
 * Sign-in, password change, the second factor and the welcome page (zh-CN source and en side by
 * side).
 */
import { defineMessages } from '@corridor/contracts';

export const authMessages = defineMessages(['login', 'auth', 'password', 'welcome', 'mfa'], {
  'login.subtitle': { zh: '请使用平台账号登录', en: 'Sign in with your platform account' },
  'login.username': { zh: '用户名', en: 'User name' },
  'login.password': { zh: '密码', en: 'Password' },
  'login.usernameRequired': { zh: '请输入用户名', en: 'Enter your user name' },
  'login.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },
  'login.submit': { zh: '登录', en: 'Sign in' },
  'login.expired': {
    zh: '登录已过期，请重新登录',
    en: 'Your session has expired; please sign in again',
  },
  'login.demoHint': {
    zh: '演示账号及初始密码由服务器启动时打印在控制台中。',
    en: 'Demo accounts and their initial passwords are printed by the server when it starts.',
  },
  'auth.changePassword': { zh: '修改密码', en: 'Change password' },
  'auth.logout': { zh: '退出登录', en: 'Sign out' },
  'password.current': { zh: '当前密码', en: 'Current password' },
  'password.new': { zh: '新密码', en: 'New password' },
  'password.confirm': { zh: '确认新密码', en: 'Confirm new password' },
  'password.mismatch': { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  'password.policy': {
    zh: '密码至少 12 位，且包含大写字母、小写字母、数字、符号中的至少三类。',
    en: 'At least 12 characters, from at least three of: upper case, lower case, digits, symbols.',
  },
  'password.changed': {
    zh: '密码已修改，请使用新密码重新登录',
    en: 'Password changed; please sign in with the new password',
  },
  'password.problem.too_short': { zh: '密码至少 12 位', en: 'At least 12 characters' },
  'password.problem.too_long': { zh: '密码不能超过 {max} 位', en: 'At most {max} characters' },
  'password.problem.classes': {
    zh: '须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'Use at least three of: upper case, lower case, digits, symbols',
  },
  'welcome.title': { zh: '欢迎，{name}', en: 'Welcome, {name}' },
  'welcome.org': { zh: '所属机构：{org}', en: 'Organisation: {org}' },
  'welcome.noPages': {
    zh: '当前账号暂无可用的管理功能。',
    en: 'This account has no administration pages yet.',
  },
  'password.expired': {
    zh: '请先修改密码：由管理员设置的初始密码须在首次登录时修改；管理、审计、安全管理账号的密码须定期更换。修改后方可继续使用。',
    en: 'Change your password first: a password set by an administrator is changed at first sign-in, and administration, audit and security accounts change theirs periodically. Change it to continue.',
  },
  'login.otp': { zh: '动态口令', en: 'One-time code' },
  'login.otpHint': {
    zh: '已绑定双因素认证的账号填写验证器应用中的 6 位数字',
    en: 'Accounts with two-factor sign-in: the 6 digits shown by the authenticator app',
  },
  'login.otpFormat': { zh: '动态口令为 6 位数字', en: 'The code has 6 digits' },
  'mfa.title': { zh: '双因素认证', en: 'Two-factor sign-in' },
  'mfa.on': { zh: '双因素认证：已启用', en: 'Two-factor sign-in: on' },
  'mfa.intro': {
    zh: '用手机上的验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP）扫描二维码，或手动输入密钥；再输入应用显示的 6 位动态口令完成绑定。之后每次登录除密码外还需填写动态口令。',
    en: 'Scan the QR code with an authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP …) or type the key, then enter the 6-digit code it shows. From then on every sign-in asks for a code besides the password.',
  },
  'mfa.required': {
    zh: '管理、审计、安全管理账号须绑定动态口令（双因素认证）后才能使用平台。',
    en: 'Administration, audit and security accounts must set up two-factor sign-in before using the platform.',
  },
  'mfa.start': { zh: '生成绑定二维码', en: 'Create the QR code' },
  'mfa.key': { zh: '密钥：', en: 'Key:' },
  'mfa.confirm': { zh: '验证并启用', en: 'Verify and turn on' },
  'mfa.enabled': { zh: '已启用双因素认证', en: 'Two-factor sign-in is on' },
  'mfa.enabledHint': {
    zh: '登录时请同时填写验证器应用中的动态口令。手机丢失时请联系安全管理员重置。',
    en: 'Enter the code from the authenticator app when signing in. If the phone is lost, ask a security administrator to reset it.',
  },
  'mfa.replace': { zh: '更换动态口令（新手机）', en: 'Move to a new authenticator' },
  'mfa.replaceHint': {
    zh: '为防止他人借用已登录的会话换绑，须输入当前密码和当前动态口令。',
    en: 'So that nobody can take over the factor from a signed-in session, enter your password and a current code.',
  },
});
