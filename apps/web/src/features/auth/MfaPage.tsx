import { Alert, App, Button, Card, Form, Input, QRCode, Result, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../app/api';
import { useMe } from '../../app/auth';
import { useT } from '../../i18n';
import { useMfaEnable, useMfaSetup } from './api';

/**
 * Setting up the second factor: scan the QR code (or type the key) into an authenticator app,
 * then prove it with the code the app shows. Administration, audit and security accounts are
 * sent here until they have done it (where the installation requires it).
 */
export default function MfaPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const setup = useMfaSetup();
  const enable = useMfaEnable();

  if (me?.mfaEnabled && !setup.data)
    return (
      <Card style={{ maxWidth: 560 }}>
        <Result status="success" title={t('mfa.enabled')} subTitle={t('mfa.enabledHint')} />
        <Typography.Title level={5}>{t('mfa.replace')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('mfa.replaceHint')}</Typography.Paragraph>
        <Form
          layout="vertical"
          name="mfa-replace"
          onFinish={(proof: { currentPassword: string; otp: string }) =>
            setup.mutate(
              { currentPassword: proof.currentPassword, otp: proof.otp.trim() },
              { onError: (e) => void message.error(errorText(e)) },
            )
          }
        >
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="otp"
            label={t('login.otp')}
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.otpFormat') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={8} />
          </Form.Item>
          <Button htmlType="submit" loading={setup.isPending} data-testid="mfa-replace">
            {t('mfa.replace')}
          </Button>
        </Form>
      </Card>
    );

  return (
    <Card title={t('mfa.title')} style={{ maxWidth: 560 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {me?.mfaSetupRequired && (
          <Alert type="warning" showIcon title={t('mfa.required')} data-testid="mfa-required" />
        )}
        <Typography.Paragraph>{t('mfa.intro')}</Typography.Paragraph>
        {!setup.data ? (
          <Button
            type="primary"
            loading={setup.isPending}
            onClick={() => setup.mutate({}, { onError: (e) => void message.error(errorText(e)) })}
            data-testid="mfa-start"
          >
            {t('mfa.start')}
          </Button>
        ) : (
          <>
            <QRCode value={setup.data.uri} size={200} data-testid="mfa-qr" />
            <Typography.Text>
              {t('mfa.key')}{' '}
              <Typography.Text code copyable data-testid="mfa-secret">
                {setup.data.secret}
              </Typography.Text>
            </Typography.Text>
            <Form
              layout="inline"
              onFinish={({ otp }: { otp: string }) =>
                enable.mutate(otp.trim(), {
                  onSuccess: () => {
                    void message.success(t('mfa.enabled'));
                    // The app's index picks the first page from the refreshed account.
                    navigate('/app', { replace: true });
                  },
                  onError: (e) => void message.error(errorText(e)),
                })
              }
            >
              <Form.Item
                name="otp"
                rules={[
                  { required: true, pattern: /^\s*\d{6}\s*$/, message: t('login.otpFormat') },
                ]}
              >
                <Input
                  placeholder={t('login.otp')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  data-testid="mfa-code"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={enable.isPending}
                data-testid="mfa-enable"
              >
                {t('mfa.confirm')}
              </Button>
            </Form>
          </>
        )}
      </Space>
    </Card>
  );
}
