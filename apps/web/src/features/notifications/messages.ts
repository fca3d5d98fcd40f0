/** The inbox: the header bell and the notifications page (zh-CN source and en side by side). */
import { defineMessages } from '@corridor/contracts';

export const notificationsMessages = defineMessages(['notifications'], {
  'notifications.title': { zh: '消息通知', en: 'Notifications' },
  'notifications.bell': { zh: '消息通知（{count} 条未读）', en: 'Notifications ({count} unread)' },
  'notifications.empty': { zh: '暂无通知', en: 'No notifications' },
  'notifications.unreadOnly': { zh: '只看未读', en: 'Unread only' },
  'notifications.markRead': { zh: '标为已读', en: 'Mark read' },
  'notifications.markAllRead': { zh: '全部标为已读', en: 'Mark all read' },
  'notifications.viewAll': { zh: '查看全部通知', en: 'All notifications' },
  'notifications.open': { zh: '查看', en: 'Open' },
  'notifications.unread': { zh: '未读', en: 'Unread' },
  'notifications.time': { zh: '时间', en: 'Time' },
  'notifications.message': { zh: '内容', en: 'Message' },
  'notifications.intro': {
    zh: '洽谈留言与报价、成果审核结果、合同登记等与您相关的动态。待您答复的报价数另见菜单“成果洽谈”旁的角标。',
    en: 'What concerns you: negotiation messages and offers, review results of your achievements, contract registrations. Offers awaiting your answer are also counted beside “Negotiations” in the menu.',
  },
});
