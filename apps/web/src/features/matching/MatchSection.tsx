import type { Match } from '@corridor/contracts';
import { Button, Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useIntroductions, useMatches } from './api';
import { type MatchRecord, matchPanels } from './decide';
import { EnterpriseMatches } from './EnterpriseMatches';
import { FeedbackCounts } from './FeedbackCounts';
import { IntroduceModal, type IntroducePair } from './IntroduceModal';
import { MatchError } from './MatchError';
import { ReasonTags } from './ReasonTags';

type MatchedRecord = MatchRecord & { id: number; title: string };

/**
 * "匹配推荐" on a demand's page (achievements that could solve it) or an achievement's page
 * (published demands that could use it). Brokers introduce the two parties from here. Shown,
 * and fetched, only for accounts whose role sees matches (decide.ts).
 */
export function MatchSection({ record }: { record: MatchedRecord }) {
  const { data: me } = useMe();
  const panels = matchPanels(me, record);
  if (!panels.matches) return null;
  return <MatchCard record={record} introduce={panels.introduce} feedback={panels.feedback} />;
}

function MatchCard(props: { record: MatchedRecord; introduce: boolean; feedback: boolean }) {
  const { record, introduce, feedback } = props;
  const t = useT();
  const labels = useLabels();
  const source = record.kind === 'demand' ? 'demands' : 'achievements';
  const { data, isPending, isError, error } = useMatches(source, record.id);
  // The broker's own open introductions: their pairs show as sent instead of a second button.
  const mine = useIntroductions(introduce);
  const [pair, setPair] = useState<IntroducePair | null>(null);
  const target = source === 'demands' ? 'achievements' : 'demands';

  const pairOf = (m: Match): IntroducePair =>
    record.kind === 'demand'
      ? {
          achievementId: m.id,
          achievementTitle: m.title,
          demandId: record.id,
          demandTitle: record.title,
        }
      : {
          achievementId: record.id,
          achievementTitle: record.title,
          demandId: m.id,
          demandTitle: m.title,
        };
  const pending = (p: IntroducePair) =>
    (mine.data?.items ?? []).some(
      (i) =>
        i.status === 'pending' && i.achievementId === p.achievementId && i.demandId === p.demandId,
    );

  const action = (m: Match) => {
    if (!introduce) return null;
    const p = pairOf(m);
    return pending(p) ? (
      <Tag color="processing">{t('matching.introducedPending')}</Tag>
    ) : (
      <Button size="small" onClick={() => setPair(p)}>
        {t('matching.introduce')}
      </Button>
    );
  };

  const list = isError ? (
    <MatchError error={error} />
  ) : (
    <List
      loading={isPending}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description={t('matching.none')} /> }}
      renderItem={(m) => (
        <List.Item extra={action(m)}>
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
      {feedback && <FeedbackCounts id={record.id} />}
      {source === 'achievements' ? (
        <Tabs
          items={[
            { key: 'demands', label: t('matching.tab.demands'), children: list },
            {
              key: 'enterprises',
              label: (
                <span data-testid="matching-tab-enterprises">{t('matching.tab.enterprises')}</span>
              ),
              children: <EnterpriseMatches id={record.id} />,
            },
          ]}
        />
      ) : (
        list
      )}
      {pair && <IntroduceModal pair={pair} onClose={() => setPair(null)} />}
    </Card>
  );
}
