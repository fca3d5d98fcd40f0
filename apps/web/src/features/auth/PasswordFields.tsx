import { PASSWORD_MAX, passwordProblems } from '@corridor/contracts';
import { Form, Input } from 'antd';
import { type MessageKey, useT } from '../../i18n';

/**
 * A new password and its confirmation, checked against the policy as it is typed (the server
 * also refuses common and guessable passwords, shown under the field when it answers).
 */
export function NewPasswordFields({ name, label }: { name: string; label: string }) {
  const t = useT();
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={t('password.policy')}
        rules={[
          { required: true, message: t('common.required') },
          {
            validator: async (_, value: string | undefined) => {
              const problem = value ? passwordProblems(value) : null;
              if (problem)
                throw new Error(
                  t(`password.problem.${problem}` as MessageKey, { max: PASSWORD_MAX }),
                );
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${name}-input`} />
      </Form.Item>
      <Form.Item
        name={`${name}Confirm`}
        label={t('password.confirm')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue(name)) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid={`${name}-confirm`} />
      </Form.Item>
    </>
  );
}
