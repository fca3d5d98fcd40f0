/** Scheduled jobs (zh-CN source and en side by side). */
import { defineMessages } from '@corridor/contracts';

export const jobsMessages = defineMessages(['jobs'], {
  'jobs.title': { zh: '定时任务', en: 'Scheduled jobs' },
  'jobs.name': { zh: '任务', en: 'Job' },
  'jobs.schedule': { zh: '计划（cron，北京时间）', en: 'Schedule (cron, China time)' },
  'jobs.lastRun': { zh: '上次运行', en: 'Last run' },
  'jobs.outcome': { zh: '结果', en: 'Outcome' },
  'jobs.nextRun': { zh: '下次运行', en: 'Next run' },
  'jobs.runNow': { zh: '立即运行', en: 'Run now' },
  'jobs.ran': { zh: '已运行，处理 {count} 条', en: 'Ran: {count} handled' },
  'jobs.handled': { zh: '处理 {count} 条', en: '{count} handled' },
  'jobs.never': { zh: '尚未运行', en: 'Never run' },
  'jobs.recentRuns': { zh: '最近运行记录', en: 'Recent runs' },
  'jobs.startedAt': { zh: '开始时间', en: 'Started' },
  'jobs.finishedAt': { zh: '结束时间', en: 'Finished' },
  'jobs.attempt': { zh: '第几次尝试', en: 'Attempt' },
  'jobs.trigger': { zh: '触发方式', en: 'Trigger' },
  'jobs.trigger.schedule': { zh: '按计划', en: 'Scheduled' },
  'jobs.trigger.manual': { zh: '手动', en: 'Manual' },
  'jobs.status.running': { zh: '运行中', en: 'Running' },
  'jobs.status.succeeded': { zh: '成功', en: 'Succeeded' },
  'jobs.status.failed': { zh: '失败', en: 'Failed' },
  'jobs.summary': { zh: '处理结果', en: 'Result' },
});
