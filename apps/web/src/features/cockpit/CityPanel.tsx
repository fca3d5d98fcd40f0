import { CloseOutlined } from '@ant-design/icons';
import { type CityCode, ORG_TYPES, type PublicCockpit } from '@corridor/contracts';
import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n';
import { useCockpitFormat } from './format';

interface Props {
  data: PublicCockpit;
  city: CityCode | null;
  onClose: () => void;
  /** More detail below the public figures (the leaders' view). */
  extra?: ReactNode;
  height?: number;
}

/** The drill-down into one city: public aggregates (and, for leaders, their detail below). */
export function CityPanel({ data, city, onClose, extra, height }: Props) {
  const f = useCockpitFormat();
  const c = city ? data.cities.find((x) => x.code === city) : undefined;
  if (!city || !c) {
    return (
      <Card size="small" style={{ height }} data-testid="cockpit-drill-empty">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {f.t('cockpit.cities')}
        </Typography.Title>
        <Space wrap data-testid="cockpit-city-names">
          {data.cities.map((x) => (
            <Tag key={x.code} color="blue">
              {f.labels.city(x.code)} · {f.num(x.orgs)}
            </Tag>
          ))}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {f.t('cockpit.clickCityHint')}
        </Typography.Paragraph>
      </Card>
    );
  }
  const share = data.totals.orgs > 0 ? (c.orgs / data.totals.orgs) * 100 : 0;
  const lines = data.flows.filter((fl) => fl.from === city || fl.to === city);
  return (
    <Card
      size="small"
      style={{ height, overflow: 'auto' }}
      data-testid="cockpit-drill"
      data-city={city}
      title={
        <span data-testid="cockpit-drill-title">
          {f.labels.city(city)} · {f.t(`home.park.${city}` as MessageKey)}
        </span>
      }
      extra={
        <Button
          size="small"
          type="text"
          icon={<CloseOutlined />}
          onClick={onClose}
          data-testid="cockpit-drill-close"
        >
          {f.t('cockpit.backToProvince')}
        </Button>
      }
    >
      <Descriptions size="small" column={1} colon>
        <Descriptions.Item label={f.t('cockpit.orgs')}>
          {f.num(c.orgs)}（{f.t('cockpit.shareOfCorridor', { value: f.num(share, 1) })}）
        </Descriptions.Item>
        <Descriptions.Item label={f.t('cockpit.contractsOut')}>
          {data.contracts.available
            ? `${f.num(c.contractsOut.count)} / ${f.wan(c.contractsOut.amountWan)}`
            : f.t('cockpit.noData')}
        </Descriptions.Item>
        <Descriptions.Item label={f.t('cockpit.contractsIn')}>
          {data.contracts.available
            ? `${f.num(c.contractsIn.count)} / ${f.wan(c.contractsIn.amountWan)}`
            : f.t('cockpit.noData')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{f.t('cockpit.byType')}</Typography.Text>
      <div style={{ margin: '6px 0 10px' }}>
        {ORG_TYPES.filter((ty) => (c.byType[ty] ?? 0) > 0).map((ty) => (
          <Tag key={ty}>
            {f.labels.orgType(ty)} {f.num(c.byType[ty] ?? 0)}
          </Tag>
        ))}
      </div>
      <Typography.Text strong>{f.t('cockpit.crossCityLines')}</Typography.Text>
      {lines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={f.t('cockpit.noFlowsYet')} />
      ) : (
        <ul style={{ paddingLeft: 18, margin: '6px 0' }}>
          {lines.map((fl) => (
            <li key={`${fl.kind}-${fl.from}-${fl.to}`}>
              {f.flowKind(fl.kind)}：{f.labels.city(fl.from)} → {f.labels.city(fl.to)}{' '}
              {f.num(fl.count)}
            </li>
          ))}
        </ul>
      )}
      {extra}
    </Card>
  );
}
