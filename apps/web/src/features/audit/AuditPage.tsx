import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { AuditEvent, AuditVerify } from '@corridor/contracts';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { searchByLabel } from '../../app/forms';
import { type MessageKey, type TFunction, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { type AuditFilters, useAuditEvents, useVerifyAudit } from './api';

const OUTCOME_COLOR: Record<string, string> = {
  success: 'green',
  failure: 'orange',
  denied: 'red',
};

function clean(values: AuditFilters): AuditFilters {
  const out: AuditFilters = {};
  if (values.action?.trim()) out.action = values.action.trim();
  if (values.outcome) out.outcome = values.outcome;
  if (values.actorId) out.actorId = values.actorId;
  if (values.objectType?.trim()) out.objectType = values.objectType.trim();
  if (values.from) out.from = values.from;
  if (values.to) out.to = values.to;
  return out;
}

export default function AuditPage() {
  const t = useT();
  const labels = useLabels();
  const [form] = Form.useForm<AuditFilters>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const events = useAuditEvents({ ...filters, ...paging });
  const verify = useVerifyAudit();

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.time'),
      dataIndex: 'occurredAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 140,
      render: (_, e) =>
        e.actorId === null ? t('audit.anonymous') : `${e.actorName ?? ''} (#${e.actorId})`,
    },
    {
      title: t('audit.roles'),
      dataIndex: 'actorRoles',
      width: 150,
      render: (v: string) =>
        v
          .split(/[\s,;]+/)
          .filter(Boolean)
          .map((r) => <Tag key={r}>{labels.role(r)}</Tag>),
    },
    { title: t('audit.city'), dataIndex: 'regionCode', width: 90, render: (v) => labels.city(v) },
    { title: t('audit.action'), dataIndex: 'action', width: 160 },
    {
      title: t('audit.object'),
      key: 'object',
      width: 140,
      render: (_, e) =>
        e.objectType ? `${e.objectType}${e.objectId ? ` #${e.objectId}` : ''}` : '—',
    },
    { title: t('audit.sourceIp'), dataIndex: 'sourceIp', width: 130, render: (v) => v ?? '—' },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (v: string) => <Tag color={OUTCOME_COLOR[v]}>{labels.outcome(v)}</Tag>,
    },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      ellipsis: { showTitle: true },
      render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
    },
  ];

  const result = verify.data;

  return (
    <Card
      title={t('menu.audit')}
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {verify.isError && (
        <Alert
          type="error"
          showIcon
          title={errorText(verify.error)}
          style={{ marginBottom: 16 }}
          data-testid="audit-verify-result"
        />
      )}
      {result && !verify.isPending && (
        <Alert
          type={result.ok ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="audit-verify-result"
          title={
            result.ok
              ? t('audit.verifyOk', { n: result.checked })
              : t('audit.verifyBroken', { id: result.firstBadId ?? '—', n: result.checked })
          }
          description={verifyDetail(result, t)}
        />
      )}
      <Form<AuditFilters>
        form={form}
        name="audit"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(values) => {
          setFilters(clean(values));
          setPaging((p) => ({ ...p, page: 1 }));
        }}
      >
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear placeholder="org.create" style={{ width: 150 }} maxLength={64} />
        </Form.Item>
        <Form.Item name="outcome" label={t('audit.outcome')}>
          <Select
            showSearch={searchByLabel}
            allowClear
            options={labels.outcomeOptions}
            style={{ width: 110 }}
          />
        </Form.Item>
        <Form.Item name="objectType" label={t('audit.objectType')}>
          <Input allowClear placeholder="org" style={{ width: 110 }} maxLength={32} />
        </Form.Item>
        <Form.Item name="actorId" label={t('audit.actorId')}>
          <InputNumber min={1} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="from" label={t('audit.from')}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="to" label={t('audit.to')}>
          <Input type="date" style={{ width: 150 }} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined />}
            data-testid="audit-search"
          >
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
              setPaging((p) => ({ ...p, page: 1 }));
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      {events.isError && (
        <Alert type="error" showIcon title={errorText(events.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="audit-table">
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={events.data?.items ?? []}
          loading={events.isFetching}
          scroll={{ x: 1300 }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        />
      </div>
    </Card>
  );
}

/** What the verify result rests on (the checkpoint) or why it failed, in the reader's language. */
function verifyDetail(result: AuditVerify, t: TFunction): string {
  const at = result.checkpoint ? formatDateTime(result.checkpoint.at) : '';
  const values = { at, count: result.checkpoint?.count ?? 0, n: result.checked };
  if (!result.ok && result.reasonCode)
    return t(`audit.break.${result.reasonCode}` as MessageKey, values);
  const held = result.checkpoint ? t('audit.checkpointHeld', values) : t('audit.noCheckpoint');
  return result.archived > 0 ? `${held}${t('audit.archived', { n: result.archived })}` : held;
}
