import {
  CreateAccountBodySchema,
  PASSWORD_MAX,
  passwordProblems,
  type Role,
  type ScopeCode,
} from '@corridor/contracts';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { applyServerErrors, schemaRule, searchByLabel } from '../../app/forms';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useCreateAccount } from './api';
import { orgFitsRoles, regionFitsRoles, roleSetRule } from './roleRules';

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  regionCode: ScopeCode;
  orgId?: number | null;
  email?: string;
}

const FIELDS = [
  'username',
  'displayName',
  'password',
  'roles',
  'regionCode',
  'orgId',
  'email',
] as const;
const CODE_FIELDS: Record<string, string> = {
  'account.username_taken': 'username',
  'account.roles_invalid': 'roles',
  'account.scope_invalid': 'regionCode',
  'auth.password_policy': 'password',
};

export function CreateAccountModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAccount();
  const [formError, setFormError] = useState<string | null>(null);
  const shape = CreateAccountBodySchema.shape;
  const required = { required: true, message: t('common.required') };
  const roles = () => form.getFieldValue('roles') as Role[] | undefined;

  const onFinish = (v: Values) => {
    setFormError(null);
    create.mutate(
      {
        username: v.username.trim().toLowerCase(),
        displayName: v.displayName.trim(),
        password: v.password,
        roles: v.roles,
        regionCode: v.regionCode,
        orgId: v.orgId ?? null,
        email: v.email?.trim() || null,
      },
      {
        onSuccess: (account) => {
          void message.success(t('account.created', { username: account.username }));
          onClose();
        },
        onError: (error) => {
          applyServerErrors(form, error, FIELDS, CODE_FIELDS);
          setFormError(errorText(error));
          void message.error(errorText(error));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('account.createTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="account-submit"
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
          data-testid="account-form-error"
        />
      )}
      <Form<Values> form={form} name="account" layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="username"
          label={t('account.username')}
          normalize={(v: string | undefined) => v?.toLowerCase()}
          rules={[required, schemaRule(shape.username, labels.locale)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('account.displayName')}
          rules={[required, schemaRule(shape.displayName, labels.locale)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('account.initialPassword')}
          extra={t('password.policy')}
          rules={[
            required,
            {
              validator: async (_, value: string | undefined) => {
                const problem = value ? passwordProblems(value) : null;
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
          name="roles"
          label={t('account.roles')}
          rules={[required, roleSetRule(t, labels.locale)]}
        >
          <Select
            showSearch={searchByLabel}
            mode="multiple"
            options={labels.roleOptions}
            placeholder={t('common.select')}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('account.region')}
          dependencies={['roles']}
          rules={[required, regionFitsRoles(t, labels.locale, roles)]}
        >
          <Select
            showSearch={searchByLabel}
            options={labels.scopeOptions}
            placeholder={t('common.select')}
          />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('account.orgId')}
          dependencies={['roles']}
          extra={t('account.orgIdHint')}
          rules={[orgFitsRoles(t, roles)]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('colleagues.email')}
          extra={t('colleagues.emailHint')}
          rules={[schemaRule(shape.email, labels.locale)]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
