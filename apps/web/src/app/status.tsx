import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../i18n';
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
