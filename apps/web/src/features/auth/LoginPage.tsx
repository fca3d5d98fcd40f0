import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import type { Me } from '@corridor/contracts';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorText } from '../../app/api';
import { firstPath, pathAllowed, useMe } from '../../app/auth';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { PageLoading } from '../../app/status';
import { useT } from '../../i18n';
import { type LoginInput, useLogin, usePublicConfig } from './api';

interface LoginState {
  from?: string;
  expired?: boolean;
  passwordChanged?: boolean;
}

export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginState;
  const { data: me, isPending } = useMe();
  const login = useLogin();
  const config = usePublicConfig();

  const targetFor = (who: Me) =>
    state.from && pathAllowed(state.from, who) ? state.from : firstPath(who);

  if (isPending) return <PageLoading />;
  if (me) return <Navigate to={targetFor(me)} replace />;

  const onFinish = (values: LoginInput) => {
    login.mutate(values, { onSuccess: (next) => navigate(targetFor(next), { replace: true }) });
  };

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
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
            <Link to="/" data-testid="login-home">
              {t('menu.home')}
            </Link>
            <LanguageSwitch />
          </div>
          <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center' }}>
            {t('login.subtitle')}
          </Typography.Text>
          {state.expired && !login.isError && (
            <Alert type="warning" showIcon title={t('login.expired')} data-testid="login-expired" />
          )}
          {state.passwordChanged && !login.isError && (
            <Alert
              type="success"
              showIcon
              title={t('password.changed')}
              data-testid="login-password-changed"
            />
          )}
          {login.isError && (
            <Alert type="error" showIcon title={errorText(login.error)} data-testid="login-error" />
          )}
          <Form<LoginInput> name="login" layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              name="otp"
              label={t('login.otp')}
              extra={t('login.otpHint')}
              rules={[{ pattern: /^\s*\d{6}\s*$/, message: t('login.otpFormat') }]}
            >
              <Input
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
          <div style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Link to="/forgot-password" data-testid="login-forgot">
              {t('login.forgot')}
            </Link>
            <Link to="/register" data-testid="login-register">
              {t('login.register')}
            </Link>
          </div>
          {/* Only a demo install prints its accounts in the server console (issue 10 item 13). */}
          {config.data?.demo && (
            <Alert type="info" showIcon title={t('login.demoHint')} data-testid="login-hint" />
          )}
        </Space>
      </Card>
    </div>
  );
}
