import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Demand } from '@corridor/contracts';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  type DescriptionsProps,
  Popconfirm,
  Space,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { RecordGate } from '../../app/status';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { MatchSection } from '../matching/MatchSection';
import { useDemand, useMarketStep } from './api';
import { DemandFormModal } from './DemandFormModal';
import { STATUS_COLORS, useMarketLabels } from './labels';

export default function DemandPage() {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const { data: d, ...query } = useDemand(id);
  const step = useMarketStep<Demand>('demands', id);
  const [editing, setEditing] = useState(false);
  const [openCall, setOpenCall] = useState(false);

  const back = (
    <Link to="/app/market?kind=demands">
      <Button icon={<ArrowLeftOutlined />}>{t('market.back')}</Button>
    </Link>
  );
  if (!d) return <RecordGate id={id} query={query} back={back} notFound={t('market.notFound')} />;

  const run = (name: string, body: Record<string, unknown> = {}) =>
    step.mutate(
      { step: name, body: { version: d.version, ...body } },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (e) => void message.error(errorText(e)),
      },
    );

  const items: DescriptionsProps['items'] = [
    { key: 'org', label: t('market.f.org'), children: d.org.name },
    { key: 'city', label: t('org.city'), children: labels.city(d.regionCode) },
    { key: 'field', label: t('market.f.field'), children: m.field(d.field) },
    { key: 'industry', label: t('org.industry'), children: labels.industry(d.industry) },
    { key: 'budget', label: t('market.f.budget'), children: m.price(d.budgetWan) },
    { key: 'deadline', label: t('market.deadline'), children: d.deadline },
    {
      key: 'description',
      label: t('market.f.description'),
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.description}</span>,
    },
    {
      key: 'status',
      label: t('market.f.status'),
      children: <Tag color={STATUS_COLORS[d.status]}>{m.status(d.status)}</Tag>,
    },
    { key: 'published', label: t('market.f.publishedAt'), children: formatDateTime(d.publishedAt) },
  ];

  return (
    <Card
      title={d.title}
      extra={
        <Space wrap>
          {back}
          {d.abilities.update && (
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          )}
          {d.abilities.publish && (
            <>
              <Checkbox checked={openCall} onChange={(e) => setOpenCall(e.target.checked)}>
                {t('market.f.openCall')}
              </Checkbox>
              <Button
                type="primary"
                loading={step.isPending}
                onClick={() => run('publish', { openCall })}
              >
                {t('market.action.publish')}
              </Button>
            </>
          )}
          {d.abilities.close && (
            <Popconfirm title={t('market.confirmClose')} onConfirm={() => run('close')}>
              <Button loading={step.isPending}>{t('market.action.close')}</Button>
            </Popconfirm>
          )}
          {d.abilities.update && (
            <Popconfirm title={t('market.confirmWithdraw')} onConfirm={() => run('withdraw')}>
              <Button danger loading={step.isPending}>
                {t('market.action.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {d.openCall && (
        <Tag color="magenta" style={{ marginBottom: 12 }}>
          {t('market.f.openCall')}
        </Tag>
      )}
      <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} />
      <MatchSection record={{ ...d, kind: 'demand' }} />
      {editing && (
        <DemandFormModal
          demand={d}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
