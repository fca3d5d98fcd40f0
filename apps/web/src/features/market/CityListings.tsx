import type { CityCode, SearchHit } from '@corridor/contracts';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useT } from '../../i18n';
import { type MarketKind, useMarketSearch } from './api';
import { STATUS_COLORS, useMarketLabels } from './labels';

const PAGE_SIZE = 10;

/**
 * A city's listed achievements or demands, newest first: the market search with the city
 * filter (the search shows each user the listed records only), linked to the full search.
 */
export function CityListings({ city, kind }: { city: CityCode; kind: MarketKind }) {
  const t = useT();
  const m = useMarketLabels();
  const [page, setPage] = useState(1);
  const search = useMarketSearch(kind, { city, sort: 'newest', page, pageSize: PAGE_SIZE });
  const achievements = kind === 'achievements';
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {search.data && (
          <Typography.Text type="secondary" data-testid={`submarket-${kind}-total`}>
            {t('submarket.listed', { total: search.data.total })}
          </Typography.Text>
        )}
        <Link to={`/app/market?kind=${kind}&city=${city}&sort=newest`}>
          <Button size="small" type="link">
            {t('submarket.openSearch')}
          </Button>
        </Link>
      </Space>
      {search.isError && <Alert type="error" showIcon title={errorText(search.error)} />}
      <Table<SearchHit>
        data-testid={`submarket-${kind}`}
        rowKey="id"
        size="small"
        loading={search.isFetching}
        dataSource={search.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: search.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: achievements ? t('market.f.title') : t('market.f.demandTitle'),
            render: (_, h) => (
              <Link to={`/app/market/${kind}/${h.id}`} data-testid="submarket-listing">
                {h.title}
              </Link>
            ),
          },
          { title: t('market.f.org'), render: (_, h) => h.org.name },
          { title: t('market.f.field'), render: (_, h) => m.field(h.field) },
          ...(achievements
            ? [{ title: t('market.f.trl'), render: (_: unknown, h: SearchHit) => h.trl ?? '—' }]
            : []),
          {
            title: achievements ? t('market.f.price') : t('market.f.budget'),
            align: 'right' as const,
            render: (_, h) => m.price(h.priceWan),
          },
          {
            title: t('market.f.status'),
            render: (_, h) => <Tag color={STATUS_COLORS[h.status]}>{m.status(h.status)}</Tag>,
          },
          { title: t('market.f.publishedAt'), render: (_, h) => formatDate(h.publishedAt) },
        ]}
      />
    </Space>
  );
}
