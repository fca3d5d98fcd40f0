import type { Registration, RegistrationStatus } from '@corridor/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { formatDate } from '../../app/format';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useDecideRegistration, useRegistrations } from './api';

/**
 * The city admin's enterprise registrations (issue 10 item 13): approve (the organisation is
 * added when new, and the applicant becomes its account manager) or reject with a reason the
 * applicant reads in the e-mail.
 */
export default function RegistrationsPage() {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [status, setStatus] = useState<RegistrationStatus | undefined>('pending');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [rejecting, setRejecting] = useState<Registration | null>(null);
  const list = useRegistrations({ ...(status ? { status } : {}), ...paging });
  const decide = useDecideRegistration();

  const statusTag: Record<RegistrationStatus, { color: string; text: string }> = {
    pending: { color: 'gold', text: t('registrations.pending') },
    approved: { color: 'green', text: t('registrations.approved') },
    rejected: { color: 'red', text: t('registrations.rejected') },
  };

  const approve = (r: Registration) =>
    decide.mutate(
      { id: r.id, version: r.version },
      {
        onSuccess: () => void message.success(t('registrations.approvedDone', { name: r.orgName })),
        onError: (e) => void message.error(errorText(e)),
      },
    );

  const columns: TableColumnsType<Registration> = [
    {
      title: t('registrations.submittedAt'),
      dataIndex: 'createdAt',
      width: 110,
      render: (v) => formatDate(v),
    },
    {
      title: t('registrations.org'),
      key: 'org',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{r.orgName}</Typography.Text>
          <Typography.Text type="secondary" copyable>
            {r.creditCode}
          </Typography.Text>
          {r.directoryOrg ? (
            <Link to={`/app/orgs/${r.directoryOrg.id}`}>
              {t('registrations.inDirectory', { name: r.directoryOrg.name })}
            </Link>
          ) : (
            <Tag>{t('registrations.newOrg')}</Tag>
          )}
          {r.industry && (
            <Typography.Text type="secondary">{labels.industry(r.industry)}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('registrations.applicant'),
      key: 'applicant',
      width: 240,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>
            {r.displayName}（{r.username}）
          </span>
          <Typography.Text type="secondary">{r.email}</Typography.Text>
          {r.phone && <Typography.Text type="secondary">{r.phone}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('registrations.status'),
      key: 'status',
      width: 220,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Tag color={statusTag[r.status].color}>{statusTag[r.status].text}</Tag>
          {r.decidedAt && (
            <Typography.Text type="secondary">
              {t('registrations.decidedBy', {
                name: r.decidedByName ?? '—',
                date: formatDate(r.decidedAt),
              })}
            </Typography.Text>
          )}
          {r.reason && (
            <Typography.Text type="secondary">
              {t('registrations.reasonShown', { reason: r.reason })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, r) =>
        r.status === 'pending' ? (
          <Space size={0}>
            <Popconfirm
              title={t('registrations.approveConfirm', { name: r.orgName })}
              description={
                r.directoryOrg ? t('registrations.approveLinks') : t('registrations.approveCreates')
              }
              okButtonProps={{ 'data-testid': 'confirm-ok' }}
              onConfirm={() => approve(r)}
            >
              <Button type="link" size="small" data-testid={`registration-approve-${r.id}`}>
                {t('registrations.approve')}
              </Button>
            </Popconfirm>
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setRejecting(r)}
              data-testid={`registration-reject-${r.id}`}
            >
              {t('registrations.reject')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <Card title={t('menu.registrations')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<RegistrationStatus>
          allowClear
          style={{ width: 200 }}
          value={status}
          placeholder={t('registrations.allStatuses')}
          options={(['pending', 'approved', 'rejected'] as const).map((s) => ({
            value: s,
            label: statusTag[s].text,
          }))}
          onChange={(v) => {
            setStatus(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          data-testid="registrations-status"
        />
      </Space>
      {list.isError && (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="registrations-table">
        <Table<Registration>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1000 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        />
      </div>
      {rejecting && <RejectModal registration={rejecting} onClose={() => setRejecting(null)} />}
    </Card>
  );
}

function RejectModal({
  registration,
  onClose,
}: {
  registration: Registration;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideRegistration();
  const onFinish = ({ reason }: { reason: string }) =>
    decide.mutate(
      { id: registration.id, version: registration.version, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('registrations.rejectedDone'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  return (
    <Modal
      open
      title={t('registrations.rejectTitle', { name: registration.orgName })}
      onCancel={onClose}
      maskClosable={false}
      keyboard={false}
      okText={t('registrations.reject')}
      okButtonProps={{ danger: true, loading: decide.isPending, 'data-testid': 'reject-submit' }}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('registrations.reason')}
          extra={t('registrations.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { min: 2, max: 500, message: t('registrations.reasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
