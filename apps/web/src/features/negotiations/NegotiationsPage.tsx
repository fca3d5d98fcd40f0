import {
  NEGOTIATION_STATUSES,
  type Negotiation,
  type NegotiationStatus,
} from '@corridor/contracts';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useNegotiations } from './api';
import { NEGOTIATION_STATUS_COLORS } from './labels';

/** The caller's negotiations (as seller, buyer or broker), newest activity first. */
export default function NegotiationsPage() {
  const t = useT();
  const labels = useLabels();
  const [status, setStatus] = useState<NegotiationStatus | undefined>();
  const list = useNegotiations(status);
  const party = (p: Negotiation['seller']) => `${p.name}（${labels.city(p.city)}）`;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('neg.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('neg.intro')}</Typography.Paragraph>
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t('deals.status')}
        value={status}
        onChange={setStatus}
        options={NEGOTIATION_STATUSES.map((s) => ({
          value: s,
          label: t(`neg.status.${s}` as MessageKey),
        }))}
      />
      <Table<Negotiation>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          {
            title: t('neg.achievement'),
            render: (_, n) => <Link to={`/app/negotiations/${n.id}`}>{n.achievementTitle}</Link>,
          },
          { title: t('deals.seller'), render: (_, n) => party(n.seller) },
          { title: t('deals.buyer'), render: (_, n) => party(n.buyer) },
          { title: t('neg.broker'), render: (_, n) => n.brokerName ?? '—' },
          {
            title: t('neg.mySide'),
            render: (_, n) => (n.mySide ? t(`neg.side.${n.mySide}` as MessageKey) : '—'),
          },
          {
            title: t('deals.status'),
            render: (_, n) => (
              <Space size={4}>
                <Tag color={NEGOTIATION_STATUS_COLORS[n.status]}>
                  {t(`neg.status.${n.status}` as MessageKey)}
                </Tag>
                {n.abilities.acceptEntryId !== null && (
                  <Tag color="red">{t('neg.offerWaiting')}</Tag>
                )}
              </Space>
            ),
          },
          { title: t('neg.updatedAt'), render: (_, n) => formatDateTime(n.updatedAt) },
        ]}
      />
    </Space>
  );
}
