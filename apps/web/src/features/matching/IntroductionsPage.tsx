import type { Introduction } from '@corridor/contracts';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { can, useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useT } from '../../i18n';
import { AnswerModal } from './AnswerModal';
import { useIntroductions } from './api';

const STATUS_COLORS = {
  pending: 'processing',
  accepted: 'success',
  declined: 'default',
  superseded: 'default',
} as const;

/** A broker's introductions and their outcomes; an owner's introductions to answer. */
export default function IntroductionsPage() {
  const t = useT();
  const { data: me } = useMe();
  const { data, isPending } = useIntroductions();
  const [answering, setAnswering] = useState<Introduction | null>(null);
  const owner = can(me, 'market.own') && !can(me, 'matching.broker');

  return (
    <Card title={t('matching.introductions')}>
      <Table<Introduction>
        rowKey="id"
        loading={isPending}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          {
            title: t('matching.col.achievement'),
            render: (_, r) => (
              <Link to={`/app/market/achievements/${r.achievementId}`}>{r.achievementTitle}</Link>
            ),
          },
          {
            title: t('matching.col.demand'),
            render: (_, r) => <Link to={`/app/market/demands/${r.demandId}`}>{r.demandTitle}</Link>,
          },
          { title: t('matching.col.note'), dataIndex: 'note' },
          {
            title: t('matching.col.status'),
            render: (_, r) => (
              <Tag color={STATUS_COLORS[r.status]}>
                {t(`matching.status.${r.status}` as MessageKey)}
                {r.reason ? ` · ${t(`matching.decline.${r.reason}` as MessageKey)}` : ''}
              </Tag>
            ),
          },
          { title: t('matching.col.reasonText'), render: (_, r) => r.reasonText ?? '' },
          {
            title: t('neg.title'),
            render: (_, r) =>
              r.negotiationId !== null ? (
                <Link to={`/app/negotiations/${r.negotiationId}`}>
                  {t('matching.toNegotiation')}
                </Link>
              ) : null,
          },
          { title: t('matching.col.createdAt'), render: (_, r) => formatDateTime(r.createdAt) },
          ...(owner
            ? [
                {
                  title: '',
                  render: (_: unknown, r: Introduction) =>
                    r.status === 'pending' ? (
                      <Button size="small" onClick={() => setAnswering(r)}>
                        {t('matching.answer')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {answering && <AnswerModal intro={answering} onClose={() => setAnswering(null)} />}
    </Card>
  );
}
