import type { AuditEvent } from '@corridor/contracts';
import { Collapse, Descriptions, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { can, useMe } from '../../app/auth';
import { useT } from '../../i18n';
import { type DetailView, parseDetail, rawDetail } from './detail';

/**
 * The whole of one event (the expanded row): each changed field old → new, the other recorded
 * facts by name, and folded away for the auditor's own check the stored record itself (event
 * number, hash, request id, the JSON exactly as it was hashed).
 */
export function AuditDetail({ event, view }: { event: AuditEvent; view: DetailView }) {
  const t = useT();
  const me = useMe().data;
  const requestId = parseDetail(event.detail).requestId;
  return (
    <div data-testid="audit-detail" style={{ maxWidth: 960 }}>
      {view.changes.length > 0 && (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          style={{ marginBottom: 12 }}
          data-testid="audit-diff"
          dataSource={view.changes}
          columns={[
            { title: t('audit.field'), dataIndex: 'label', width: 180 },
            {
              title: t('audit.before'),
              dataIndex: 'before',
              render: (v: string) => <Typography.Text delete={v !== '—'}>{v}</Typography.Text>,
            },
            {
              title: t('audit.after'),
              dataIndex: 'after',
              render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
            },
          ]}
        />
      )}
      {view.facts.length > 0 ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          data-testid="audit-facts"
          items={view.facts.map((f) => ({
            key: f.key,
            label: f.label,
            children:
              f.link && can(me, f.link.ability) ? <Link to={f.link.path}>{f.value}</Link> : f.value,
          }))}
        />
      ) : (
        view.changes.length === 0 && (
          <Typography.Text type="secondary">{t('audit.noDetail')}</Typography.Text>
        )
      )}
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'raw',
            label: <Typography.Text type="secondary">{t('audit.showRaw')}</Typography.Text>,
            children: (
              <div data-testid="audit-raw">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'id', label: t('audit.eventNo'), children: event.id },
                    {
                      key: 'request',
                      label: t('audit.requestId'),
                      children: typeof requestId === 'string' ? requestId : '—',
                    },
                    {
                      key: 'hash',
                      label: t('audit.hash'),
                      children: (
                        <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                          {event.hash}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
                <Typography.Text type="secondary">{t('audit.raw')}</Typography.Text>
                <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>
                  {rawDetail(event.detail)}
                </pre>
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
