import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { firstPath, useMe } from './auth';
import { NotFound, PageLoading, RequireAbility } from './status';

// Every page is its own chunk: the public home never loads the admin pages.
const HomePage = lazy(() => import('../features/home/HomePage'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const WelcomePage = lazy(() => import('../features/auth/WelcomePage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));
const AppLayout = lazy(() => import('./AppLayout'));
const OrgsPage = lazy(() => import('../features/orgs/OrgsPage'));
const OrgDetailPage = lazy(() => import('../features/orgs/OrgDetailPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const JobsPage = lazy(() => import('../features/jobs/JobsPage'));
const ParksPage = lazy(() => import('../features/parks/ParksPage'));
const ParkDetailPage = lazy(() => import('../features/parks/ParkDetailPage'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage'));
// Self-service accounts (issue 10 item 13).
const RegisterPage = lazy(() => import('../features/auth/RegisterPage'));
const ForgotPasswordPage = lazy(() => import('../features/auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../features/auth/ResetPasswordPage'));
const RegistrationsPage = lazy(() => import('../features/accounts/RegistrationsPage'));
const ColleaguesPage = lazy(() => import('../features/accounts/ColleaguesPage'));
const TierStatsPage = lazy(() => import('../features/indicators/TierStatsPage'));
const IndicatorTransferPage = lazy(() => import('../features/indicators/IndicatorTransferPage'));
// The public cockpit is its own chunk too: it loads without the admin app (issue 5).
const PublicCockpitPage = lazy(() => import('../features/cockpit/PublicCockpitPage'));
const LeadersCockpitPage = lazy(() => import('../features/cockpit/LeadersCockpitPage'));
// Ranking lists (issue 3): published editions are public, like the cockpit.
const PublicRankingsPage = lazy(() => import('../features/rankings/PublicRankingsPage'));
const EditionsPage = lazy(() => import('../features/rankings/EditionList'));
const EditionDetailPage = lazy(() => import('../features/rankings/EditionView'));
const PublisherWorkbench = lazy(() => import('../features/rankings/PublisherWorkbench'));
// Technology market (issue 4): public showcase, search, details, an organisation's listings.
const ShowcasePage = lazy(() => import('../features/market/ShowcasePage'));
const MarketPage = lazy(() => import('../features/market/MarketPage'));
const MarketWorkPage = lazy(() => import('../features/market/MarketWorkPage'));
// Technology contracts and their registration (issue 4).
const DealsPage = lazy(() => import('../features/deals/DealsPage'));
const MfaPage = lazy(() => import('../features/auth/MfaPage'));
const NegotiationsPage = lazy(() => import('../features/negotiations/NegotiationsPage'));
const NegotiationPage = lazy(() => import('../features/negotiations/NegotiationPage'));
const WorkbenchPage = lazy(() => import('../features/workbench/WorkbenchPage'));
const IntroductionsPage = lazy(() => import('../features/matching/IntroductionsPage'));
const AchievementPage = lazy(() => import('../features/market/AchievementPage'));
const DemandPage = lazy(() => import('../features/market/DemandPage'));
// City sub-markets and cross-city contract flows (issue 4 item 6).
const CityMarketPage = lazy(() => import('../features/market/CityMarketPage'));
const DealsFlowsPage = lazy(() => import('../features/deals/DealsFlowsPage'));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

function AppIndex() {
  const { data: me } = useMe();
  return me ? <Navigate to={firstPath(me)} replace /> : <PageLoading />;
}

export const router = createBrowserRouter([
  {
    path: '/',
    element: (
      <Page>
        <HomePage />
      </Page>
    ),
  },
  {
    path: '/login',
    element: (
      <Page>
        <LoginPage />
      </Page>
    ),
  },
  {
    path: '/register',
    element: (
      <Page>
        <RegisterPage />
      </Page>
    ),
  },
  {
    path: '/forgot-password',
    element: (
      <Page>
        <ForgotPasswordPage />
      </Page>
    ),
  },
  {
    path: '/reset-password',
    element: (
      <Page>
        <ResetPasswordPage />
      </Page>
    ),
  },
  {
    path: '/cockpit',
    element: (
      <Page>
        <PublicCockpitPage />
      </Page>
    ),
  },
  {
    path: '/rankings',
    element: (
      <Page>
        <PublicRankingsPage />
      </Page>
    ),
  },
  {
    path: '/showcase',
    element: (
      <Page>
        <ShowcasePage />
      </Page>
    ),
  },
  {
    path: '/rankings/:id',
    element: (
      <Page>
        <PublicRankingsPage />
      </Page>
    ),
  },
  {
    path: '/app',
    element: (
      <Page>
        <AppLayout />
      </Page>
    ),
    children: [
      { index: true, element: <AppIndex /> },
      { path: 'welcome', element: <WelcomePage /> },
      { path: 'workbench', element: <WorkbenchPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      {
        path: 'orgs',
        element: (
          <RequireAbility ability="orgs.read">
            <OrgsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'orgs/:id',
        element: (
          <RequireAbility ability="orgs.read">
            <OrgDetailPage />
          </RequireAbility>
        ),
      },
      {
        path: 'negotiations',
        element: (
          <RequireAbility ability="deals.negotiate">
            <NegotiationsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'negotiations/:id',
        element: (
          <RequireAbility ability="deals.negotiate">
            <NegotiationPage />
          </RequireAbility>
        ),
      },
      {
        path: 'deals',
        element: (
          <RequireAbility ability="deals.read">
            <DealsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'parks',
        element: (
          <RequireAbility ability="parks.read">
            <ParksPage />
          </RequireAbility>
        ),
      },
      {
        path: 'parks/:id',
        element: (
          <RequireAbility ability="parks.read">
            <ParkDetailPage />
          </RequireAbility>
        ),
      },
      {
        path: 'jobs',
        element: (
          <RequireAbility ability="jobs.manage">
            <JobsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireAbility ability="audit.read">
            <AuditPage />
          </RequireAbility>
        ),
      },
      {
        path: 'accounts',
        element: (
          <RequireAbility ability="accounts.manage">
            <AccountsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'registrations',
        element: (
          <RequireAbility ability="registrations.review">
            <RegistrationsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'colleagues',
        element: (
          <RequireAbility ability="accounts.colleagues">
            <ColleaguesPage />
          </RequireAbility>
        ),
      },
      {
        path: 'cockpit',
        element: (
          <RequireAbility ability="cockpit.leaders">
            <LeadersCockpitPage />
          </RequireAbility>
        ),
      },
      {
        path: 'tiers/stats',
        element: (
          <RequireAbility ability="tiers.stats">
            <TierStatsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'indicators/transfer',
        element: (
          <RequireAbility ability="indicators.import">
            <IndicatorTransferPage />
          </RequireAbility>
        ),
      },
      {
        path: 'rankings',
        element: (
          <RequireAbility ability="rankings.read">
            <EditionsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'rankings/workbench',
        element: (
          <RequireAbility ability="rankings.publish">
            <PublisherWorkbench />
          </RequireAbility>
        ),
      },
      {
        path: 'rankings/:id',
        element: (
          <RequireAbility ability="rankings.read">
            <EditionDetailPage />
          </RequireAbility>
        ),
      },
      {
        path: 'market',
        element: (
          <RequireAbility ability="market.read">
            <MarketPage />
          </RequireAbility>
        ),
      },
      {
        path: 'market/work',
        element: (
          <RequireAbility ability="market.read">
            <MarketWorkPage />
          </RequireAbility>
        ),
      },
      {
        path: 'market/achievements/:id',
        element: (
          <RequireAbility ability="market.read">
            <AchievementPage />
          </RequireAbility>
        ),
      },
      {
        path: 'market/introductions',
        element: (
          <RequireAbility ability="market.read">
            <IntroductionsPage />
          </RequireAbility>
        ),
      },
      {
        path: 'market/demands/:id',
        element: (
          <RequireAbility ability="market.read">
            <DemandPage />
          </RequireAbility>
        ),
      },
      {
        path: 'market/cities/:city',
        element: (
          <RequireAbility ability="market.read">
            <CityMarketPage />
          </RequireAbility>
        ),
      },
      {
        path: 'deals/flows',
        element: (
          <RequireAbility ability="deals.stats">
            <DealsFlowsPage />
          </RequireAbility>
        ),
      },
      { path: 'password', element: <ChangePasswordPage /> },
      { path: 'mfa', element: <MfaPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '*', element: <NotFound /> },
]);
