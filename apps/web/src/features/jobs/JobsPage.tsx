import { PlayCircleOutlined } from '@ant-design/icons';
import type { Job, JobRun } from '@corridor/contracts';
import { App, Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useLocale, useT } from '../../i18n';
import { useJobRuns, useJobs, useRunJob } from './api';

const STATUS_COLOR: Record<JobRun['status'], string> = {
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
};

function StatusTag({ status }: { status: JobRun['status'] }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{t(`jobs.status.${status}`)}</Tag>;
}

export default function JobsPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const jobs = useJobs();
  const run = useRunJob();
  const [selected, setSelected] = useState<string | null>(null);
  const runs = useJobRuns(selected);

  const runNow = (name: string) =>
    run.mutate(name, {
      onSuccess: (r) => {
        setSelected(name);
        if (r.status === 'succeeded') message.success(t('jobs.ran', { summary: r.summary ?? '' }));
        else message.error(r.error ?? t('jobs.status.failed'));
      },
      onError: (e) => message.error(errorText(e)),
    });

  const columns: TableColumnsType<Job> = [
    { title: t('jobs.name'), dataIndex: 'name', render: (v: string) => <code>{v}</code> },
    {
      title: t('jobs.description'),
      key: 'description',
      render: (_, j) => (locale === 'en' ? j.description.en : j.description.zh),
    },
    { title: t('jobs.schedule'), dataIndex: 'schedule', render: (v: string) => <code>{v}</code> },
    {
      title: t('jobs.lastRun'),
      key: 'lastRun',
      render: (_, j) => (j.lastRun ? formatDateTime(j.lastRun.startedAt) : t('jobs.never')),
    },
    {
      title: t('jobs.outcome'),
      key: 'outcome',
      render: (_, j) =>
        j.lastRun ? (
          <>
            <StatusTag status={j.lastRun.status} />
            {j.lastRun.error ?? j.lastRun.summary}
          </>
        ) : null,
    },
    { title: t('jobs.nextRun'), dataIndex: 'nextRunAt', render: (v) => formatDateTime(v) },
    {
      key: 'actions',
      render: (_, j) => (
        <Button
          icon={<PlayCircleOutlined />}
          loading={run.isPending && run.variables === j.name}
          onClick={(e) => {
            e.stopPropagation();
            runNow(j.name);
          }}
        >
          {t('jobs.runNow')}
        </Button>
      ),
    },
  ];

  const runColumns: TableColumnsType<JobRun> = [
    { title: t('jobs.startedAt'), dataIndex: 'startedAt', render: (v) => formatDateTime(v) },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: (v) => formatDateTime(v) },
    { title: t('jobs.outcome'), dataIndex: 'status', render: (v) => <StatusTag status={v} /> },
    { title: t('jobs.attempt'), dataIndex: 'attempt' },
    {
      title: t('jobs.trigger'),
      dataIndex: 'trigger',
      render: (v: JobRun['trigger']) => t(`jobs.trigger.${v}`),
    },
    { title: t('jobs.summary'), key: 'summary', render: (_, r) => r.error ?? r.summary },
  ];

  return (
    <Card title={t('jobs.title')}>
      <Table<Job>
        rowKey="name"
        loading={jobs.isLoading}
        dataSource={jobs.data?.items ?? []}
        columns={columns}
        pagination={false}
        onRow={(j) => ({ onClick: () => setSelected(j.name) })}
      />
      {selected && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('jobs.recentRuns')}: <code>{selected}</code>
          </Typography.Title>
          <Table<JobRun>
            rowKey="id"
            loading={runs.isLoading}
            dataSource={runs.data?.items ?? []}
            columns={runColumns}
            pagination={false}
            size="small"
          />
        </>
      )}
    </Card>
  );
}
