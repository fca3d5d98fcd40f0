import { Alert, Card, Descriptions, Space, Spin, Tabs, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { usePark } from './api';
import { FiguresPanel } from './FiguresPanel';
import { useParkLabels } from './labels';
import { PhasesPanel } from './PhasesPanel';
import { SplitPanel } from './SplitPanel';
import { StatementPanel } from './StatementPanel';

export default function ParkDetailPage() {
  const id = Number(useParams().id);
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const park = usePark(id);
  if (park.isLoading) return <Spin />;
  if (park.error || !park.data) return <Alert type="error" title={errorText(park.error)} />;
  const p = park.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/app/parks">{t('parks.back')}</Link>
      <Card title={p.name} data-testid="park-detail">
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('parks.parties')}>
            {p.parties.map((x) => (
              <Tag key={x.cityCode}>{`${labels.city(x.cityCode)}（${pl.role(x.role)}）`}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('parks.host')}>{labels.city(p.hostCity)}</Descriptions.Item>
          <Descriptions.Item label={t('parks.establishedOn')}>
            {formatDate(p.establishedOn)}
          </Descriptions.Item>
          <Descriptions.Item label={t('parks.termEndsOn')}>
            {p.termEndsOn ? formatDate(p.termEndsOn) : t('parks.openEnded')}
          </Descriptions.Item>
          <Descriptions.Item label={t('parks.area')}>{p.areaKm2 ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('parks.agreementTitle')}>
            {p.agreementTitle ?? '—'}
          </Descriptions.Item>
          {p.description && (
            <Descriptions.Item label={t('parks.description')}>{p.description}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'phases', label: t('parks.tab.phases'), children: <PhasesPanel park={p} /> },
            { key: 'figures', label: t('parks.tab.figures'), children: <FiguresPanel park={p} /> },
            { key: 'split', label: t('parks.tab.split'), children: <SplitPanel park={p} /> },
            {
              key: 'statement',
              label: t('parks.tab.statement'),
              children: <StatementPanel park={p} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
