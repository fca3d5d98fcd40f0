import type { Match } from '@corridor/contracts';
import { App, Button, Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { type MatchSource, useIntroduce, useMatches } from './api';
import { EnterpriseMatches } from './EnterpriseMatches';
import { FeedbackCounts } from './FeedbackCounts';
import { ReasonTags } from './ReasonTags';

/**
 * "匹配推荐" on a demand's page (achievements that could solve it) or an achievement's page
 * (published demands that could use it). Brokers introduce the two parties from here.
 */
export function MatchSection({ source, id }: { source: MatchSource; id: number }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data, isPending, isError, error } = useMatches(source, id);
  const introduce = useIntroduce();
  const broker = can(me, 'matching.broker');
  const target = source === 'demands' ? 'achievements' : 'demands';

  const onIntroduce = (m: Match) => {
    const body =
      source === 'demands'
        ? { achievementId: m.id, demandId: id, note: '' }
        : { achievementId: id, demandId: m.id, note: '' };
    introduce.mutate(body, {
      onSuccess: () => void message.success(t('matching.introduced')),
      onError: (e) => void message.error(errorText(e)),
    });
  };

  const list = isError ? (
    <Typography.Text type="danger">{errorText(error)}</Typography.Text>
  ) : (
    <List
      loading={isPending}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description={t('matching.none')} /> }}
      renderItem={(m) => (
        <List.Item
          extra={
            broker ? (
              <Button size="small" loading={introduce.isPending} onClick={() => onIntroduce(m)}>
                {t('matching.introduce')}
              </Button>
            ) : null
          }
        >
          <Space orientation="vertical" size={4}>
            <Space wrap>
              <Tag color="cyan">{t('matching.score', { score: m.score })}</Tag>
              <Link to={`/app/market/${target}/${m.id}`}>{m.title}</Link>
              <Typography.Text type="secondary">
                {m.org.name} · {labels.city(m.regionCode)}
              </Typography.Text>
            </Space>
            <ReasonTags reasons={m.reasons} />
          </Space>
        </List.Item>
      )}
    />
  );

  return (
    <Card title={t('matching.title')} style={{ marginTop: 16 }} data-testid="matching-section">
      {source === 'achievements' && <FeedbackCounts id={id} />}
      {source === 'achievements' ? (
        <Tabs
          items={[
            { key: 'demands', label: t('matching.tab.demands'), children: list },
            {
              key: 'enterprises',
              label: (
                <span data-testid="matching-tab-enterprises">{t('matching.tab.enterprises')}</span>
              ),
              children: <EnterpriseMatches id={id} />,
            },
          ]}
        />
      ) : (
        list
      )}
    </Card>
  );
}
