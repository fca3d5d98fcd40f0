import { Alert, Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
import { errorText, isApiError } from './api';
import { type Ability, can, useMe } from './auth';

export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}

export function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('status.forbidden')}
      extra={
        <Link to="/app">
          <Button type="primary">{t('status.backToApp')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('status.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('status.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Shows the page only to accounts holding the ability (the server checks again). */
export function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const { data: me } = useMe();
  return can(me, ability) ? children : <Forbidden />;
}

/**
 * What a record page shows while it has no record: 404 for an id that cannot exist or that the
 * server does not show this account, the error otherwise, or loading.
 */
export function RecordGate(props: {
  id: number;
  query: { isError: boolean; error: unknown };
  back: ReactNode;
  notFound: string;
}) {
  const { id, query, back, notFound } = props;
  if (!Number.isInteger(id) || id < 1 || (isApiError(query.error) && query.error.status === 404))
    return <Result status="404" title="404" subTitle={notFound} extra={back} />;
  if (query.isError)
    return <Alert type="error" showIcon title={errorText(query.error)} action={back} />;
  return <PageLoading />;
}
