import type { DealFlows } from '@corridor/contracts';
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useLocale, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';

type Tally = DealFlows['matrix'][number][number];

interface Row {
  key: string;
  /** Seller city code, or null for the totals row. */
  city: string | null;
  cells: Tally[];
  total: Tally;
}

const add = (a: Tally, b: Tally): Tally => ({
  count: a.count + b.count,
  amountWan: a.amountWan + b.amountWan,
});
const ZERO: Tally = { count: 0, amountWan: 0 };

/** Row and column totals of the matrix (seller rows, buyer columns). */
export function flowTotals(data: DealFlows) {
  const rowTotals = data.matrix.map((row) => row.reduce(add, ZERO));
  const colTotals = data.cities.map((_, j) =>
    data.matrix.reduce((sum, row) => add(sum, row[j] ?? ZERO), ZERO),
  );
  const grand = rowTotals.reduce(add, ZERO);
  const within = data.cities.reduce((sum, _, i) => add(sum, data.matrix[i]?.[i] ?? ZERO), ZERO);
  const cross = {
    count: grand.count - within.count,
    amountWan: grand.amountWan - within.amountWan,
  };
  return { rowTotals, colTotals, grand, cross };
}

/**
 * The 5×5 matrix of registered contracts: seller cities as rows, buyer cities as columns, each
 * cell the count and the amount (万元); the diagonal (trade within a city) is shaded.
 * Seller cities link to their sub-market page.
 */
export function FlowsMatrix({ data, loading }: { data: DealFlows | undefined; loading?: boolean }) {
  const t = useT();
  const labels = useLabels();
  const { locale } = useLocale();
  const wan = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });

  const cell = (v: Tally, strong = false): ReactNode =>
    v.count === 0 ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <div data-testid="flows-cell">
        <Typography.Text strong={strong}>{t('flows.count', { n: v.count })}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {t('flows.amount', { n: wan(v.amountWan) })}
        </Typography.Text>
      </div>
    );

  const rows: Row[] = [];
  if (data) {
    const { rowTotals, colTotals, grand } = flowTotals(data);
    data.cities.forEach((city, i) => {
      rows.push({ key: city, city, cells: data.matrix[i] ?? [], total: rowTotals[i] ?? ZERO });
    });
    rows.push({ key: 'total', city: null, cells: colTotals, total: grand });
  }
  const cities = data?.cities ?? [];
  const columns: ColumnsType<Row> = [
    {
      title: t('flows.corner'),
      key: 'seller',
      fixed: 'left',
      width: 120,
      render: (_, r) =>
        r.city ? (
          <Link
            to={`/app/market/cities/${r.city}`}
            title={t('flows.openCity', { city: labels.city(r.city) })}
            data-testid="flows-seller"
          >
            {labels.city(r.city)}
          </Link>
        ) : (
          <Typography.Text strong>{t('flows.total')}</Typography.Text>
        ),
    },
    ...cities.map((buyer, j): ColumnsType<Row>[number] => ({
      title: labels.city(buyer),
      key: buyer,
      align: 'right',
      onCell: (r) => (r.city === buyer ? { style: { background: '#f0f5ff' } } : {}),
      render: (_, r) => cell(r.cells[j] ?? ZERO, r.city === null),
    })),
    {
      title: t('flows.total'),
      key: 'total',
      align: 'right',
      render: (_, r) => cell(r.total, true),
    },
  ];

  return (
    <Table<Row>
      data-testid="flows-matrix"
      size="small"
      bordered
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={rows}
      rowClassName={(r) => (r.city === null ? 'flows-total-row' : '')}
    />
  );
}
