import { ArrowLeftOutlined } from '@ant-design/icons';
import { chinaDate, closableMinute, correctionPeriod, type Edition } from '@corridor/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Popconfirm,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../app/api';
import { DateInput } from '../../app/DateInput';
import { formatDateTime } from '../../app/format';
import { RecordGate } from '../../app/status';
import { type MessageKey, useT } from '../../i18n';
import { useEdition, useEditionStep, useMethod } from './api';
import { StatusTag, useScopeText } from './EditionList';
import { EntriesTable } from './EntriesTable';
import { EditionTechnicalFacts, VerificationCard } from './VerificationCard';
import { WindowPanel } from './WindowPanel';

/** The first planned end a window opened now may have: today (China) plus the minimum. */
function earliestEnd(minDays: number) {
  return chinaDate(Date.now() + minDays * 86_400_000);
}

/** 公示期 as it ran (YYYY-MM-DD), or until its planned end while it is still open. */
function usePeriodText() {
  const t = useT();
  return (edition: Edition) => {
    const p = correctionPeriod(edition);
    if (!p) return '—';
    return t(p.planned ? 'ranking.periodPlanned' : 'ranking.periodActual', {
      from: p.from,
      to: p.to,
    });
  };
}

/** The publisher's stage buttons: open the window (until a date), close it, publish. */
function StageActions({ edition }: { edition: Edition }) {
  const t = useT();
  const { message } = App.useApp();
  const step = useEditionStep(edition.id);
  const [closesOn, setClosesOn] = useState(earliestEnd(edition.minCorrectionDays));
  const run = (name: string, body?: object) =>
    step.mutate(
      { step: name, version: edition.version, body },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  const a = edition.abilities;
  return (
    <Space wrap>
      {a.openWindow && (
        <Space.Compact title={t('ranking.minWindowHint', { days: edition.minCorrectionDays })}>
          <DateInput
            value={closesOn}
            allowClear={false}
            // Not before the minimum window: earlier days cannot be picked.
            disabledDate={(d) => d.format('YYYY-MM-DD') < earliestEnd(edition.minCorrectionDays)}
            onChange={setClosesOn}
            aria-label={t('ranking.closesOn')}
            data-testid="window-closes-on"
            style={{ width: 150 }}
          />
          <Button
            type="primary"
            loading={step.isPending}
            onClick={() => run('open-window', { closesOn })}
            data-testid="open-window"
          >
            {t('ranking.openWindow')}
          </Button>
        </Space.Compact>
      )}
      {a.edit && edition.status === 'correction' && !a.closeWindow && (
        // Not before the window has run its minimum: say from when.
        <Space size={8}>
          <Typography.Text type="secondary" data-testid="window-closable-from">
            {t('ranking.closableFrom', {
              days: edition.minCorrectionDays,
              at: edition.windowClosableAt ? closableMinute(edition.windowClosableAt) : '—',
            })}
          </Typography.Text>
          <Button disabled>{t('ranking.closeWindow')}</Button>
        </Space>
      )}
      {a.closeWindow && (
        <Popconfirm title={t('ranking.confirmClose')} onConfirm={() => run('close-window')}>
          <Button loading={step.isPending} data-testid="close-window">
            {t('ranking.closeWindow')}
          </Button>
        </Popconfirm>
      )}
      {edition.status === 'closed' && a.decideCorrections && (
        <Popconfirm
          title={t('ranking.confirmPublish')}
          onConfirm={() => run('publish')}
          disabled={!a.publish}
        >
          <Button
            type="primary"
            danger
            disabled={!a.publish}
            loading={step.isPending}
            data-testid="publish-edition"
          >
            {t('ranking.publish')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** One edition: what it is, how it is scored, its entries (or its correction window). */
export function EditionView({ basePath }: { basePath: string }) {
  const t = useT();
  const scopeText = useScopeText();
  const periodText = usePeriodText();
  const id = Number(useParams().id);
  const { data: edition, ...query } = useEdition(id);
  const method = useMethod(edition?.method.id ?? 0);
  const back = (
    <Link to={basePath}>
      <Button icon={<ArrowLeftOutlined />}>{t('ranking.backToList')}</Button>
    </Link>
  );
  if (!edition)
    return <RecordGate id={id} query={query} back={back} notFound={t('ranking.notFound')} />;

  const c = edition.corrections;
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('ranking.statusLabel'),
      children: <StatusTag status={edition.status} />,
    },
    { key: 'year', label: t('ranking.year'), children: edition.year },
    { key: 'scope', label: t('ranking.scope'), children: scopeText(edition) },
    {
      key: 'method',
      label: t('ranking.method'),
      children: t('ranking.methodWithVersion', {
        name: edition.method.name,
        n: edition.method.version,
      }),
    },
    { key: 'publisher', label: t('ranking.publisher'), children: edition.publisherName },
    { key: 'count', label: t('ranking.entryCount'), children: edition.entryCount },
    {
      key: 'window',
      label: t('ranking.window'),
      children: <span data-testid="edition-period">{periodText(edition)}</span>,
    },
    {
      key: 'corrections',
      label: t('ranking.corrections'),
      children: t('ranking.correctionCounts', c),
    },
    {
      key: 'published',
      label: t('ranking.publishedAt'),
      children: formatDateTime(edition.publishedAt),
    },
  ];
  const indicators = method.data?.indicators ?? [];

  return (
    <>
      <Card
        title={edition.title}
        extra={
          <Space>
            {back}
            <StageActions edition={edition} />
          </Space>
        }
        data-testid="edition-detail"
      >
        {edition.status === 'closed' && c.pending > 0 && edition.abilities.decideCorrections && (
          <Alert
            type="warning"
            showIcon
            title={t('ranking.pendingBeforePublish', { n: c.pending })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
        <Table
          style={{ marginTop: 16 }}
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={indicators}
          title={() =>
            `${t('ranking.recipe')} · ${t(`ranking.normalisation.${method.data?.normalisation ?? 'minmax'}` as MessageKey)}`
          }
          columns={[
            { title: t('ranking.indicator'), dataIndex: 'label' },
            {
              title: t('ranking.direction'),
              dataIndex: 'direction',
              render: (d: string) => t(`ranking.direction.${d}` as MessageKey),
            },
            {
              title: t('ranking.weight'),
              dataIndex: 'weight',
              render: (w: number) => `${Math.round(w * 1000) / 10}%`,
            },
          ]}
        />
        {/* Published: the signature card below carries these with the signature. */}
        {edition.status !== 'published' && <EditionTechnicalFacts edition={edition} />}
      </Card>
      {edition.status === 'published' ? (
        <>
          <Card title={t('ranking.entries')} style={{ marginTop: 16 }}>
            <EntriesTable edition={edition} method={method.data} />
          </Card>
          <VerificationCard edition={edition} />
        </>
      ) : (
        <WindowPanel edition={edition} method={method.data} />
      )}
    </>
  );
}

export default function EditionDetailPage() {
  return <EditionView basePath="/app/rankings" />;
}
