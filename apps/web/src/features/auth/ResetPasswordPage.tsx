import { RESET_TOKEN_PATTERN } from '@corridor/contracts';
import { Alert, Button, Form } from 'antd';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { errorText, isApiError } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { useT } from '../../i18n';
import { useResetPassword } from './api';
import { NewPasswordFields } from './PasswordFields';
import { PublicCard } from './PublicCard';

const CODE_FIELDS: Record<string, string> = {
  'auth.password_policy': 'newPassword',
  'auth.password_common': 'newPassword',
  'auth.password_reused': 'newPassword',
};

/**
 * The page a reset link opens: the token is in the address's fragment (#token=…), which the
 * browser sends to no server and in no Referer; it goes to the API only with the new password.
 */
export default function ResetPasswordPage() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const token = useMemo(
    () => new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? '',
    [location.hash],
  );
  const linkBroken =
    !RESET_TOKEN_PATTERN.test(token) ||
    (isApiError(reset.error) && reset.error.code === 'auth.reset_link_invalid');

  const onFinish = ({ newPassword }: { newPassword: string }) =>
    reset.mutate(
      { token, newPassword },
      {
        onSuccess: () => navigate('/login', { replace: true, state: { passwordChanged: true } }),
        onError: (error) => applyServerErrors(form, error, ['newPassword'], CODE_FIELDS),
      },
    );

  return (
    <PublicCard title={t('reset.title')}>
      {linkBroken ? (
        <Alert
          type="error"
          showIcon
          title={reset.isError ? errorText(reset.error) : t('reset.badLink')}
          description={<Link to="/forgot-password">{t('reset.again')}</Link>}
          data-testid="reset-bad-link"
        />
      ) : (
        <>
          {reset.isError && <Alert type="error" showIcon title={errorText(reset.error)} />}
          <Form form={form} name="reset" layout="vertical" requiredMark={false} onFinish={onFinish}>
            <NewPasswordFields name="newPassword" label={t('password.new')} />
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={reset.isPending}
              data-testid="reset-submit"
            >
              {t('reset.submit')}
            </Button>
          </Form>
        </>
      )}
    </PublicCard>
  );
}
