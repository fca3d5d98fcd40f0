import { Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useEnterpriseMatches } from './api';
import { MatchError } from './MatchError';
import { ReasonTags } from './ReasonTags';

/**
 * The enterprises that could use an achievement: one line each, with its best-matching demand.
 * Rendered inside MatchSection, which has already decided that this account sees matches.
 */
export function EnterpriseMatches({ id }: { id: number }) {
  const t = useT();
  const labels = useLabels();
  const { data, isPending, isError, error } = useEnterpriseMatches(id, true);
  if (isError) return <MatchError error={error} />;
  return (
    <List
      data-testid="matching-enterprises"
      loading={isPending}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description={t('matching.none')} /> }}
      renderItem={(e) => (
        <List.Item>
          <Space orientation="vertical" size={4}>
            <Space wrap>
              <Tag color="cyan">{t('matching.score', { score: e.score })}</Tag>
              <Typography.Text strong>{e.org.name}</Typography.Text>
              <Typography.Text type="secondary">
                {labels.city(e.regionCode)}
                {e.industry ? ` · ${labels.industry(e.industry)}` : ''}
              </Typography.Text>
            </Space>
            <span>
              {t('matching.viaDemand')}{' '}
              <Link to={`/app/market/demands/${e.demandId}`}>{e.demandTitle}</Link>
            </span>
            <ReasonTags reasons={e.reasons} />
          </Space>
        </List.Item>
      )}
    />
  );
}
