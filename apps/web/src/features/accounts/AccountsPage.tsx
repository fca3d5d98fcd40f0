import { PlusOutlined } from '@ant-design/icons';
import { type Account, type DutyApproval, ROLES, type Role } from '@corridor/contracts';
import {
  Alert,
  Button,
  Card,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { useMe } from '../../app/auth';
import { formatDate, formatDateTime } from '../../app/format';
import { searchByLabel } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useApproval } from './AuditApprovalModal';
import { type AccountPatch, useAccounts, useResetMfa, useUpdateAccount } from './api';
import { CreateAccountModal } from './CreateAccountModal';
import { PasswordResetModal } from './PasswordResetModal';
import { RolesModal } from './RolesModal';

const isLocked = (a: Account) => !!a.lockedUntil && new Date(a.lockedUntil).getTime() > Date.now();

export default function AccountsPage() {
  const t = useT();
  const labels = useLabels();
  const { data: me } = useMe();
  const [q, setQ] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editingRoles, setEditingRoles] = useState<Account | null>(null);
  const [resettingPassword, setResettingPassword] = useState<Account | null>(null);
  const accounts = useAccounts({ q, role, ...paging });
  const update = useUpdateAccount();
  const resetMfa = useResetMfa();

  const approval = useApproval();
  const patch = (account: Account, body: Omit<AccountPatch, 'version'>, done: string) => {
    const run = (given?: DutyApproval) =>
      update.mutate(
        {
          id: account.id,
          patch: { ...body, version: account.version, ...(given ? { approval: given } : {}) },
        },
        approval.handlers(done, run),
      );
    run();
  };
  const reset = (account: Account) => {
    const run = (given?: DutyApproval) =>
      resetMfa.mutate(
        { ...account, ...(given ? { approval: given } : {}) },
        approval.handlers(t('common.saved'), run),
      );
    run();
  };

  const columns: TableColumnsType<Account> = [
    { title: t('account.username'), dataIndex: 'username', width: 150 },
    { title: t('account.displayName'), dataIndex: 'displayName', width: 140 },
    {
      title: t('account.roles'),
      dataIndex: 'roles',
      render: (roles: Role[]) =>
        roles.map((r) => (
          <Tag key={r} color="blue">
            {labels.role(r)}
          </Tag>
        )),
    },
    {
      title: t('account.region'),
      dataIndex: 'regionCode',
      width: 110,
      render: (v) => labels.city(v),
    },
    { title: t('account.orgId'), dataIndex: 'orgId', width: 90, render: (v) => v ?? '—' },
    {
      title: t('account.status'),
      key: 'status',
      width: 200,
      render: (_, a) => (
        <Space size={4} wrap>
          {a.disabled ? (
            <Tag color="red">{t('account.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('account.active')}</Tag>
          )}
          {isLocked(a) && (
            <Tag color="orange">
              {t('account.lockedUntil', { time: formatDateTime(a.lockedUntil) })}
            </Tag>
          )}
          {a.mfaEnabled && <Tag color="cyan">{t('accounts.mfa')}</Tag>}
          {a.orgManager && <Tag color="blue">{t('colleagues.manager')}</Tag>}
          {a.passwordSetByOther && <Tag>{t('colleagues.firstPassword')}</Tag>}
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
      width: 300,
      fixed: 'right',
      render: (_, a) => {
        const self = a.id === me?.id;
        return (
          <Space size={0} wrap>
            <Button
              type="link"
              size="small"
              disabled={self}
              onClick={() => setEditingRoles(a)}
              data-testid={`account-roles-${a.id}`}
            >
              {t('account.changeRoles')}
            </Button>
            <Popconfirm
              title={a.disabled ? t('account.confirmEnable') : t('account.confirmDisable')}
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              onConfirm={() =>
                patch(
                  a,
                  { disabled: !a.disabled },
                  a.disabled ? t('account.enabled') : t('account.disabledDone'),
                )
              }
              disabled={self}
            >
              <Button
                type="link"
                size="small"
                danger={!a.disabled}
                disabled={self}
                data-testid={`account-toggle-${a.id}`}
              >
                {a.disabled ? t('account.enable') : t('account.disable')}
              </Button>
            </Popconfirm>
            {a.mfaEnabled && (
              <Popconfirm title={t('accounts.mfaResetConfirm')} onConfirm={() => reset(a)}>
                <Button type="link" size="small" danger data-testid={`account-mfa-reset-${a.id}`}>
                  {t('accounts.mfaReset')}
                </Button>
              </Popconfirm>
            )}
            <Button
              type="link"
              size="small"
              disabled={self}
              onClick={() => setResettingPassword(a)}
              data-testid={`account-password-reset-${a.id}`}
            >
              {t('accounts.passwordReset')}
            </Button>
            {a.orgId !== null && a.roles.includes('enterprise') && (
              <Popconfirm
                title={
                  a.orgManager
                    ? t('accounts.orgManagerOffConfirm')
                    : t('accounts.orgManagerOnConfirm')
                }
                onConfirm={() => patch(a, { orgManager: !a.orgManager }, t('common.saved'))}
              >
                <Button type="link" size="small" data-testid={`account-org-manager-${a.id}`}>
                  {a.orgManager ? t('accounts.orgManagerOff') : t('accounts.orgManagerOn')}
                </Button>
              </Popconfirm>
            )}
            {isLocked(a) && (
              <Button
                type="link"
                size="small"
                onClick={() => patch(a, { unlock: true }, t('account.unlocked'))}
                data-testid={`account-unlock-${a.id}`}
              >
                {t('account.unlock')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      title={t('menu.accounts')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="account-create"
        >
          {t('account.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          id="accounts-filter-q"
          data-testid="account-search"
          allowClear
          style={{ width: 260 }}
          maxLength={64}
          placeholder={t('account.searchPlaceholder')}
          onSearch={(value) => {
            setQ(value.trim() || undefined);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          enterButton
        />
        <Select<Role>
          showSearch={searchByLabel}
          id="accounts-filter-role"
          allowClear
          style={{ width: 200 }}
          placeholder={t('account.roles')}
          options={ROLES.map((r) => ({ value: r, label: labels.role(r) }))}
          value={role}
          onChange={(value) => {
            setRole(value);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
      </Space>
      {accounts.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(accounts.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <div data-testid="accounts-table">
        <Table<Account>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={accounts.data?.items ?? []}
          loading={accounts.isFetching}
          scroll={{ x: 1200 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: accounts.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        />
      </div>
      {creating && <CreateAccountModal onClose={() => setCreating(false)} />}
      {editingRoles && <RolesModal account={editingRoles} onClose={() => setEditingRoles(null)} />}
      {resettingPassword && (
        <PasswordResetModal
          account={resettingPassword}
          onClose={() => setResettingPassword(null)}
        />
      )}
      {approval.modal}
    </Card>
  );
}
