/**
 * Sign-in, password change, the second factor and the welcome page (zh-CN source and en side by
 * side).
 */
import { defineMessages } from '@corridor/contracts';

export const authMessages = defineMessages(
  ['login', 'auth', 'password', 'welcome', 'mfa', 'signup', 'forgot', 'reset'],
  {
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
    'login.forgot': { zh: '忘记密码？', en: 'Forgot your password?' },
    'login.register': { zh: '企业注册', en: 'Register an enterprise' },
    'signup.title': { zh: '企业用户注册', en: 'Register an enterprise' },
    'signup.intro': {
      zh: '填写单位的统一社会信用代码和您的信息。所在市管理员审核通过后，您将成为本单位的账号管理员，可为同事开通账号；审核结果将发送至您的邮箱。',
      en: 'Enter your organisation’s unified social credit code and your details. Once the city approves, you manage your organisation’s accounts and can add colleagues; the decision is sent to your e-mail.',
    },
    'signup.orgSection': { zh: '单位信息', en: 'Organisation' },
    'signup.userSection': { zh: '账号管理员信息', en: 'Account manager' },
    'signup.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
    'signup.orgName': { zh: '单位名称', en: 'Organisation name' },
    'signup.orgNameHint': {
      zh: '与营业执照一致；已在平台名录中的单位以名录为准',
      en: 'As on the business licence; for organisations already in the directory, the directory’s entry counts',
    },
    'signup.city': { zh: '所在城市', en: 'City' },
    'signup.industry': { zh: '所属产业', en: 'Industry' },
    'signup.address': { zh: '地址', en: 'Address' },
    'signup.displayName': { zh: '姓名', en: 'Your name' },
    'signup.email': { zh: '电子邮箱', en: 'E-mail' },
    'signup.emailHint': {
      zh: '用于接收审核结果和找回密码',
      en: 'For the decision and for resetting your password',
    },
    'signup.phone': { zh: '手机号码', en: 'Mobile phone' },
    'signup.submit': { zh: '提交注册申请', en: 'Submit the application' },
    'signup.submitted': { zh: '注册申请已提交', en: 'Application submitted' },
    'signup.submittedHint': {
      zh: '请等待所在市管理员审核，结果将发送至 {email}。审核通过后即可使用注册时设置的密码登录。',
      en: 'The city will review it; the decision goes to {email}. Once approved, sign in with the password you chose.',
    },
    'signup.backToLogin': { zh: '返回登录', en: 'Back to sign-in' },
    'forgot.title': { zh: '找回密码', en: 'Reset your password' },
    'forgot.intro': {
      zh: '输入用户名或账号绑定的电子邮箱，我们将向该邮箱发送重置密码的链接（30 分钟内有效，仅可使用一次）。',
      en: 'Enter your user name or the e-mail address of your account; a reset link (valid 30 minutes, once) is sent to that address.',
    },
    'forgot.login': { zh: '用户名或电子邮箱', en: 'User name or e-mail' },
    'forgot.submit': { zh: '发送重置链接', en: 'Send the reset link' },
    'forgot.sent': { zh: '请查收邮件', en: 'Check your e-mail' },
    'forgot.sentHint': {
      zh: '如该账号存在且绑定了电子邮箱，重置链接已发送。未收到邮件或账号未绑定邮箱，请联系安全管理员重置密码。',
      en: 'If the account exists and has an e-mail address, the link is on its way. No e-mail, or no address on the account? Ask a security administrator to reset your password.',
    },
    'forgot.noMail': {
      zh: '本平台尚未配置邮件服务，重置链接暂无法送达；请联系安全管理员重置密码。',
      en: 'This installation sends no e-mail yet, so the link cannot arrive; ask a security administrator to reset your password.',
    },
    'reset.title': { zh: '设置新密码', en: 'Set a new password' },
    'reset.submit': { zh: '保存新密码', en: 'Save the new password' },
    'reset.badLink': {
      zh: '重置链接不完整，请从邮件中完整打开链接',
      en: 'The reset link is incomplete; open the whole link from the e-mail',
    },
    'reset.again': { zh: '重新申请重置链接', en: 'Ask for a new link' },
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
  },
);
