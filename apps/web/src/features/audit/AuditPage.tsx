import { HistoryOutlined } from '@ant-design/icons';
import type { AuditEvent } from '@corridor/contracts';
import {
  Alert,
  Button,
  Card,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { AuditDetail } from './AuditDetail';
import { AuditFilterForm } from './AuditFilters';
import { useVerifyAudit, VerifyButton, VerifyHelp, VerifyResult } from './AuditVerify';
import { type AuditFilters, useAuditEvents } from './api';
import { type DetailView, describeDetail, detailSummary } from './detail';
import { actionText, describeObject, type ObjectWords } from './objects';

const OUTCOME_COLOR: Record<string, string> = {
  success: 'green',
  failure: 'orange',
  denied: 'red',
};

interface Row extends AuditEvent {
  words: { object: ObjectWords | null; view: DetailView; summary: string };
}

/** One object's whole history, narrowed from a row (its type and id). */
interface History {
  objectType: string;
  objectId: string;
  title: string;
}

export default function AuditPage() {
  const t = useT();
  const labels = useLabels();
  const me = useMe().data;
  const [filters, setFilters] = useState<AuditFilters>({});
  const [history, setHistory] = useState<History | null>(null);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = history
    ? { ...filters, objectType: history.objectType, objectId: history.objectId }
    : filters;
  const events = useAuditEvents({ ...query, ...paging });
  const verify = useVerifyAudit();
  const w = useMemo(() => ({ locale: labels.locale, t }), [labels.locale, t]);
  const rows: Row[] = useMemo(
    () =>
      (events.data?.items ?? []).map((e) => {
        const view = describeDetail(e, w);
        return {
          ...e,
          words: { object: describeObject(e, w), view, summary: detailSummary(view, w.locale) },
        };
      }),
    [events.data, w],
  );
  const firstPage = () => setPaging((p) => ({ ...p, page: 1 }));

  const columns: TableColumnsType<Row> = [
    {
      title: t('audit.time'),
      dataIndex: 'occurredAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 150,
      render: (_, e) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text strong={e.actorId !== null} ellipsis style={{ maxWidth: 130 }}>
            {e.actorId === null ? t('audit.anonymous') : (e.actorName ?? '—')}
          </Typography.Text>
          <span>
            {e.actorRoles
              .split(/[\s,;]+/)
              .filter((r) => r && r !== 'anonymous')
              .map((r) => (
                <Tag key={r} style={{ marginInlineEnd: 4 }}>
                  {labels.role(r)}
                </Tag>
              ))}
          </span>
          {e.sourceIp && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('audit.sourceIp')} {e.sourceIp}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('audit.city'), dataIndex: 'regionCode', width: 64, render: (v) => labels.city(v) },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (v: string) => <span data-testid="audit-action">{actionText(v, w)}</span>,
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 220,
      render: (_, e) => (
        <ObjectCell
          e={e}
          canOpen={(a) => can(me, a)}
          onHistory={(h) => {
            setHistory(h);
            firstPage();
          }}
        />
      ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 72,
      render: (v: string) => <Tag color={OUTCOME_COLOR[v]}>{labels.outcome(v)}</Tag>,
    },
    {
      title: t('audit.detail'),
      key: 'detail',
      // One line here (the column takes what the others leave at 1440 px); the whole detail
      // on hover, and field by field in the expanded row.
      ellipsis: { showTitle: false },
      render: (_, e) => (
        <Tooltip title={e.words.summary || undefined} placement="topLeft">
          <Typography.Text type="secondary" data-testid="audit-detail-summary">
            {e.words.summary || '—'}
          </Typography.Text>
        </Tooltip>
      ),
    },
  ];

  return (
    <Card title={t('menu.audit')} extra={<VerifyButton verify={verify} />}>
      <VerifyResult verify={verify} />
      <AuditFilterForm
        onSearch={(f) => {
          setFilters(f);
          firstPage();
        }}
      />
      {history && (
        <Alert
          type="info"
          showIcon
          icon={<HistoryOutlined />}
          style={{ marginBottom: 16 }}
          data-testid="audit-history"
          title={t('audit.historyOf', { object: history.title })}
          action={
            <Button
              size="small"
              onClick={() => {
                setHistory(null);
                firstPage();
              }}
            >
              {t('audit.historyClear')}
            </Button>
          }
        />
      )}
      {events.isError && (
        <Alert type="error" showIcon title={errorText(events.error)} style={{ marginBottom: 16 }} />
      )}
      <div data-testid="audit-table">
        <Table<Row>
          rowKey="id"
          size="small"
          tableLayout="fixed"
          columns={columns}
          dataSource={rows}
          loading={events.isFetching}
          // Fits 1440 px without scrolling (the detail column takes what is left, in one line);
          // narrower screens scroll sideways.
          scroll={{ x: 1000 }}
          expandable={{
            expandedRowRender: (e) => <AuditDetail event={e} view={e.words.view} />,
            columnWidth: 40,
          }}
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
      <VerifyHelp />
    </Card>
  );
}

/** The object in words: its kind, its name (a link to its page for those who may open it). */
function ObjectCell({
  e,
  canOpen,
  onHistory,
}: {
  e: Row;
  canOpen: (ability: NonNullable<ObjectWords['link']>['ability']) => boolean;
  onHistory: (h: History) => void;
}) {
  const t = useT();
  const o = e.words.object;
  if (!o) return '—';
  const open = !!o.link && !!o.name && canOpen(o.link.ability);
  return (
    <div data-testid="audit-object">
      <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {o.type}
        </Typography.Text>
        {e.objectType && e.objectId && (
          <Tooltip title={`${t('audit.history')}。${t('audit.openHint')}`}>
            <Button
              type="text"
              size="small"
              icon={<HistoryOutlined />}
              aria-label={t('audit.history')}
              data-testid="audit-object-history"
              onClick={() =>
                onHistory({
                  objectType: e.objectType!,
                  objectId: e.objectId!,
                  title: `${o.type}${o.name ? ` ${o.name}` : ''}`,
                })
              }
            />
          </Tooltip>
        )}
      </div>
      {o.name && (
        <Typography.Text ellipsis={{ tooltip: o.name }} style={{ maxWidth: '100%' }}>
          {open ? <Link to={o.link!.path}>{o.name}</Link> : o.name}
        </Typography.Text>
      )}
    </div>
  );
}
