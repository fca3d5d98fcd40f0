/**
 * Notifications: the sentence of each notification type (rendered from its stored code and
 * values in the reader's language, never stored as words) and the module's error messages.
 */
import { defineMessages } from './define';

export const notificationsTexts = defineMessages(['notify'], {
  'notify.negotiation_message': {
    zh: '{from} 在“{achievement}”的洽谈中给您留言',
    en: '{from} wrote to you in the negotiation on “{achievement}”',
  },
  'notify.negotiation_offer': {
    zh: '{from} 就“{achievement}”报价 {totalAmountWan} 万元，待您答复',
    en: '{from} offered {totalAmountWan} (10k yuan) for “{achievement}”, awaiting your answer',
  },
  'notify.negotiation_opened': {
    zh: '{from} 就成果“{achievement}”发起洽谈',
    en: '{from} opened a negotiation on “{achievement}”',
  },
  'notify.achievement_approved': {
    zh: '您的成果“{title}”已通过审核',
    en: 'Your achievement “{title}” was approved',
  },
  'notify.achievement_approved_note': {
    zh: '您的成果“{title}”已通过审核，审核意见：{note}',
    en: 'Your achievement “{title}” was approved, with the comment: {note}',
  },
  'notify.achievement_returned': {
    zh: '您的成果“{title}”被退回修改：{note}',
    en: 'Your achievement “{title}” was returned for changes: {note}',
  },
  'notify.deal_registered': {
    zh: '技术合同“{projectName}”已认定登记，登记编号 {registrationNo}',
    en: 'The technology contract “{projectName}” was registered as {registrationNo}',
  },
  'notify.deal_confirm_requested': {
    zh: '{from} 请贵单位确认签订技术合同“{projectName}”',
    en: '{from} asks your organisation to confirm the technology contract “{projectName}”',
  },
  'notify.deal_signed': {
    zh: '技术合同“{projectName}”双方均已确认签订，待卖方所在地认定登记',
    en: 'Both parties confirmed the technology contract “{projectName}”; it awaits registration',
  },
  'notify.deal_refused': {
    zh: '{from} 拒绝签订技术合同“{projectName}”：{reason}',
    en: '{from} refused the technology contract “{projectName}”: {reason}',
  },
  'notify.registration_submitted': {
    zh: '{orgName}（{creditCode}）申请注册平台账号，待您审核',
    en: '{orgName} ({creditCode}) applied for a platform account, awaiting your review',
  },
  'notify.registration_approved': {
    zh: '{displayName}，您为{orgName}提交的注册申请已通过审核。请使用用户名 {username} 和注册时设置的密码登录；您是本单位的账号管理员，可为同事开通账号。',
    en: '{displayName}, your application for {orgName} was approved. Sign in as {username} with the password you chose; you manage your organisation’s accounts and can add colleagues.',
  },
  'notify.registration_rejected': {
    zh: '{displayName}，您为{orgName}提交的注册申请未通过审核，原因：{reason}',
    en: '{displayName}, your application for {orgName} was not approved. Reason: {reason}',
  },
  'notify.password_reset': {
    zh: '有人为账号 {username} 申请重置密码。如是您本人操作，请在 {minutes} 分钟内打开下面的链接设置新密码（链接只能使用一次）；如不是，请忽略本邮件，密码不会改变。',
    en: 'Someone asked to reset the password of the account {username}. If it was you, open the link below within {minutes} minutes to set a new one (it works once); if not, ignore this e-mail and nothing changes.',
  },
  'notify.email_subject': {
    zh: '光谷科创大走廊协同创新云平台通知',
    en: 'Notification from Corridor Cloud',
  },
});

export const notificationsErrors = defineMessages(['notification'], {
  'notification.not_found': {
    zh: '通知不存在',
    en: 'No such notification',
  },
});
