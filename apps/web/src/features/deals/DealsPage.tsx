import { DEAL_STATUSES, type Deal, type DealStatus } from '@corridor/contracts';
import { App, Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { download, errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { type MessageKey, useT } from '../../i18n';
import { useDealStep, useDeals } from './api';
import { useDealColumns } from './columns';
import { DealCreateModal } from './DealCreateModal';
import { RefuseDealModal } from './RefuseDealModal';
import { RegistrationRecordModal } from './RegistrationRecordModal';

/** Technology contracts the caller may see, with signing and 认定登记 where allowed. */
export default function DealsPage() {
  const t = useT();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  // A link may name the status to list (the workbench's "contracts to confirm").
  const [params] = useSearchParams();
  const fromLink = params.get('status');
  const [status, setStatus] = useState<DealStatus | undefined>(
    DEAL_STATUSES.find((s) => s === fromLink),
  );
  /** The contract whose 登记表 is open (to review before registering, or to read after). */
  const [record, setRecord] = useState<Deal | null>(null);
  const [creating, setCreating] = useState(false);
  const [refusing, setRefusing] = useState<Deal | null>(null);
  const { data: me } = useMe();
  const columns = useDealColumns();
  const deals = useDeals({ page, pageSize: 20, ...(status ? { status } : {}) });
  const step = useDealStep();
  const run = ({ id, version }: Deal, s: 'sign' | 'register') =>
    step.mutate(
      { id, version, step: s },
      {
        onSuccess: (deal) => {
          const done =
            s === 'register'
              ? 'deals.registered'
              : deal.status === 'signed'
                ? 'deals.signedBoth'
                : 'deals.signed';
          void message.success(t(done));
          setRecord(s === 'register' ? deal : null);
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('deals.title')}</Typography.Title>
      <Space wrap>
        <Button
          data-testid="deal-export"
          onClick={() =>
            download('/api/v1/deals/export', { status }, '技术合同.xlsx').catch(
              (e) => void message.error(errorText(e)),
            )
          }
        >
          {t('deals.export')}
        </Button>
        {can(me, 'deals.negotiate') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="deal-create">
            {t('deals.create')}
          </Button>
        )}
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('deals.status')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={DEAL_STATUSES.map((s) => ({
            value: s,
            label: t(`deals.status.${s}` as MessageKey),
          }))}
        />
      </Space>
      {creating && <DealCreateModal onClose={() => setCreating(false)} />}
      <Table<Deal>
        rowKey="id"
        loading={deals.isLoading}
        dataSource={deals.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: deals.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          ...columns,
          {
            title: t('common.actions'),
            render: (_, d) => (
              <Space>
                {d.abilities.sign && (
                  <Popconfirm
                    title={t('deals.sign')}
                    description={<div style={{ maxWidth: 320 }}>{t('deals.signConfirm')}</div>}
                    onConfirm={() => run(d, 'sign')}
                    okButtonProps={{ id: 'deal-sign-ok' }}
                  >
                    <Button size="small" data-testid="deal-sign">
                      {t('deals.sign')}
                    </Button>
                  </Popconfirm>
                )}
                {d.abilities.refuse && (
                  <Button
                    size="small"
                    danger
                    onClick={() => setRefusing(d)}
                    data-testid="deal-refuse"
                  >
                    {t('deals.refuse')}
                  </Button>
                )}
                {d.abilities.register && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setRecord(d)}
                    data-testid="deal-register"
                  >
                    {t('deals.register')}
                  </Button>
                )}
                {!d.abilities.register && (
                  <Button size="small" type="link" onClick={() => setRecord(d)}>
                    {d.registration ? t('deals.record') : t('deals.recordPrefilled')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {refusing && <RefuseDealModal deal={refusing} onClose={() => setRefusing(null)} />}
      {record && (
        <RegistrationRecordModal
          dealId={record.id}
          record={record.record}
          onClose={() => setRecord(null)}
          registering={step.isPending}
          {...(record.abilities.register ? { onRegister: () => run(record, 'register') } : {})}
        />
      )}
    </Space>
  );
}
