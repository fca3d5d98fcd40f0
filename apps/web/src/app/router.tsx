import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router-dom';
import { firstPath, useMe } from './auth';
import { NotFound, PageLoading, RequireAbility } from './status';

// Every page is its own chunk: the public home never loads the admin pages.
const HomePage = lazy(() => import('../features/home/HomePage'));
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('../features/auth/ChangePasswordPage'));
const WelcomePage = lazy(() => import('../features/auth/WelcomePage'));
const AppLayout = lazy(() => import('./AppLayout'));
const OrgsPage = lazy(() => import('../features/orgs/OrgsPage'));
const OrgDetailPage = lazy(() => import('../features/orgs/OrgDetailPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage'));

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
    path: '/app',
    element: (
      <Page>
        <AppLayout />
      </Page>
    ),
    children: [
      { index: true, element: <AppIndex /> },
      { path: 'welcome', element: <WelcomePage /> },
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
      { path: 'password', element: <ChangePasswordPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: '*', element: <NotFound /> },
]);
