import type { CityCode, Deal, DealCitySummary } from '@corridor/contracts';
import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { useDealColumns } from './columns';
import { recentYears } from './DealsFlowsPage';
import { useCityDeals, useDealCitySummary } from './flows.api';

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
  const _t = useT();
  const columns = useDealColumns();
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
        columns={columns}
      />
    </Space>
  );
}
