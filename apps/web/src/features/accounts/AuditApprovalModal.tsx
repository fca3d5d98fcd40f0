import type { DutyApproval } from '@corridor/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../app/api';
import { useT } from '../../i18n';

/** The refusals that ask for a second person: the action is retried with their approval. */
export function needsAuditApproval(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'account.audit_approval_required' ||
      error.code === 'account.audit_approval_invalid')
  );
}

/**
 * 双人授权: a province-level auditor other than the account changed signs in here, at the
 * security admin's screen, to approve disabling, demoting or resetting an auditor's account.
 */
export function AuditApprovalModal({
  error,
  pending,
  onApprove,
  onCancel,
}: {
  /** The last refusal, shown when the approval given was not accepted. */
  error: string | null;
  pending: boolean;
  onApprove: (approval: DutyApproval) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<DutyApproval>();
  return (
    <Modal
      open
      title={t('accounts.approvalTitle')}
      okText={t('accounts.approve')}
      okButtonProps={{ loading: pending, 'data-testid': 'approval-submit' }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('accounts.approvalWhy')} style={{ marginBottom: 16 }} />
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="approval-error"
        />
      )}
      <Form
        form={form}
        name="approval"
        layout="vertical"
        onFinish={(v) => onApprove({ ...v, ...(v.otp ? {} : { otp: undefined }) })}
      >
        <Form.Item
          name="username"
          label={t('accounts.approver')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('accounts.approverPassword')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="otp"
          label={t('accounts.approverOtp')}
          extra={t('accounts.approverOtpHint')}
        >
          <Input inputMode="numeric" maxLength={6} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Runs an account action; when the server asks for an auditor's approval, shows the modal and
 * runs it again with the approval given. `handlers(done, run)` are the mutation's callbacks.
 */
export function useApproval(onDone?: () => void) {
  const { message } = App.useApp();
  const [retry, setRetry] = useState<((a: DutyApproval) => void) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const close = () => {
    setRetry(null);
    setError(null);
    setPending(false);
  };
  const handlers = (done: string, run: (a?: DutyApproval) => void) => ({
    onSuccess: () => {
      close();
      void message.success(done);
      onDone?.();
    },
    onError: (e: unknown) => {
      setPending(false);
      if (!needsAuditApproval(e)) {
        void message.error(errorText(e));
        return;
      }
      setError(
        e instanceof ApiError && e.code === 'account.audit_approval_invalid' ? errorText(e) : null,
      );
      setRetry(() => (a: DutyApproval) => {
        setPending(true);
        run(a);
      });
    },
  });
  const modal = retry ? (
    <AuditApprovalModal error={error} pending={pending} onApprove={retry} onCancel={close} />
  ) : null;
  return { handlers, modal };
}
