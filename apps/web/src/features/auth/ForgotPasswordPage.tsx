import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { useForgotPassword, usePublicConfig } from './api';
import { PublicCard } from './PublicCard';

/**
 * Forgotten password: a user name or e-mail address; a reset link goes to the account's address.
 * The answer is the same whether or not such an account exists.
 */
export default function ForgotPasswordPage() {
  const t = useT();
  const forgot = useForgotPassword();
  const config = usePublicConfig();
  const [done, setDone] = useState(false);

  if (done)
    return (
      <PublicCard title={t('forgot.title')}>
        <Result
          status="info"
          title={t('forgot.sent')}
          subTitle={t('forgot.sentHint')}
          extra={<Link to="/login">{t('signup.backToLogin')}</Link>}
          data-testid="forgot-done"
        />
      </PublicCard>
    );

  return (
    <PublicCard title={t('forgot.title')}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('forgot.intro')}
      </Typography.Paragraph>
      {config.data && !config.data.mail && (
        <Alert type="warning" showIcon title={t('forgot.noMail')} data-testid="forgot-no-mail" />
      )}
      {forgot.isError && <Alert type="error" showIcon title={errorText(forgot.error)} />}
      <Form<{ login: string }>
        name="forgot"
        layout="vertical"
        requiredMark={false}
        onFinish={({ login }) => forgot.mutate(login.trim(), { onSuccess: () => setDone(true) })}
      >
        <Form.Item
          name="login"
          label={t('forgot.login')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoComplete="username" maxLength={254} autoFocus />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={forgot.isPending}
          data-testid="forgot-submit"
        >
          {t('forgot.submit')}
        </Button>
      </Form>
    </PublicCard>
  );
}
