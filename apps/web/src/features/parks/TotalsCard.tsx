import type { ParkTotals } from '@corridor/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, InputNumber, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../app/api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useParkLabels, wan } from './labels';

/** Per item, each city's report and the corridor total: a double count appears once here. */
export function TotalsCard() {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const totals = useQuery({
    queryKey: ['parks', 'totals', year],
    queryFn: ({ signal }) => api.get<ParkTotals>('/api/v1/parks/totals', { year }, signal),
  });
  return (
    <Card
      title={t('parks.totals.title')}
      extra={
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          addonBefore={t('parks.year')}
        />
      }
    >
      <Table
        // Wide tables scroll inside their card, never widen the page (390 px phones).
        scroll={{ x: 'max-content' }}
        rowKey="item"
        size="small"
        pagination={false}
        loading={totals.isLoading}
        dataSource={totals.data?.items ?? []}
        data-testid="parks-totals"
        columns={[
          { title: t('parks.item'), dataIndex: 'item', render: (v: string) => pl.item(v) },
          {
            title: t('parks.parties'),
            render: (_, r) =>
              r.byCity.map((c) => `${labels.city(c.cityCode)} ${wan(c.valueWan)}`).join('；'),
          },
          {
            title: t('parks.totals.citiesSum'),
            dataIndex: 'citiesSumWan',
            align: 'right',
            render: wan,
          },
          {
            title: t('parks.totals.corridor'),
            dataIndex: 'corridorWan',
            align: 'right',
            render: wan,
          },
        ]}
      />
    </Card>
  );
}
