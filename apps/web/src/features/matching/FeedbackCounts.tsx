import { DECLINE_REASONS } from '@corridor/contracts';
import { Alert, Space, Tag } from 'antd';
import { type MessageKey, useT } from '../../i18n';
import { useFeedback } from './api';

/**
 * Why buyers declined this achievement, counted per reason. Rendered only for its owners and
 * officials (the caller decides with matchPanels); a refusal in a race shows nothing.
 */
export function FeedbackCounts({ id }: { id: number }) {
  const t = useT();
  const { data } = useFeedback(id, true);
  if (!data) return null; // not loaded yet, or refused
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type="info"
      title={t('matching.feedback', { pending: data.pending, accepted: data.accepted })}
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
