import type { Account, DutyApproval, Role } from '@corridor/contracts';
import { Alert, App, Button, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { applyServerErrors, searchByLabel } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { needsAuditApproval, useApproval } from './AuditApprovalModal';
import { useUpdateAccount } from './api';
import { roleSetRule } from './roleRules';

/** Change the roles of one account (PATCH /accounts/:id {roles}). */
export function RolesModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: Role[] }>();
  const update = useUpdateAccount();
  const [formError, setFormError] = useState<string | null>(null);

  const approval = useApproval(onClose);
  const onFinish = ({ roles }: { roles: Role[] }) => {
    setFormError(null);
    const run = (given?: DutyApproval) => {
      const asked = approval.handlers(t('common.saved'), run);
      update.mutate(
        {
          id: account.id,
          patch: { roles, version: account.version, ...(given ? { approval: given } : {}) },
        },
        {
          onSuccess: asked.onSuccess,
          onError: (error) => {
            if (needsAuditApproval(error)) return asked.onError(error);
            applyServerErrors(form, error, ['roles'], { 'account.roles_invalid': 'roles' });
            setFormError(errorText(error));
            void message.error(errorText(error));
          },
        },
      );
    };
    run();
  };

  return (
    <Modal
      open
      title={t('account.rolesTitle', { username: account.username })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={update.isPending}
          onClick={() => form.submit()}
          data-testid="roles-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {formError && (
        <Alert
          type="error"
          showIcon
          title={formError}
          style={{ marginBottom: 16 }}
          data-testid="roles-form-error"
        />
      )}
      <Form
        form={form}
        name="roles"
        layout="vertical"
        initialValues={{ roles: account.roles }}
        onFinish={onFinish}
      >
        <Form.Item
          name="roles"
          label={t('account.roles')}
          rules={[{ required: true, message: t('common.required') }, roleSetRule(t, labels.locale)]}
        >
          <Select showSearch={searchByLabel} mode="multiple" options={labels.roleOptions} />
        </Form.Item>
      </Form>
      {approval.modal}
    </Modal>
  );
}
