import { ArrowLeftOutlined } from '@ant-design/icons';
import type { DealType, NegotiationDetail, NegotiationEntry } from '@corridor/contracts';
import { App, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { RecordGate } from '../../app/status';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { AbandonModal } from './AbandonModal';
import { useNegotiation, useNegotiationStep } from './api';
import { Composer } from './Composer';
import { ContractFromNegotiationModal } from './ContractFromNegotiationModal';
import { NEGOTIATION_STATUS_COLORS, SIDE_COLORS } from './labels';

/** One negotiation: the thread, the composer, accepting an offer, abandoning, the contract. */
export default function NegotiationPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { data: n, ...query } = useNegotiation(id);
  const back = (
    <Link to="/app/negotiations">
      <Button icon={<ArrowLeftOutlined />}>{t('neg.back')}</Button>
    </Link>
  );
  if (!n) return <RecordGate id={id} query={query} back={back} notFound={t('neg.notFound')} />;
  return <Thread n={n} back={back} />;
}

function Thread({ n, back }: { n: NegotiationDetail; back: React.ReactNode }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const step = useNegotiationStep(n.id);
  const [abandoning, setAbandoning] = useState(false);
  const [contracting, setContracting] = useState(false);
  const agreed = n.entries.find((e) => e.id === n.agreedEntryId)?.offer ?? null;
  const party = (p: NegotiationDetail['seller']) => `${p.name}（${labels.city(p.city)}）`;

  const accept = (entryId: number) =>
    step.mutate(
      { step: 'accept', body: { entryId, version: n.version } },
      {
        onSuccess: () => void message.success(t('neg.agreedNow')),
        onError: (e) => void message.error(errorText(e)),
      },
    );

  return (
    <Card
      title={
        <Space>
          {t('neg.thread')}
          <Tag color={NEGOTIATION_STATUS_COLORS[n.status]} data-testid="neg-status">
            {t(`neg.status.${n.status}` as MessageKey)}
          </Tag>
        </Space>
      }
      extra={
        <Space wrap>
          {back}
          {n.abilities.contract && (
            <Button type="primary" onClick={() => setContracting(true)} data-testid="neg-contract">
              {t('neg.makeContract')}
            </Button>
          )}
          {n.dealId !== null && (
            <Link to="/app/deals">
              <Button>{t('neg.viewContract')}</Button>
            </Link>
          )}
          {n.abilities.abandon && (
            <Button danger onClick={() => setAbandoning(true)}>
              {t('neg.abandon')}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('neg.achievement')} span={2}>
          <Link to={`/app/market/achievements/${n.achievementId}`}>{n.achievementTitle}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.seller')}>{party(n.seller)}</Descriptions.Item>
        <Descriptions.Item label={t('deals.buyer')}>{party(n.buyer)}</Descriptions.Item>
        {n.brokerName && (
          <Descriptions.Item label={t('neg.broker')}>{n.brokerName}</Descriptions.Item>
        )}
        {agreed && (
          <Descriptions.Item label={t('neg.agreedTerms')} span={2}>
            <OfferText offer={agreed} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <List<NegotiationEntry>
        style={{ marginTop: 16 }}
        dataSource={n.entries}
        locale={{ emptyText: t('neg.noEntries') }}
        data-testid="neg-entries"
        renderItem={(e) => (
          <List.Item
            actions={
              n.abilities.acceptEntryId === e.id
                ? [
                    <Button
                      key="accept"
                      type="primary"
                      size="small"
                      loading={step.isPending}
                      onClick={() => accept(e.id)}
                      data-testid="neg-accept"
                    >
                      {t('neg.accept')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={SIDE_COLORS[e.side]}>{t(`neg.side.${e.side}` as MessageKey)}</Tag>
                  <span>{e.authorName}</span>
                  <Typography.Text type="secondary">{formatDateTime(e.createdAt)}</Typography.Text>
                  {e.kind !== 'message' && <Tag>{t(`neg.kind.${e.kind}` as MessageKey)}</Tag>}
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  {e.text && <span style={{ whiteSpace: 'pre-wrap' }}>{e.text}</span>}
                  {e.offer && <OfferText offer={e.offer} />}
                  {e.reason && <span>{t(`matching.decline.${e.reason}` as MessageKey)}</span>}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      {n.abilities.write && (
        <Card size="small" style={{ marginTop: 16 }}>
          <Composer id={n.id} canOffer={n.abilities.offer} />
        </Card>
      )}
      {abandoning && (
        <AbandonModal id={n.id} version={n.version} onClose={() => setAbandoning(false)} />
      )}
      {contracting && agreed && (
        <ContractFromNegotiationModal
          negotiation={n}
          type={agreed.type as DealType}
          defaults={{ projectName: n.achievementTitle }}
          onClose={() => setContracting(false)}
        />
      )}
    </Card>
  );
}

function OfferText({ offer }: { offer: NonNullable<NegotiationEntry['offer']> }) {
  const t = useT();
  return (
    <Typography.Text strong data-testid="neg-offer">
      {t(`deals.type.${offer.type}` as MessageKey)} · {t('deals.amount')} {offer.totalAmountWan} ·{' '}
      {t('deals.techAmount')} {offer.techAmountWan}
    </Typography.Text>
  );
}
