import { PASSWORD_MAX, passwordProblems } from '@corridor/contracts';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../app/api';
import { useMe } from '../../app/auth';
import { applyServerErrors } from '../../app/forms';
import { type MessageKey, useT } from '../../i18n';
import { type ChangePasswordInput, useChangePassword } from './api';

interface Values extends ChangePasswordInput {
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;
/** Error codes the server answers with, and the field each belongs under. */
const CODE_FIELDS: Record<string, string> = {
  'auth.wrong_current_password': 'currentPassword',
  'auth.password_policy': 'newPassword',
  'auth.password_reused': 'newPassword',
};

export default function ChangePasswordPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const change = useChangePassword();
  const { data: me } = useMe();

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          navigate('/login', { replace: true, state: { passwordChanged: true } });
        },
        onError: (error) => {
          applyServerErrors(form, error, FIELDS, CODE_FIELDS);
          void message.error(errorText(error));
        },
      },
    );
  };

  return (
    <Card title={t('auth.changePassword')} style={{ maxWidth: 520 }}>
      {me?.passwordExpired && (
        <Alert
          type="warning"
          showIcon
          title={t('password.expired')}
          style={{ marginBottom: 16 }}
          data-testid="password-expired"
        />
      )}
      <Alert type="info" showIcon title={t('password.policy')} style={{ marginBottom: 16 }} />
      {change.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(change.error)}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      )}
      <Form<Values> form={form} name="password" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: async (_, value: string | undefined) => {
                if (!value) return;
                const problem = passwordProblems(value);
                if (problem) {
                  throw new Error(
                    t(`password.problem.${problem}` as MessageKey, { max: PASSWORD_MAX }),
                  );
                }
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) {
                  throw new Error(t('password.mismatch'));
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={change.isPending}
          data-testid="password-submit"
        >
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
