import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FileDoneOutlined,
  FileExcelOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MessageOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Menu, type MenuProps, Space, Tag, Typography } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { NegotiationsMenuLabel } from '../features/negotiations/MenuLabel';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { hasWorkbench } from '../features/workbench/todos';
import { type TFunction, useT } from '../i18n';
import { useLabels } from '../i18n/labels';
import { api, errorText, setCsrfToken } from './api';
import { can, meKey, useMe, wasSessionLost } from './auth';
import { LanguageSwitch } from './LanguageSwitch';
import { PageLoading } from './status';

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(me: NonNullable<ReturnType<typeof useMe>['data']>, t: TFunction): MenuItem[] {
  const item = (key: string, testId: string, label: ReactNode, icon: ReactNode): MenuItem => ({
    key,
    icon,
    label: <span data-testid={testId}>{label}</span>,
  });
  const items: MenuItem[] = [item('/', 'menu-home', t('menu.home'), <HomeOutlined />)];
  if (hasWorkbench(me))
    items.push(item('/app/workbench', 'menu-workbench', t('workbench.title'), <DesktopOutlined />));
  if (can(me, 'orgs.read')) {
    const label = can(me, 'orgs.create') ? t('menu.orgsManage') : t('menu.orgsDirectory');
    items.push(item('/app/orgs', 'menu-orgs', label, <BankOutlined />));
  }
  if (can(me, 'cockpit.leaders')) {
    items.push(item('/app/cockpit', 'menu-cockpit', t('menu.cockpit'), <DashboardOutlined />));
  }
  if (can(me, 'tiers.stats')) {
    items.push(
      item('/app/tiers/stats', 'menu-tier-stats', t('menu.tierStats'), <BarChartOutlined />),
    );
  }
  if (can(me, 'indicators.import')) {
    items.push(
      item(
        '/app/indicators/transfer',
        'menu-indicators',
        t('menu.indicators'),
        <FileExcelOutlined />,
      ),
    );
  }
  if (can(me, 'rankings.read')) {
    items.push(item('/app/rankings', 'menu-rankings', t('menu.rankings'), <TrophyOutlined />));
  }
  if (can(me, 'market.read')) {
    items.push(item('/app/market', 'menu-market', t('menu.market'), <ShopOutlined />));
  }
  if (can(me, 'market.own') || can(me, 'market.curate')) {
    const label = can(me, 'market.curate') ? t('menu.marketReview') : t('menu.marketWork');
    items.push(item('/app/market/work', 'menu-market-work', label, <FileDoneOutlined />));
  }
  // Brokers follow their introductions; owners answer the ones made to them.
  if (can(me, 'matching.broker') || can(me, 'market.own')) {
    const label = t('menu.introductions');
    items.push(item('/app/market/introductions', 'menu-intro', label, <FileDoneOutlined />));
  }
  if (can(me, 'deals.negotiate')) {
    const label = <NegotiationsMenuLabel />;
    items.push(item('/app/negotiations', 'menu-negotiations-entry', label, <MessageOutlined />));
  }
  if (can(me, 'deals.read')) {
    items.push(item('/app/deals', 'menu-deals', t('menu.deals'), <FileDoneOutlined />));
  }
  if (can(me, 'deals.stats')) {
    const label = t('menu.dealFlows');
    items.push(item('/app/deals/flows', 'menu-deal-flows', label, <SwapOutlined />));
  }
  if (can(me, 'parks.read')) {
    items.push(item('/app/parks', 'menu-parks', t('menu.parks'), <ApartmentOutlined />));
  }
  if (can(me, 'jobs.manage')) {
    items.push(item('/app/jobs', 'menu-jobs', t('menu.jobs'), <ScheduleOutlined />));
  }
  if (can(me, 'audit.read')) {
    items.push(item('/app/audit', 'menu-audit', t('menu.audit'), <AuditOutlined />));
  }
  if (can(me, 'accounts.manage')) {
    items.push(item('/app/accounts', 'menu-accounts', t('menu.accounts'), <TeamOutlined />));
  }
  if (can(me, 'registrations.review')) {
    const label = t('menu.registrations');
    items.push(item('/app/registrations', 'menu-registrations', label, <UserAddOutlined />));
  }
  if (can(me, 'accounts.colleagues')) {
    items.push(item('/app/colleagues', 'menu-colleagues', t('menu.colleagues'), <TeamOutlined />));
  }
  return items;
}

export default function AppLayout() {
  const t = useT();
  const labels = useLabels();
  const { data: me, isPending, isError, error, refetch } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [leaving, setLeaving] = useState(false);

  if (isPending) return <PageLoading />;
  if (isError) {
    return (
      <Typography.Paragraph style={{ padding: 48, textAlign: 'center' }}>
        {errorText(error)} <Button onClick={() => refetch()}>{t('common.retry')}</Button>
      </Typography.Paragraph>
    );
  }
  if (!me) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from, expired: wasSessionLost() }} />;
  }

  // A privileged account without its second factor, or past its password age, may open
  // nothing else until it has set up the one or changed the other.
  if (me.mfaSetupRequired && location.pathname !== '/app/mfa')
    return <Navigate to="/app/mfa" replace />;
  if (!me.mfaSetupRequired && me.passwordExpired && location.pathname !== '/app/password')
    return <Navigate to="/app/password" replace />;

  const items = menuItems(me, t);
  // The longest matching entry only: /app/deals/flows is not also /app/deals.
  const selected = items
    .map((i) => String(i?.key ?? ''))
    .filter((key) => key !== '/' && location.pathname.startsWith(key))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  const logout = async () => {
    setLeaving(true);
    try {
      await api.post('/api/v1/auth/logout');
    } catch {
      // The session may already be gone: signing out locally is what matters.
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
      setLeaving(false);
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220}>
        <div
          style={{ color: '#fff', padding: '16px 20px', fontWeight: 600, lineHeight: 1.4 }}
          data-testid="app-brand"
        >
          {t('app.shortTitle')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected}
          items={items}
          onClick={({ key }) => navigate(key)}
          data-testid="app-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
          }}
        >
          <Space size="middle" wrap>
            {/* Until the second factor is set up or the password changed, no other route answers. */}
            {!me.mfaSetupRequired && !me.passwordExpired && <NotificationBell />}
            <Typography.Text strong data-testid="user-name">
              {me.displayName}
            </Typography.Text>
            <span data-testid="user-roles">
              {me.roles.map((r) => (
                <Tag key={r} color="blue">
                  {labels.role(r)}
                </Tag>
              ))}
            </span>
            <Typography.Text type="secondary" data-testid="user-city">
              {labels.city(me.regionCode)}
            </Typography.Text>
            <LanguageSwitch />
            <Button
              icon={<SafetyOutlined />}
              onClick={() => navigate('/app/mfa')}
              data-testid="mfa"
            >
              {me.mfaEnabled ? t('mfa.on') : t('mfa.title')}
            </Button>
            <Button
              icon={<KeyOutlined />}
              onClick={() => navigate('/app/password')}
              data-testid="change-password"
            >
              {t('auth.changePassword')}
            </Button>
            <Button
              icon={<LogoutOutlined />}
              loading={leaving}
              onClick={logout}
              data-testid="logout"
            >
              {t('auth.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
