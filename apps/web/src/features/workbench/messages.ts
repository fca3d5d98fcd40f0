/** The workbench (我的工作台): to-dos, latest notifications, shortcuts (zh-CN and en). */
import { defineMessages } from '@corridor/contracts';

export const workbenchMessages = defineMessages(['workbench'], {
  'workbench.title': { zh: '我的工作台', en: 'My workbench' },
  'workbench.hello': { zh: '{name}，您好', en: 'Hello, {name}' },
  'workbench.todos': { zh: '待办事项', en: 'To do' },
  'workbench.noTodos': { zh: '暂无待办事项', en: 'Nothing waits for you' },
  'workbench.count': { zh: '{n} 项', en: '{n}' },
  'workbench.countMore': { zh: '{n} 项以上', en: '{n}+' },
  'workbench.todo.dealsToSign': {
    zh: '待本单位确认签订的技术合同',
    en: 'Contracts for your organisation to confirm',
  },
  'workbench.todo.dealsToRegister': { zh: '待认定登记的技术合同', en: 'Contracts to register' },
  'workbench.todo.offersWaiting': { zh: '待答复的洽谈报价', en: 'Offers awaiting your answer' },
  'workbench.todo.introsToAnswer': { zh: '待答复的技术经纪引荐', en: 'Introductions to answer' },
  'workbench.todo.reviews': { zh: '待审核的成果', en: 'Achievements to review' },
  'workbench.todo.registrations': { zh: '待审核的企业注册申请', en: 'Registrations to decide' },
  'workbench.notifications': { zh: '最新通知', en: 'Latest notifications' },
  'workbench.allNotifications': { zh: '全部通知', en: 'All notifications' },
  'workbench.noNotifications': { zh: '暂无通知', en: 'No notifications' },
  'workbench.shortcuts': { zh: '快捷入口', en: 'Shortcuts' },
  'workbench.todosFailed': { zh: '待办事项暂时无法加载', en: 'To-dos could not be loaded' },
});
