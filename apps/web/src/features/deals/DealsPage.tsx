import {
  DEAL_STATUSES,
  type Deal,
  type DealStatus,
  HIGH_TECH_FIELD_LABELS,
  type HighTechField,
  type RegistrationRecord,
} from '@corridor/contracts';
import { App, Button, Descriptions, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { download, errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useDealStep, useDeals } from './api';
import { useDealColumns } from './columns';
import { DealCreateModal } from './DealCreateModal';

/** Technology contracts the caller may see, with signing and 认定登记 where allowed. */
export default function DealsPage() {
  const t = useT();
  const { locale } = useLocale();
  const labels = useLabels();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<DealStatus | undefined>();
  const [record, setRecord] = useState<RegistrationRecord | null>(null);
  const [creating, setCreating] = useState(false);
  const { data: me } = useMe();
  const columns = useDealColumns();
  const deals = useDeals({ page, pageSize: 20, ...(status ? { status } : {}) });
  const step = useDealStep();
  const field = (code: string) =>
    HIGH_TECH_FIELD_LABELS[code as HighTechField]?.[locale === 'zh-CN' ? 'zh' : 'en'] ?? code;
  const run = (id: number, s: 'sign' | 'register') =>
    step.mutate(
      { id, step: s },
      {
        onSuccess: (deal) => {
          void message.success(t('common.saved'));
          if (deal.registration) setRecord(deal.registration);
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
                  <Button size="small" onClick={() => run(d.id, 'sign')}>
                    {t('deals.sign')}
                  </Button>
                )}
                {d.abilities.register && (
                  <Button size="small" type="primary" onClick={() => run(d.id, 'register')}>
                    {t('deals.register')}
                  </Button>
                )}
                {d.registration && (
                  <Button size="small" type="link" onClick={() => setRecord(d.registration)}>
                    {t('deals.record')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={record !== null}
        title={t('deals.record')}
        footer={null}
        width={760}
        onCancel={() => setRecord(null)}
      >
        {record && (
          <Descriptions column={2} bordered size="small">
            <Descriptions.Item label={t('deals.registrationNo')} span={2}>
              {record.registrationNo}
            </Descriptions.Item>
            <Descriptions.Item label={t('deals.project')} span={2}>
              {record.projectName}
            </Descriptions.Item>
            <Descriptions.Item label={t('deals.type')}>
              {t(`deals.type.${record.type}` as MessageKey)}
            </Descriptions.Item>
            <Descriptions.Item label={t('deals.field')}>{field(record.field)}</Descriptions.Item>
            <Descriptions.Item label={t('deals.signedOn')}>{record.signedOn}</Descriptions.Item>
            <Descriptions.Item label={t('deals.validity')}>
              {record.validFrom} ~ {record.validTo}
            </Descriptions.Item>
            {(['seller', 'buyer'] as const).map((side) => (
              <Descriptions.Item key={side} label={t(`deals.${side}` as MessageKey)} span={2}>
                {record[side].name} · {record[side].creditCode} · {t('deals.nature')}{' '}
                {record[side].natureCode} · {t('deals.region')} {record[side].regionCode} ·{' '}
                {t('deals.country')} {record[side].countryCode}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t('deals.amount')}>{record.totalAmountWan}</Descriptions.Item>
            <Descriptions.Item label={t('deals.techAmount')}>
              {record.techAmountWan}
            </Descriptions.Item>
            <Descriptions.Item label={t('deals.registeredAt')} span={2}>
              {record.registeredAt.slice(0, 10)} · {labels.city(record.registrationRegion)}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    </Space>
  );
}
