import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../app/auth';
import { useT } from '../../i18n';

/** For accounts whose abilities open no admin page yet. */
export default function WelcomePage() {
  const t = useT();
  const { data: me } = useMe();
  return (
    <Result
      status="info"
      title={t('welcome.title', { name: me?.displayName ?? '' })}
      subTitle={me?.orgName ? t('welcome.org', { org: me.orgName }) : t('welcome.noPages')}
      extra={
        <Link to="/">
          <Button type="primary">{t('menu.home')}</Button>
        </Link>
      }
    />
  );
}
