import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  ACHIEVEMENT_STATUSES,
  type Achievement,
  DEMAND_STATUSES,
  type Demand,
} from '@corridor/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { formatDate } from '../../app/format';
import { Forbidden } from '../../app/status';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { AchievementFormModal } from './AchievementFormModal';
import { downloadMarketExport, type MarketKind, useMarketList } from './api';
import { DemandFormModal } from './DemandFormModal';
import { STATUS_COLORS, useMarketLabels } from './labels';
import { MarketImportModal } from './MarketImportModal';

type Row = Achievement | Demand;

/**
 * An organisation's own achievements and demands (create, import, export), or, for officials,
 * their city's records with the review queue (submitted achievements) first.
 */
export default function MarketWorkPage() {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const kind: MarketKind = params.get('kind') === 'demands' ? 'demands' : 'achievements';
  const official = can(me, 'market.curate');
  const scope = official ? 'city' : 'mine';
  const statuses: readonly string[] =
    kind === 'achievements' ? ACHIEVEMENT_STATUSES : DEMAND_STATUSES;
  const status =
    params.get('status') ?? (official && kind === 'achievements' ? 'submitted' : undefined);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useMarketList<Row>(kind, { scope, status, page, pageSize: 20 });
  const set = (patch: Record<string, string | undefined>) => {
    setPage(1);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) v === undefined ? next.delete(k) : next.set(k, v);
      return next;
    });
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('market.f.title'),
      dataIndex: 'title',
      render: (v: string, r) => <Link to={`/app/market/${kind}/${r.id}`}>{v}</Link>,
    },
    {
      title: t('market.f.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: string) => <Tag color={STATUS_COLORS[s]}>{m.status(s)}</Tag>,
    },
    ...(official
      ? [{ title: t('market.f.org'), key: 'org', render: (_: unknown, r: Row) => r.org.name }]
      : []),
    {
      title: t('org.city'),
      dataIndex: 'regionCode',
      width: 80,
      render: (v: string) => labels.city(v),
    },
    {
      title: t('market.f.field'),
      dataIndex: 'field',
      width: 150,
      render: (v: string) => m.field(v),
    },
    {
      title: kind === 'achievements' ? t('market.f.price') : t('market.f.budget'),
      key: 'price',
      width: 120,
      render: (_: unknown, r: Row) => m.price('priceWan' in r ? r.priceWan : r.budgetWan),
    },
    {
      title: t('org.updatedAt'),
      dataIndex: 'updatedAt',
      width: 120,
      render: (v: string) => formatDate(v),
    },
  ];

  if (!official && !can(me, 'market.own')) return <Forbidden />;
  return (
    <Card
      title={official ? t('menu.marketReview') : t('menu.marketWork')}
      extra={
        <Space wrap>
          {can(me, 'market.own') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="market-create"
            >
              {kind === 'achievements' ? t('market.newAchievement') : t('market.newDemand')}
            </Button>
          )}
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            {t('org.import')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              downloadMarketExport(kind, { scope, status }).catch(
                (e) => void message.error(errorText(e)),
              )
            }
          >
            {t('org.export')}
          </Button>
        </Space>
      }
    >
      <Tabs
        activeKey={kind}
        onChange={(k) => set({ kind: k, status: undefined })}
        items={[
          { key: 'achievements', label: t('market.achievements') },
          { key: 'demands', label: t('market.demands') },
        ]}
      />
      <Select
        allowClear
        style={{ width: 180, marginBottom: 12 }}
        placeholder={t('market.f.status')}
        value={status}
        options={statuses.map((s) => ({ value: s, label: m.status(s) }))}
        onChange={(v?: string) => set({ status: v ?? '' })}
      />
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
      {creating && kind === 'achievements' && (
        <AchievementFormModal
          onClose={() => setCreating(false)}
          onSaved={(a) => navigate(`/app/market/achievements/${a.id}`)}
        />
      )}
      {creating && kind === 'demands' && (
        <DemandFormModal
          onClose={() => setCreating(false)}
          onSaved={(d) => navigate(`/app/market/demands/${d.id}`)}
        />
      )}
      {importing && <MarketImportModal kind={kind} onClose={() => setImporting(false)} />}
    </Card>
  );
}
