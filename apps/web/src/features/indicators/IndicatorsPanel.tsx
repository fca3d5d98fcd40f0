import { EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { IndicatorYear } from '@corridor/contracts';
import { Button, Drawer, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { useLocale, useT } from '../../i18n';
import { type IndicatorYearList, useIndicatorHistory } from './api';
import { fieldLabel, sourceLabel, valueText } from './format';
import { IndicatorFormModal } from './IndicatorFormModal';

/** Rows of the yearly table, in reading order. */
const ROWS = [
  'revenue',
  'mainRevenue',
  'highTechIncome',
  'rdSpend',
  'rdSpendDomestic',
  'totalCosts',
  'totalAssets',
  'liabilities',
  'netAssets',
  'staff',
  'scienceStaff',
  'rdStaff',
  'conversions',
  'ip',
  'ipClassIInUse',
  'valuation',
  'listing',
  'equity',
  'awards',
  'rdInstitutions',
  'standards',
  'highTechField',
  'foundedOn',
];

function HistoryDrawer({
  orgId,
  year,
  onClose,
}: {
  orgId: number;
  year: number;
  onClose: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { data, isPending } = useIndicatorHistory(orgId, year);
  return (
    <Drawer open width={760} title={t('ind.historyTitle', { year })} onClose={onClose}>
      <Table
        size="small"
        rowKey="id"
        loading={isPending}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="indicator-history"
        columns={[
          { title: t('ind.changedAt'), dataIndex: 'changedAt', render: formatDateTime, width: 160 },
          {
            title: t('ind.field'),
            dataIndex: 'field',
            render: (f: string) => (f === '*' ? t('ind.wholeRecord') : fieldLabel(f, locale)),
          },
          {
            title: t('ind.oldValue'),
            render: (_, c) => valueText(c.field, c.oldValue, locale),
          },
          {
            title: t('ind.newValue'),
            render: (_, c) => valueText(c.field, c.newValue, locale),
          },
          {
            title: t('ind.source'),
            dataIndex: 'source',
            render: (s: string) => sourceLabel(s, locale),
          },
          {
            title: t('ind.changedBy'),
            dataIndex: 'changedBy',
            render: (b: string | null) => b ?? t('ind.system'),
          },
          { title: t('ind.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
        ]}
      />
    </Drawer>
  );
}

/** The yearly indicators (fields × years), each value with its provenance on hover. */
export function IndicatorsPanel({ orgId, list }: { orgId: number; list: IndicatorYearList }) {
  const t = useT();
  const { locale } = useLocale();
  const { data: me } = useMe();
  const [editing, setEditing] = useState<{
    year: IndicatorYear | null;
    mode: 'form' | 'correction';
  } | null>(null);
  const [history, setHistory] = useState<number | null>(null);
  // The enterprise corrects its figures with a reason; officials re-enter the year's form.
  const correcting = !!me?.roles.includes('enterprise');
  const { years, abilities } = list;

  const cell = (y: IndicatorYear, key: string) => {
    const value = (y.values as Record<string, unknown>)[key];
    const p = y.provenance[key];
    const text = valueText(key, value, locale);
    if (!p) return text;
    const who = p.changedBy ? ` · ${p.changedBy}` : '';
    return (
      <Tooltip title={`${sourceLabel(p.source, locale)}${who} · ${formatDateTime(p.changedAt)}`}>
        <span>{text}</span>
      </Tooltip>
    );
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {abilities.edit && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ year: null, mode: 'form' })}
          data-testid="indicator-add"
        >
          {t('ind.add')}
        </Button>
      )}
      {years.length === 0 ? (
        <Empty description={t('ind.noData')} />
      ) : (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: true }}
          data-testid="indicator-table"
          dataSource={ROWS.map((key) => ({ key }))}
          columns={[
            {
              title: t('ind.field'),
              dataIndex: 'key',
              fixed: 'left',
              render: (k: string) => fieldLabel(k, locale),
            },
            ...years.map((y) => ({
              key: String(y.year),
              title: (
                <Space size={4}>
                  <Typography.Text strong>{y.year}</Typography.Text>
                  {abilities.edit && (
                    <Tooltip title={correcting ? t('ind.correct') : t('common.edit')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        onClick={() =>
                          setEditing({ year: y, mode: correcting ? 'correction' : 'form' })
                        }
                        data-testid={`indicator-edit-${y.year}`}
                      />
                    </Tooltip>
                  )}
                  {abilities.history && (
                    <Tooltip title={t('ind.history')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<HistoryOutlined />}
                        onClick={() => setHistory(y.year)}
                        data-testid={`indicator-history-${y.year}`}
                      />
                    </Tooltip>
                  )}
                </Space>
              ),
              render: (_: unknown, row: { key: string }) => cell(y, row.key),
            })),
          ]}
        />
      )}
      {editing && (
        <IndicatorFormModal
          orgId={orgId}
          existing={editing.year}
          mode={editing.mode}
          onClose={() => setEditing(null)}
        />
      )}
      {history !== null && (
        <HistoryDrawer orgId={orgId} year={history} onClose={() => setHistory(null)} />
      )}
    </Space>
  );
}
