import type { Account, DutyApproval } from '@corridor/contracts';
import { Alert, Form, Modal } from 'antd';
import { useT } from '../../i18n';
import { NewPasswordFields } from '../auth/PasswordFields';
import { useApproval } from './AuditApprovalModal';
import { useAdminResetPassword } from './api';

/**
 * The security administrator sets a temporary password for someone who lost theirs and cannot
 * use the e-mailed link; the owner must change it at first sign-in and every session ends. An
 * auditor's needs another auditor's approval (asked for by the same dialog as other changes).
 */
export function PasswordResetModal({
  account,
  onClose,
}: {
  account: Account;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useAdminResetPassword();
  const approval = useApproval(onClose);
  const onFinish = ({ password }: { password: string }) => {
    const run = (given?: DutyApproval) =>
      reset.mutate(
        {
          id: account.id,
          version: account.version,
          password,
          ...(given ? { approval: given } : {}),
        },
        approval.handlers(t('accounts.passwordResetDone', { username: account.username }), run),
      );
    run();
  };
  return (
    <Modal
      open
      title={t('accounts.passwordResetTitle', { username: account.username })}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      onOk={() => form.submit()}
      okButtonProps={{ loading: reset.isPending, 'data-testid': 'password-reset-submit' }}
    >
      <Alert
        type="warning"
        showIcon
        title={t('accounts.passwordResetHint')}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <NewPasswordFields name="password" label={t('account.initialPassword')} />
      </Form>
      {approval.modal}
    </Modal>
  );
}
