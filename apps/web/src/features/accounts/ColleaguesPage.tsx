import { PlusOutlined } from '@ant-design/icons';
import { type Colleague, CreateColleagueBodySchema } from '@corridor/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { useMe } from '../../app/auth';
import { formatDate } from '../../app/format';
import { applyServerErrors, schemaRule } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { NewPasswordFields } from '../auth/PasswordFields';
import { useColleagues, useCreateColleague, useUpdateColleague } from './api';

/**
 * The organisation's account manager (issue 10 item 13) adds colleagues — enterprise users of
 * the same organisation, with a first password they change at first sign-in — and disables
 * those who leave.
 */
export default function ColleaguesPage() {
  const t = useT();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const list = useColleagues();
  const update = useUpdateColleague();
  const [adding, setAdding] = useState(false);

  const toggle = (c: Colleague) =>
    update.mutate(
      { id: c.id, version: c.version, disabled: !c.disabled },
      {
        onSuccess: () =>
          void message.success(c.disabled ? t('account.enabled') : t('account.disabledDone')),
        onError: (e) => void message.error(errorText(e)),
      },
    );

  const columns: TableColumnsType<Colleague> = [
    { title: t('account.username'), dataIndex: 'username', width: 160 },
    { title: t('account.displayName'), dataIndex: 'displayName', width: 140 },
    { title: t('colleagues.email'), dataIndex: 'email', render: (v) => v ?? '—' },
    {
      title: t('account.status'),
      key: 'status',
      width: 260,
      render: (_, c) => (
        <Space size={4} wrap>
          {c.disabled ? (
            <Tag color="red">{t('account.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('account.active')}</Tag>
          )}
          {c.orgManager && <Tag color="blue">{t('colleagues.manager')}</Tag>}
          {c.passwordSetByOther && !c.disabled && <Tag>{t('colleagues.firstPassword')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('account.createdAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (v) => formatDate(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, c) =>
        c.id === me?.id || c.orgManager ? null : (
          <Popconfirm
            title={c.disabled ? t('account.confirmEnable') : t('account.confirmDisable')}
            okButtonProps={{ 'data-testid': 'confirm-ok' }}
            onConfirm={() => toggle(c)}
          >
            <Button
              type="link"
              size="small"
              danger={!c.disabled}
              data-testid={`colleague-toggle-${c.id}`}
            >
              {c.disabled ? t('account.enable') : t('account.disable')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      title={t('menu.colleagues')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="colleague-add"
        >
          {t('colleagues.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('colleagues.intro', { org: me?.orgName ?? '' })}
      </Typography.Paragraph>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="colleagues-table">
        <Table<Colleague>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 900 }}
          pagination={false}
        />
      </div>
      {adding && <AddColleagueModal onClose={() => setAdding(false)} />}
    </Card>
  );
}

interface Values {
  username: string;
  displayName: string;
  email?: string;
  password: string;
}

const FIELDS = ['username', 'displayName', 'email', 'password'] as const;
const CODE_FIELDS: Record<string, string> = {
  'account.username_taken': 'username',
  'auth.password_policy': 'password',
  'auth.password_common': 'password',
};

function AddColleagueModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateColleague();
  const shape = CreateColleagueBodySchema.shape;
  const required = { required: true, message: t('common.required') };
  const onFinish = (v: Values) =>
    create.mutate(
      {
        username: v.username.trim().toLowerCase(),
        displayName: v.displayName.trim(),
        email: v.email?.trim() || null,
        password: v.password,
      },
      {
        onSuccess: (c) => {
          void message.success(t('account.created', { username: c.username }));
          onClose();
        },
        onError: (e) => {
          applyServerErrors(form, e, FIELDS, CODE_FIELDS);
          void message.error(errorText(e));
        },
      },
    );
  return (
    <Modal
      open
      title={t('colleagues.add')}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'colleague-submit' }}
      okText={t('common.save')}
    >
      <Alert type="info" showIcon title={t('colleagues.addHint')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} name="colleague" layout="vertical" onFinish={onFinish}>
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
          name="email"
          label={t('colleagues.email')}
          extra={t('colleagues.emailHint')}
          rules={[schemaRule(shape.email, labels.locale)]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <NewPasswordFields name="password" label={t('account.initialPassword')} />
      </Form>
    </Modal>
  );
}
