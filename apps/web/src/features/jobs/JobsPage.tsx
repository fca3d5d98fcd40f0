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

/** What a run did, in the reader's language; a failure's own text is the diagnostic for admins. */
function RunOutcome({ run }: { run: JobRun }) {
  const t = useT();
  if (run.error) return <Typography.Text type="danger">{run.error}</Typography.Text>;
  return run.handled === null ? null : <>{t('jobs.handled', { count: run.handled })}</>;
}

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
        if (r.status === 'succeeded') message.success(t('jobs.ran', { count: r.handled ?? 0 }));
        else message.error(r.error ?? t('jobs.status.failed'));
      },
      onError: (e) => message.error(errorText(e)),
    });

  const describe = (j: Job) => (locale === 'en' ? j.description.en : j.description.zh);
  const selectedJob = jobs.data?.items.find((j) => j.name === selected);

  const columns: TableColumnsType<Job> = [
    // The description names the job in the reader's language; the internal name is not shown.
    { title: t('jobs.name'), key: 'description', render: (_, j) => describe(j) },
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
            <RunOutcome run={j.lastRun} />
          </>
        ) : null,
    },
    { title: t('jobs.nextRun'), dataIndex: 'nextRunAt', render: (v) => formatDateTime(v) },
    {
      key: 'actions',
      render: (_, j) => (
        <Button
          data-testid={`job-run-${j.name}`}
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
    { title: t('jobs.summary'), key: 'summary', render: (_, r) => <RunOutcome run={r} /> },
  ];

  return (
    <Card title={t('jobs.title')}>
      <Table<Job>
        rowKey="name"
        loading={jobs.isLoading}
        dataSource={jobs.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(j) => ({ onClick: () => setSelected(j.name) })}
      />
      {selected && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('jobs.recentRuns')}: {selectedJob ? describe(selectedJob) : ''}
          </Typography.Title>
          <Table<JobRun>
            rowKey="id"
            loading={runs.isLoading}
            dataSource={runs.data?.items ?? []}
            columns={runColumns}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="job-runs"
            size="small"
          />
        </>
      )}
    </Card>
  );
}
