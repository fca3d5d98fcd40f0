import { DECLINE_REASONS } from '@corridor/contracts';
import { Alert, Space, Tag } from 'antd';
import { can, useMe } from '../../app/auth';
import { type MessageKey, useT } from '../../i18n';
import { useFeedback } from './api';

/** Why buyers declined this achievement, counted per reason (owners and officials only). */
export function FeedbackCounts({ id }: { id: number }) {
  const t = useT();
  const { data: me } = useMe();
  const { data } = useFeedback(id, can(me, 'market.own') || can(me, 'market.curate'));
  if (!data) return null; // not the owner (403) or not loaded yet
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type="info"
      message={t('matching.feedback', { pending: data.pending, accepted: data.accepted })}
      description={
        <Space direction="vertical" size={4}>
          <Space size={[4, 4]} wrap>
            {DECLINE_REASONS.map((r) => (
              <Tag key={r}>
                {t(`matching.decline.${r}` as MessageKey)}:{' '}
                {data.declined.find((d) => d.reason === r)?.count ?? 0}
              </Tag>
            ))}
          </Space>
          <Space size={[4, 4]} wrap>
            <span>{t('matching.abandoned')}</span>
            {DECLINE_REASONS.map((r) => (
              <Tag key={r} color="orange">
                {t(`matching.decline.${r}` as MessageKey)}:{' '}
                {data.abandoned.find((d) => d.reason === r)?.count ?? 0}
              </Tag>
            ))}
          </Space>
        </Space>
      }
    />
  );
}
