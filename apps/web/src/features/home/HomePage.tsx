import {
  DashboardOutlined,
  LoginOutlined,
  RightOutlined,
  ShopOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { CITIES, type CityCode, ORG_TYPES } from '@corridor/contracts';
import { Alert, Button, Card, Layout, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { firstPath, useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { type CityOverview, usePublicOverview } from './api';

const CityChart = lazy(() => import('./CityChart'));

const HIGHLIGHTS = [
  'home.highlight.transfer',
  'home.highlight.cultivation',
  'home.highlight.finance',
  'home.highlight.data',
] as const satisfies readonly MessageKey[];

function CityCard({ code, data }: { code: CityCode; data: CityOverview | undefined }) {
  const t = useT();
  const labels = useLabels();
  const topTypes = ORG_TYPES.map((type) => ({ type, n: data?.byType[type] ?? 0 }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, 3);
  return (
    <Card size="small" data-testid={`city-card-${code}`} style={{ height: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {labels.city(code)}
      </Typography.Title>
      <Typography.Text type="secondary">{t(`home.park.${code}` as MessageKey)}</Typography.Text>
      <Statistic
        title={t('home.orgCount')}
        value={data?.orgCount ?? '—'}
        style={{ marginTop: 8 }}
        data-testid={`city-count-${code}`}
      />
      <div style={{ minHeight: 24 }}>
        {topTypes.map(({ type, n }) => (
          <Tag key={type}>
            {labels.orgType(type)} {n}
          </Tag>
        ))}
      </div>
    </Card>
  );
}

export default function HomePage() {
  const t = useT();
  const labels = useLabels();
  const { data: me } = useMe();
  const overview = usePublicOverview();
  const byCity = useMemo(
    () => new Map((overview.data?.cities ?? []).map((c) => [c.code, c])),
    [overview.data],
  );
  const bars = useMemo(
    () =>
      CITIES.map((c) => ({ name: labels.city(c.code), value: byCity.get(c.code)?.orgCount ?? 0 })),
    [byCity, labels],
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          {t('app.shortTitle')}
        </Typography.Text>
        <Space>
          <LanguageSwitch />
          {/* The corridor cockpit (issue 5): open to everyone. */}
          <Link to="/cockpit" data-testid="home-cockpit">
            <Button icon={<DashboardOutlined />}>{t('home.cockpit')}</Button>
          </Link>
          {/* Featured achievements and open calls (issue 4): open to everyone. */}
          <Link to="/showcase" data-testid="home-showcase">
            <Button icon={<ShopOutlined />}>{t('home.showcase')}</Button>
          </Link>
          {/* Published ranking lists (issue 3): open to everyone. */}
          <Link to="/rankings" data-testid="home-rankings">
            <Button icon={<TrophyOutlined />}>{t('home.rankings')}</Button>
          </Link>
          {me ? (
            <Link to={firstPath(me)} data-testid="home-enter">
              <Button type="primary" icon={<RightOutlined />}>
                {t('home.enter')}
              </Button>
            </Link>
          ) : (
            <Link to="/login" data-testid="home-login">
              <Button type="primary" icon={<LoginOutlined />}>
                {t('home.login')}
              </Button>
            </Link>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content
        style={{ padding: '32px 24px', maxWidth: 1200, margin: '0 auto', width: '100%' }}
      >
        <Typography.Title level={1} style={{ fontSize: 30 }} data-testid="home-title">
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, maxWidth: 860 }}>
          {t('home.intro')}
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 24 }}>
          {HIGHLIGHTS.map((h) => (
            <Tag key={h} color="geekblue">
              {t(h)}
            </Tag>
          ))}
        </Space>
        {overview.isError && (
          <Alert
            type="warning"
            showIcon
            title={t('home.overviewUnavailable')}
            description={errorText(overview.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Card style={{ marginBottom: 24 }}>
          <Statistic
            title={t('home.totalOrgs')}
            value={overview.data?.totals.orgs ?? '—'}
            loading={overview.isPending}
            data-testid="home-total"
          />
        </Card>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
            gap: 16,
            marginBottom: 24,
          }}
        >
          {CITIES.map((c) => (
            <CityCard key={c.code} code={c.code} data={byCity.get(c.code)} />
          ))}
        </div>
        <Card title={t('home.chartTitle')}>
          {overview.data ? (
            <Suspense fallback={<Skeleton active />}>
              <CityChart bars={bars} seriesName={t('home.orgCount')} />
            </Suspense>
          ) : (
            <Skeleton active loading={overview.isPending} />
          )}
        </Card>
        {overview.data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('home.updatedAt', { time: formatDateTime(overview.data.updatedAt) })}
          </Typography.Paragraph>
        )}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>{t('home.footer')}</Layout.Footer>
    </Layout>
  );
}
