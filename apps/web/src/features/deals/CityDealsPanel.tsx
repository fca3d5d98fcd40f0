import type { CityCode, Deal, DealCitySummary, DealStatus } from '@corridor/contracts';
import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMarketLabels } from '../market/labels';
import { recentYears } from './DealsFlowsPage';
import { useCityDeals, useDealCitySummary } from './flows.api';

const STATUS_COLOR: Record<DealStatus, string> = {
  draft: 'default',
  signed: 'blue',
  registered: 'green',
};
const PAGE_SIZE = 10;

/** Officials: the city's registered contracts of a year, as seller, as buyer and within it. */
export function CitySummary({ city }: { city: CityCode }) {
  const t = useT();
  const { locale } = useLocale();
  const years = recentYears();
  const [year, setYear] = useState(years[0]!);
  const summary = useDealCitySummary(city, year, true);
  const wan = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
  const parts: { key: keyof Omit<DealCitySummary, 'city' | 'year'>; label: MessageKey }[] = [
    { key: 'asSeller', label: 'submarket.asSeller' },
    { key: 'asBuyer', label: 'submarket.asBuyer' },
    { key: 'withinCity', label: 'submarket.withinCity' },
  ];
  return (
    <Card
      size="small"
      title={t('submarket.summaryTitle', { year })}
      extra={
        <Select
          data-testid="submarket-year"
          size="small"
          style={{ width: 110 }}
          value={year}
          options={years.map((y) => ({ value: y, label: t('flows.yearValue', { year: y }) }))}
          onChange={setYear}
        />
      }
      data-testid="submarket-summary"
    >
      {summary.isError ? (
        <Alert type="error" showIcon title={errorText(summary.error)} />
      ) : (
        <Row gutter={16}>
          {parts.map((p) => {
            const v = summary.data?.[p.key];
            return (
              <Col key={p.key} xs={24} md={8}>
                <Statistic
                  loading={summary.isPending}
                  title={t(p.label)}
                  value={v?.count ?? 0}
                  suffix={t('submarket.unit')}
                />
                <Typography.Text type="secondary" data-testid={`submarket-${p.key}`}>
                  {t('flows.amount', { n: wan(v?.amountWan ?? 0) })}
                </Typography.Text>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}

/** The contracts where the city sells or buys (the server limits them to the caller's scope). */
export function CityDeals({ city }: { city: CityCode }) {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  const [page, setPage] = useState(1);
  const deals = useCityDeals(city, page, PAGE_SIZE, true);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {deals.isError && <Alert type="error" showIcon title={errorText(deals.error)} />}
      <Table<Deal>
        data-testid="submarket-deals"
        rowKey="id"
        size="small"
        loading={deals.isFetching}
        dataSource={deals.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: deals.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('deals.project'), dataIndex: 'projectName' },
          { title: t('deals.type'), render: (_, d) => t(`deals.type.${d.type}` as MessageKey) },
          {
            title: t('deals.seller'),
            render: (_, d) => `${d.seller.name}（${labels.city(d.seller.regionCode)}）`,
          },
          {
            title: t('deals.buyer'),
            render: (_, d) => `${d.buyer.name}（${labels.city(d.buyer.regionCode)}）`,
          },
          { title: t('deals.amount'), dataIndex: 'totalAmountWan', align: 'right' },
          { title: t('deals.field'), render: (_, d) => m.field(d.field) },
          { title: t('deals.signedOn'), dataIndex: 'signedOn' },
          {
            title: t('deals.status'),
            render: (_, d) => (
              <Tag color={STATUS_COLOR[d.status]}>
                {t(`deals.status.${d.status}` as MessageKey)}
              </Tag>
            ),
          },
        ]}
      />
    </Space>
  );
}
