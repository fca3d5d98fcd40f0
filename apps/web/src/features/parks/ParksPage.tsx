import { PlusOutlined } from '@ant-design/icons';
import type { Park } from '@corridor/contracts';
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useParks } from './api';
import { useParkLabels } from './labels';
import { ParkFormModal } from './ParkFormModal';
import { TotalsCard } from './TotalsCard';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The governance model of the phase in force today (the latest started one). */
export function currentPhase(park: Park) {
  const d = today();
  return (
    [...park.phases]
      .reverse()
      .find((p) => p.startsOn <= d && (p.endsOn === null || p.endsOn >= d)) ?? null
  );
}

export default function ParksPage() {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const parks = useParks();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Park> = [
    {
      title: t('parks.name'),
      dataIndex: 'name',
      render: (_, p) => <Link to={`/app/parks/${p.id}`}>{p.name}</Link>,
    },
    {
      title: t('parks.parties'),
      render: (_, p) =>
        p.parties.map((x) => (
          <Tag key={x.cityCode}>{`${labels.city(x.cityCode)}（${pl.role(x.role)}）`}</Tag>
        )),
    },
    {
      title: t('parks.establishedOn'),
      dataIndex: 'establishedOn',
      render: (v: string) => formatDate(v),
    },
    {
      title: t('parks.termEndsOn'),
      dataIndex: 'termEndsOn',
      render: (v: string | null) => (v ? formatDate(v) : t('parks.openEnded')),
    },
    {
      title: t('parks.governanceNow'),
      render: (_, p) => {
        const ph = currentPhase(p);
        return ph ? pl.governance(ph.governance) : t('parks.none');
      },
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('parks.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="park-create"
          >
            {t('parks.create')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('parks.intro')}</Typography.Paragraph>
        {parks.error && <Alert type="error" title={errorText(parks.error)} />}
        <Table
          // Wide tables scroll inside their card, never widen the page (390 px phones).
          scroll={{ x: 'max-content' }}
          rowKey="id"
          loading={parks.isLoading}
          columns={columns}
          dataSource={parks.data?.items ?? []}
          pagination={false}
          data-testid="parks-table"
        />
      </Card>
      <TotalsCard />
      {creating && <ParkFormModal onClose={() => setCreating(false)} />}
    </Space>
  );
}
