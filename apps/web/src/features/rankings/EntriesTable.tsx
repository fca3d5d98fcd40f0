import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DownloadOutlined,
  MinusOutlined,
} from '@ant-design/icons';
import type { Edition, Entry, RankingMethod, ScoredIndicator } from '@corridor/contracts';
import {
  Alert,
  App,
  Button,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { searchByLabel } from '../../app/forms';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { downloadEditionExcel, type RowQuery, useEntries } from './api';
import { rankingValueText } from './format';

export function Movement({ entry }: { entry: Pick<Entry, 'movement' | 'previousRank'> }) {
  const t = useT();
  if (entry.previousRank === null) return <Tag color="purple">{t('ranking.new')}</Tag>;
  const m = entry.movement ?? 0;
  if (m > 0)
    return (
      <Typography.Text type="success" aria-label={t('ranking.up', { n: m })}>
        <ArrowUpOutlined /> {m}
      </Typography.Text>
    );
  if (m < 0)
    return (
      <Typography.Text type="danger" aria-label={t('ranking.down', { n: -m })}>
        <ArrowDownOutlined /> {-m}
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary" aria-label={t('ranking.same')}>
      <MinusOutlined />
    </Typography.Text>
  );
}

const fmt = (v: number | null, dp = 4) => (v === null ? '—' : Number(v.toFixed(dp)).toString());

/** The score breakdown of one entry: value, normalised value, weighted points, provenance. */
function Breakdown({ entry, method }: { entry: Entry; method: RankingMethod | undefined }) {
  const t = useT();
  const { locale } = useLabels();
  const label = (key: string) => method?.indicators.find((i) => i.key === key)?.label ?? key;
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={entry.indicators}
      columns={[
        { title: t('ranking.indicator'), dataIndex: 'key', render: (k: string) => label(k) },
        {
          title: t('ranking.value'),
          dataIndex: 'value',
          render: (v: number | null, s: ScoredIndicator) => rankingValueText(s.key, v, locale),
        },
        { title: t('ranking.normalised'), dataIndex: 'normalised', render: (v: number) => fmt(v) },
        {
          title: t('ranking.contribution'),
          dataIndex: 'contribution',
          render: (v: number) => fmt(v),
        },
        {
          title: t('ranking.provenanceLabel'),
          dataIndex: 'provenance',
          render: (p: string) => t(`ranking.provenance.${p}` as MessageKey),
        },
      ]}
    />
  );
}

export function EntriesTable({ edition, method }: { edition: Edition; method?: RankingMethod }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [query, setQuery] = useState<RowQuery>({ page: 1, pageSize: 20 });
  const [exporting, setExporting] = useState(false);
  const entries = useEntries(edition.id, query, true);
  const set = (patch: Partial<RowQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadEditionExcel(edition.id, { city: query.city, industry: query.industry });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<Entry> = [
    { title: t('ranking.rank'), dataIndex: 'rank', width: 70 },
    {
      title: t('ranking.movement'),
      key: 'movement',
      width: 90,
      render: (_, e) => <Movement entry={e} />,
    },
    { title: t('ranking.enterprise'), dataIndex: 'name' },
    { title: t('org.creditCode'), dataIndex: 'creditCode', width: 190 },
    {
      title: t('org.city'),
      dataIndex: 'regionCode',
      width: 80,
      render: (v: string) => labels.city(v),
    },
    {
      title: t('org.industry'),
      dataIndex: 'industry',
      width: 160,
      render: (v: string | null) => labels.industry(v),
    },
    {
      title: t('ranking.total'),
      dataIndex: 'total',
      width: 90,
      render: (v: number) => <strong>{fmt(v, 2)}</strong>,
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('org.city')}
          options={labels.cityOptions}
          value={query.city}
          onChange={(v) => set({ city: v })}
          data-testid="entries-filter-city"
          {...searchByLabel}
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('org.industry')}
          options={labels.industryOptions}
          value={query.industry}
          onChange={(v) => set({ industry: v })}
          data-testid="entries-filter-industry"
          {...searchByLabel}
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('ranking.searchPlaceholder')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={exportExcel}
          data-testid="entries-export"
        >
          {t('ranking.export')}
        </Button>
      </Space>
      {entries.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(entries.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<Entry>
        rowKey="creditCode"
        size="middle"
        loading={entries.isFetching}
        columns={columns}
        dataSource={entries.data?.items ?? []}
        expandable={{ expandedRowRender: (e) => <Breakdown entry={e} method={method} /> }}
        data-testid="ranking-entries"
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: entries.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
      />
    </>
  );
}
