import { Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useT } from '../../i18n';

/** The frame of the pages one opens without signing in (sign-in, registration, reset). */
export function PublicCard({
  title,
  width = 420,
  children,
}: {
  title: string;
  width?: number;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #e6f0ff 0%, #f5f7fa 100%)',
        padding: 16,
      }}
    >
      <Card style={{ width, maxWidth: '100%' }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Space size="middle">
              <Link to="/">{t('menu.home')}</Link>
              <Link to="/login" data-testid="public-login">
                {t('login.submit')}
              </Link>
            </Space>
            <LanguageSwitch />
          </div>
          <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>
            {title}
          </Typography.Title>
          {children}
        </Space>
      </Card>
    </div>
  );
}
