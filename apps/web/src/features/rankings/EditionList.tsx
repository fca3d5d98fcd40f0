import { ToolOutlined } from '@ant-design/icons';
import { EDITION_STATUSES, type Edition, type EditionStatus } from '@corridor/contracts';
import {
  Alert,
  Button,
  Card,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { formatDate } from '../../app/format';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useEditions } from './api';

export const STATUS_COLOR: Record<EditionStatus, string> = {
  draft: 'default',
  correction: 'orange',
  closed: 'blue',
  published: 'green',
};

export function StatusTag({ status }: { status: EditionStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="edition-status">
      {t(`ranking.status.${status}` as MessageKey)}
    </Tag>
  );
}

/** "全走廊", or the city and/or industry the edition is limited to. */
export function useScopeText() {
  const t = useT();
  const labels = useLabels();
  return (e: Pick<Edition, 'city' | 'industry'>) =>
    [
      e.city ? labels.city(e.city) : t('ranking.wholeCorridor'),
      e.industry && labels.industry(e.industry),
    ]
      .filter(Boolean)
      .join(' · ');
}

/** Ranking editions: published ones for everyone; drafts and windows for those concerned. */
export function EditionList({ basePath }: { basePath: string }) {
  const t = useT();
  const scopeText = useScopeText();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const status = EDITION_STATUSES.find((s) => s === params.get('status'));
  const year = Number(params.get('year')) || undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const editions = useEditions({ status, year, page, pageSize: 20 });
  const set = (patch: Record<string, string | number | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    });

  const columns: TableColumnsType<Edition> = [
    {
      title: t('ranking.editionTitle'),
      dataIndex: 'title',
      render: (title: string, e) => <Link to={`${basePath}/${e.id}`}>{title}</Link>,
    },
    { title: t('ranking.year'), dataIndex: 'year', width: 80 },
    { title: t('ranking.scope'), key: 'scope', width: 180, render: (_, e) => scopeText(e) },
    {
      title: t('ranking.method'),
      key: 'method',
      render: (_, e) => `${e.method.name} v${e.method.version}`,
    },
    {
      title: t('ranking.statusLabel'),
      dataIndex: 'status',
      width: 110,
      render: (s: EditionStatus) => <StatusTag status={s} />,
    },
    { title: t('ranking.entryCount'), dataIndex: 'entryCount', width: 100 },
    {
      title: t('ranking.publishedAt'),
      dataIndex: 'publishedAt',
      width: 120,
      render: (v: string | null) => formatDate(v),
    },
  ];

  return (
    <Card
      title={t('ranking.title')}
      extra={
        can(me, 'rankings.publish') && basePath.startsWith('/app') ? (
          <Link to={`${basePath}/workbench`} data-testid="ranking-workbench-link">
            <Button type="primary" icon={<ToolOutlined />}>
              {t('ranking.workbench')}
            </Button>
          </Link>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('ranking.statusLabel')}
          value={status}
          onChange={(v) => set({ status: v })}
          options={EDITION_STATUSES.map((s) => ({
            value: s,
            label: t(`ranking.status.${s}` as MessageKey),
          }))}
          data-testid="ranking-filter-status"
        />
        <InputNumber
          style={{ width: 120 }}
          placeholder={t('ranking.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => set({ year: v ?? undefined })}
        />
      </Space>
      {editions.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(editions.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<Edition>
        rowKey="id"
        size="middle"
        loading={editions.isFetching}
        columns={columns}
        dataSource={editions.data?.items ?? []}
        data-testid="ranking-editions"
        pagination={{
          current: page,
          pageSize: 20,
          total: editions.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p) => set({ page: p }),
        }}
      />
    </Card>
  );
}

export default function EditionsPage() {
  return <EditionList basePath="/app/rankings" />;
}
