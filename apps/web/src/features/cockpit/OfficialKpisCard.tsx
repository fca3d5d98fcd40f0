import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  KPI_DEFS,
  type KpiCode,
  OFFICIAL_KPI_CODES,
  type OfficialKpiEntry,
} from '@corridor/contracts';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { DateInput } from '../../app/DateInput';
import { formatDateTime } from '../../app/format';
import { applyServerErrors } from '../../app/forms';
import { useGuardedClose } from '../../app/useGuardedClose';
import type { MessageKey } from '../../i18n';
import { useEnterKpi, useOfficialKpis, useUpdateKpi } from './api';
import { useCockpitFormat } from './format';

interface Values {
  code?: KpiCode;
  value?: number;
  asOf?: string;
  source?: string;
  note?: string;
}
const FIELDS = ['code', 'value', 'asOf', 'source', 'note'] as const;

function EntryModal({ entry, onClose }: { entry?: OfficialKpiEntry; onClose: () => void }) {
  const f = useCockpitFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const close = useGuardedClose(form, onClose);
  const enter = useEnterKpi();
  const update = useUpdateKpi(entry?.id ?? 0);
  const code = Form.useWatch('code', form) ?? entry?.code;
  const def = code ? KPI_DEFS[code] : undefined;
  const required = { required: true, message: f.t('common.required') };

  const onFinish = (v: Values) => {
    const fail = (error: unknown) => {
      applyServerErrors(form, error, FIELDS);
      void message.error(errorText(error));
    };
    const done = () => {
      void message.success(f.t('common.saved'));
      onClose();
    };
    const note = v.note?.trim() ? v.note.trim() : null;
    if (entry) {
      update.mutate(
        { value: v.value!, asOf: v.asOf!, source: v.source!, note, version: entry.version },
        { onSuccess: done, onError: fail },
      );
    } else {
      enter.mutate(
        { code: v.code!, value: v.value!, asOf: v.asOf!, source: v.source!, note },
        { onSuccess: done, onError: fail },
      );
    }
  };

  return (
    <Modal
      open
      title={entry ? f.t('cockpit.official.edit') : f.t('cockpit.official.enter')}
      onCancel={close}
      maskClosable={false}
      onOk={() => form.submit()}
      confirmLoading={enter.isPending || update.isPending}
      okButtonProps={{ id: 'kpi-entry-submit' }}
    >
      <Form
        form={form}
        layout="vertical"
        name="kpi"
        onFinish={onFinish}
        initialValues={entry ? { ...entry, note: entry.note ?? '' } : {}}
      >
        <Form.Item name="code" label={f.t('cockpit.official.kpi')} rules={[required]}>
          <Select
            disabled={!!entry}
            options={OFFICIAL_KPI_CODES.map((c) => ({ value: c, label: f.kpi(c) }))}
          />
        </Form.Item>
        <Form.Item
          name="value"
          label={`${f.t('cockpit.official.value')}${def ? ` (${f.t(`cockpit.unitName.${def.unit}` as MessageKey)})` : ''}`}
          rules={[required]}
        >
          <InputNumber
            style={{ width: '100%' }}
            min={def?.min}
            max={def?.max}
            precision={def?.integer ? 0 : undefined}
          />
        </Form.Item>
        <Form.Item
          name="asOf"
          label={f.t('cockpit.official.asOf')}
          rules={[required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item name="source" label={f.t('cockpit.source')} rules={[required]}>
          <Input maxLength={200} placeholder={f.t('cockpit.official.sourceHint')} />
        </Form.Item>
        <Form.Item name="note" label={f.t('cockpit.official.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Officials' entries (R&D/GDP and others the platform cannot compute), with source and date. */
export function OfficialKpisCard({ canEdit }: { canEdit: boolean }) {
  const f = useCockpitFormat();
  const query = useOfficialKpis(true);
  const [editing, setEditing] = useState<OfficialKpiEntry | 'new' | null>(null);
  return (
    <Card
      title={f.t('cockpit.official.title')}
      data-testid="cockpit-official"
      extra={
        canEdit && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="kpi-enter"
          >
            {f.t('cockpit.official.enter')}
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          {
            title: f.t('cockpit.official.kpi'),
            dataIndex: 'code',
            render: (c: KpiCode) => f.kpi(c),
          },
          {
            title: f.t('cockpit.official.value'),
            render: (_, e: OfficialKpiEntry) => f.value(KPI_DEFS[e.code].unit, e.value),
          },
          { title: f.t('cockpit.official.asOf'), dataIndex: 'asOf' },
          { title: f.t('cockpit.source'), dataIndex: 'source' },
          {
            title: f.t('cockpit.official.updatedAt'),
            dataIndex: 'updatedAt',
            render: formatDateTime,
          },
          ...(canEdit
            ? [
                {
                  title: f.t('common.actions'),
                  render: (_: unknown, e: OfficialKpiEntry) => (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)}>
                      {f.t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <EntryModal
          entry={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
