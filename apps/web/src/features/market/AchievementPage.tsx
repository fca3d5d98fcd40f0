import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Achievement } from '@corridor/contracts';
import {
  App,
  Button,
  Card,
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
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { FileLinks } from '../files/FileLinks';
import { MatchSection } from '../matching/MatchSection';
import { StartNegotiationButton } from '../negotiations/StartNegotiationButton';
import { AchievementFormModal } from './AchievementFormModal';
import { useAchievement, useMarketStep } from './api';
import { STATUS_COLORS, useMarketLabels } from './labels';
import { type ReviewDecision, ReviewModal } from './ReviewModal';

export default function AchievementPage() {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const { data: a, ...query } = useAchievement(id);
  const step = useMarketStep<Achievement>('achievements', id);
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState<ReviewDecision | null>(null);

  const back = (
    <Link to="/app/market">
      <Button icon={<ArrowLeftOutlined />}>{t('market.back')}</Button>
    </Link>
  );
  if (!a) return <RecordGate id={id} query={query} back={back} notFound={t('market.notFound')} />;

  // Success messages name what was done (已提交审核, 已发布 …), not a bare "saved".
  const run = (name: string, body: Record<string, unknown> = {}, decision?: ReviewDecision) =>
    step.mutate(
      { step: name, body: { version: a.version, ...body } },
      {
        onSuccess: () => void message.success(t(doneMessage(name, decision))),
        onError: (e) => void message.error(errorText(e)),
      },
    );

  const items: DescriptionsProps['items'] = [
    { key: 'org', label: t('market.f.org'), children: a.org.name },
    { key: 'city', label: t('org.city'), children: labels.city(a.regionCode) },
    { key: 'field', label: t('market.f.field'), children: m.field(a.field) },
    { key: 'industry', label: t('org.industry'), children: labels.industry(a.industry) },
    { key: 'trl', label: t('market.f.trl'), children: `TRL ${a.trl} · ${m.stage(a.stage)}` },
    {
      key: 'modes',
      label: t('market.f.modes'),
      children: a.transferModes.map((x) => m.mode(x)).join('、'),
    },
    { key: 'price', label: t('market.f.price'), children: m.price(a.priceWan) },
    {
      key: 'keywords',
      label: t('market.f.keywords'),
      children: a.keywords.map((k) => <Tag key={k}>{k}</Tag>),
    },
    {
      key: 'abstract',
      label: t('market.f.abstract'),
      span: 2,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.abstract}</span>,
    },
    {
      key: 'ip',
      label: t('market.f.ipItems'),
      span: 2,
      children: a.ipItems.length
        ? a.ipItems.map((i) => `${m.ipKind(i.kind)} ${i.number}`).join('；')
        : '—',
    },
    { key: 'inventors', label: t('market.f.inventors'), children: a.inventors.join('、') || '—' },
    {
      key: 'attachments',
      label: t('market.f.attachments'),
      children: <FileLinks files={a.attachments} />,
    },
    {
      key: 'status',
      label: t('market.f.status'),
      children: <Tag color={STATUS_COLORS[a.status]}>{m.status(a.status)}</Tag>,
    },
    { key: 'published', label: t('market.f.publishedAt'), children: formatDateTime(a.publishedAt) },
    ...(a.reviewNote
      ? [{ key: 'note', label: t('market.f.reviewNote'), span: 2, children: a.reviewNote }]
      : []),
  ];

  const busy = step.isPending;
  return (
    <Card
      title={a.title}
      extra={
        <Space wrap>
          {back}
          <StartNegotiationButton achievement={a} />
          {a.abilities.update && (
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          )}
          {a.abilities.submit && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => run('submit')}
              data-testid="market-submit"
            >
              {t('market.action.submit')}
            </Button>
          )}
          {a.abilities.review && (
            <>
              <Button type="primary" loading={busy} onClick={() => setReviewing('approve')}>
                {t('market.action.approve')}
              </Button>
              <Button danger onClick={() => setReviewing('return')}>
                {t('market.action.return')}
              </Button>
            </>
          )}
          {a.abilities.publish && (
            <Button type="primary" loading={busy} onClick={() => run('publish')}>
              {t('market.action.publish')}
            </Button>
          )}
          {a.abilities.feature && (
            <Button loading={busy} onClick={() => run('showcase', { featured: !a.showcase })}>
              {a.showcase ? t('market.action.unfeature') : t('market.action.feature')}
            </Button>
          )}
          {a.abilities.withdraw && (
            <Popconfirm title={t('market.confirmWithdraw')} onConfirm={() => run('withdraw')}>
              <Button danger loading={busy}>
                {t('market.action.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {a.showcase && (
        <Tag color="magenta" style={{ marginBottom: 12 }}>
          {t('market.featured')}
        </Tag>
      )}
      <Descriptions bordered column={{ xs: 1, md: 2 }} items={items} />
      {/* Shown (and fetched) only for listed records and roles that see matches. */}
      <MatchSection record={{ ...a, kind: 'achievement' }} />
      {editing && (
        <AchievementFormModal
          achievement={a}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {reviewing && (
        <ReviewModal
          decision={reviewing}
          title={a.title}
          busy={busy}
          onClose={() => setReviewing(null)}
          onDecide={(note) => {
            run('review', { decision: reviewing, ...(note ? { note } : {}) }, reviewing);
            setReviewing(null);
          }}
        />
      )}
    </Card>
  );
}

function doneMessage(step: string, decision?: ReviewDecision): MessageKey {
  if (step === 'review')
    return decision === 'return' ? 'market.done.returned' : 'market.done.approved';
  const known: Record<string, MessageKey> = {
    submit: 'market.done.submitted',
    publish: 'market.done.published',
    withdraw: 'market.done.withdrawn',
  };
  return known[step] ?? 'common.saved';
}
