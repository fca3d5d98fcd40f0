import type { Park, PhaseView } from '@corridor/contracts';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../app/format';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useParkLabels, wan } from './labels';
import { PhaseFormModal } from './PhaseFormModal';

type RuleView = PhaseView['rules'][number];

/** The agreement's dated phases: governance, equity, and each rule in words. */
export function PhasesPanel({ park }: { park: Park }) {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const [editing, setEditing] = useState<PhaseView | 'new' | null>(null);
  const how = (r: RuleView) => {
    if (r.method === 'split')
      return r.ratios.map((x) => `${labels.city(x.cityCode)} ${x.percent}%`).join('，');
    if (r.method === 'to_party') return labels.city(r.toCity);
    if (r.method === 'double_count') return t('parks.fullBoth');
    if (r.method === 'shapley' && r.shapley)
      return Object.entries(r.shapley.values)
        .map(([c, v]) => `${labels.city(c)} ${wan(v)}`)
        .join('，');
    return '';
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {park.canEdit && (
        <Button type="primary" onClick={() => setEditing('new')} data-testid="phase-add">
          {t('parks.phase.add')}
        </Button>
      )}
      {park.phases.map((ph) => (
        <Card
          key={ph.id}
          size="small"
          title={`${formatDate(ph.startsOn)} — ${ph.endsOn ? formatDate(ph.endsOn) : t('parks.openEnded')} · ${pl.governance(ph.governance)}`}
          extra={
            park.canEdit && (
              <Button size="small" onClick={() => setEditing(ph)}>
                {t('parks.phase.edit')}
              </Button>
            )
          }
          data-testid="phase-card"
        >
          <Descriptions size="small" column={1}>
            {ph.equity.length > 0 && (
              <Descriptions.Item label={t('parks.equity')}>
                {ph.equity.map((e) => `${labels.city(e.cityCode)} ${e.percent}%`).join('，')}
              </Descriptions.Item>
            )}
            {ph.note && <Descriptions.Item label={t('parks.note')}>{ph.note}</Descriptions.Item>}
          </Descriptions>
          <Table
            // Wide tables scroll inside their card, never widen the page (390 px phones).
            scroll={{ x: 'max-content' }}
            rowKey="item"
            size="small"
            pagination={false}
            dataSource={ph.rules}
            columns={[
              { title: t('parks.item'), dataIndex: 'item', render: (v: string) => pl.item(v) },
              {
                title: t('parks.method'),
                dataIndex: 'method',
                render: (v: string) => pl.method(v),
              },
              { title: t('parks.base'), dataIndex: 'base', render: (v: string) => pl.base(v) },
              { title: t('parks.ratios'), render: (_, r) => how(r) },
            ]}
            expandable={{
              rowExpandable: (r) => !!r.shapley,
              expandedRowRender: (r) => (
                <>
                  <Typography.Text strong>{t('parks.shapley.title')}</Typography.Text>
                  <Table
                    // Wide tables scroll inside their card, never widen the page (390 px phones).
                    scroll={{ x: 'max-content' }}
                    size="small"
                    pagination={false}
                    rowKey={(m) => `${m.party}:${m.joined.join('+')}`}
                    dataSource={r.shapley?.marginals ?? []}
                    columns={[
                      {
                        title: t('parks.city'),
                        dataIndex: 'party',
                        render: (c: string) => labels.city(c),
                      },
                      {
                        title: t('parks.shapley.joined'),
                        dataIndex: 'joined',
                        render: (j: string[]) =>
                          j.length
                            ? j.map((c) => labels.city(c)).join('、')
                            : t('parks.shapley.alone'),
                      },
                      {
                        title: t('parks.shapley.before'),
                        dataIndex: 'before',
                        align: 'right',
                        render: wan,
                      },
                      {
                        title: t('parks.shapley.after'),
                        dataIndex: 'after',
                        align: 'right',
                        render: wan,
                      },
                      {
                        title: t('parks.shapley.weight'),
                        dataIndex: 'weight',
                        align: 'right',
                        render: (w: number) => w.toFixed(4),
                      },
                    ]}
                  />
                </>
              ),
            }}
          />
        </Card>
      ))}
      {editing && (
        <PhaseFormModal
          park={park}
          phase={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}
