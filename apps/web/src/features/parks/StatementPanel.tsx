import type { Park, PaymentInput } from '@corridor/contracts';
import { REVENUE_TYPES } from '@corridor/contracts';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { DateInput } from '../../app/DateInput';
import { formatDate } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { Chart } from '../cockpit/Chart';
import { usePayments, useRecordPayment, useStatement } from './api';
import { useParkLabels, wan } from './labels';

/** Promised vs paid per party and year (chart and tables), payments and their entry. */
export function StatementPanel({ park }: { park: Park }) {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const statement = useStatement(park.id);
  const payments = usePayments(park.id);
  const [recording, setRecording] = useState(false);
  if (statement.error) return <Alert type="error" title={errorText(statement.error)} />;
  const totals = statement.data?.totals ?? [];
  const cats = totals.map((r) =>
    t('parks.statement.chartYear', { year: r.year, city: labels.city(r.cityCode) }),
  );
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('parks.promised'), t('parks.paid')] },
    grid: { left: 60, right: 20, bottom: 40 },
    xAxis: { type: 'category', data: cats },
    yAxis: { type: 'value', name: '万元' },
    series: [
      { name: t('parks.promised'), type: 'bar', data: totals.map((r) => r.promisedWan) },
      { name: t('parks.paid'), type: 'bar', data: totals.map((r) => r.paidWan) },
    ],
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setRecording(true)} data-testid="payment-add">
        {t('parks.payment.add')}
      </Button>
      {totals.length === 0 ? (
        <Typography.Text type="secondary">{t('parks.statement.empty')}</Typography.Text>
      ) : (
        <Chart option={option} style={{ height: 320 }} testId="statement-chart" />
      )}
      <Typography.Title level={5}>{t('parks.statement.byParty')}</Typography.Title>
      <Table
        // Wide tables scroll inside their card, never widen the page (390 px phones).
        scroll={{ x: 'max-content' }}
        size="small"
        pagination={false}
        rowKey={(r) => `${r.year}:${r.cityCode}`}
        dataSource={totals}
        data-testid="statement-table"
        columns={[
          { title: t('parks.year'), dataIndex: 'year' },
          {
            title: t('parks.toCityPayee'),
            dataIndex: 'cityCode',
            render: (c: string) => labels.city(c),
          },
          { title: t('parks.promised'), dataIndex: 'promisedWan', align: 'right', render: wan },
          { title: t('parks.paid'), dataIndex: 'paidWan', align: 'right', render: wan },
          {
            title: t('parks.shortfall'),
            dataIndex: 'shortfallWan',
            align: 'right',
            render: (v: number) => (
              <Typography.Text type={v > 0 ? 'danger' : undefined}>{wan(v)}</Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('parks.statement.lines')}</Typography.Title>
      <Table
        // Wide tables scroll inside their card, never widen the page (390 px phones).
        scroll={{ x: 'max-content' }}
        size="small"
        rowKey={(r) => `${r.year}:${r.item}:${r.fromCity}:${r.toCity}`}
        dataSource={statement.data?.lines ?? []}
        columns={[
          { title: t('parks.year'), dataIndex: 'year' },
          { title: t('parks.item'), dataIndex: 'item', render: (v: string) => pl.item(v) },
          {
            title: t('parks.fromCity'),
            dataIndex: 'fromCity',
            render: (c: string) => labels.city(c),
          },
          {
            title: t('parks.toCityPayee'),
            dataIndex: 'toCity',
            render: (c: string) => labels.city(c),
          },
          { title: t('parks.promised'), dataIndex: 'promisedWan', align: 'right', render: wan },
          { title: t('parks.paid'), dataIndex: 'paidWan', align: 'right', render: wan },
          { title: t('parks.shortfall'), dataIndex: 'shortfallWan', align: 'right', render: wan },
        ]}
      />
      <Typography.Title level={5}>{t('parks.payments')}</Typography.Title>
      <Table
        // Wide tables scroll inside their card, never widen the page (390 px phones).
        scroll={{ x: 'max-content' }}
        size="small"
        rowKey="id"
        dataSource={payments.data?.items ?? []}
        columns={[
          { title: t('parks.paidOn'), dataIndex: 'paidOn', render: (v: string) => formatDate(v) },
          { title: t('parks.year'), dataIndex: 'year' },
          { title: t('parks.item'), dataIndex: 'item', render: (v: string) => pl.item(v) },
          {
            title: t('parks.fromCity'),
            dataIndex: 'payerCity',
            render: (c: string) => labels.city(c),
          },
          {
            title: t('parks.toCityPayee'),
            dataIndex: 'payeeCity',
            render: (c: string) => labels.city(c),
          },
          { title: t('parks.amount'), dataIndex: 'amountWan', align: 'right', render: wan },
          { title: t('parks.note'), dataIndex: 'note' },
        ]}
      />
      {recording && <PaymentModal park={park} onClose={() => setRecording(false)} />}
    </Space>
  );
}

const FIELDS = ['year', 'item', 'payerCity', 'payeeCity', 'amountWan', 'paidOn', 'note'];

function PaymentModal({ park, onClose }: { park: Park; onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const record = useRecordPayment(park.id);
  const cities = park.parties.map((p) => ({ value: p.cityCode, label: labels.city(p.cityCode) }));
  const submit = async (v: Record<string, unknown>) => {
    try {
      await record.mutateAsync({
        ...(v as unknown as PaymentInput),
        note: (v.note as string)?.trim() || null,
      });
      void message.success(t('parks.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, FIELDS)) void message.error(errorText(error));
    }
  };
  return (
    <Modal
      open
      title={t('parks.payment.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('parks.save')}
      cancelText={t('parks.cancel')}
      confirmLoading={record.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: new Date().getFullYear() - 1, payerCity: park.hostCity }}
      >
        <Form.Item name="year" label={t('parks.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="item" label={t('parks.item')} rules={[{ required: true }]}>
          <Select
            options={pl.itemOptions.filter((o) =>
              (REVENUE_TYPES as readonly string[]).includes(o.value),
            )}
          />
        </Form.Item>
        <Form.Item name="payerCity" label={t('parks.fromCity')} rules={[{ required: true }]}>
          <Select options={cities} />
        </Form.Item>
        <Form.Item name="payeeCity" label={t('parks.toCityPayee')} rules={[{ required: true }]}>
          <Select options={cities} />
        </Form.Item>
        <Form.Item name="amountWan" label={t('parks.amount')} rules={[{ required: true }]}>
          <InputNumber min={0.01} step={0.01} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="paidOn" label={t('parks.paidOn')} rules={[{ required: true }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="note" label={t('parks.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
