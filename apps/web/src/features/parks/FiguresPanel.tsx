import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { type Figure, FigureInputSchema, type Park } from '@corridor/contracts';
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
  Upload,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { exportFigures, useAddFigure, useFigures, useImportFigures, useUpdateFigure } from './api';
import { useParkLabels, wan } from './labels';

const FIELDS = ['year', 'item', 'valueWan', 'incentivesWan', 'reportedBy', 'note'];

/** Reported yearly figures: table, entry and correction, Excel export and import. */
export function FiguresPanel({ park }: { park: Park }) {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const { message } = App.useApp();
  const figures = useFigures(park.id);
  const importFigures = useImportFigures(park.id);
  const [editing, setEditing] = useState<Figure | 'new' | null>(null);
  const outcome = importFigures.data;

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="figure-add">
          {t('parks.figure.add')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => exportFigures(park.id).catch((e) => message.error(errorText(e)))}
        >
          {t('parks.export')}
        </Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            importFigures.mutate(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={importFigures.isPending}>
            {t('parks.import')}
          </Button>
        </Upload>
      </Space>
      {importFigures.error && <Alert type="error" title={errorText(importFigures.error)} />}
      {outcome?.kind === 'done' && (
        <Alert
          type="success"
          title={t('parks.import.done', {
            created: outcome.created,
            updated: outcome.updated,
            unchanged: outcome.unchanged,
          })}
        />
      )}
      {outcome?.kind === 'rejected' && (
        <Alert
          type="error"
          title={t('parks.import.rejected')}
          description={
            <Table
              // Wide tables scroll inside their card, never widen the page (390 px phones).
              scroll={{ x: 'max-content' }}
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={outcome.problems}
              columns={[
                { title: t('parks.import.row'), dataIndex: 'row' },
                { title: t('parks.import.column'), dataIndex: 'column' },
                { title: t('parks.import.reason'), dataIndex: 'reason' },
              ]}
            />
          }
        />
      )}
      <Table
        // Wide tables scroll inside their card, never widen the page (390 px phones).
        scroll={{ x: 'max-content' }}
        rowKey="id"
        size="small"
        loading={figures.isLoading}
        dataSource={figures.data?.items ?? []}
        data-testid="figures-table"
        columns={[
          { title: t('parks.year'), dataIndex: 'year' },
          { title: t('parks.item'), dataIndex: 'item', render: (v: string) => pl.item(v) },
          { title: t('parks.value'), dataIndex: 'valueWan', align: 'right', render: wan },
          { title: t('parks.incentives'), dataIndex: 'incentivesWan', align: 'right', render: wan },
          {
            title: t('parks.reportedBy'),
            dataIndex: 'reportedBy',
            render: (c: string) => labels.city(c),
          },
          { title: t('parks.note'), dataIndex: 'note' },
          {
            title: '',
            render: (_, f) => (
              <Button size="small" onClick={() => setEditing(f)}>
                {t('parks.figure.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <FigureModal
          park={park}
          figure={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Space>
  );
}

function FigureModal({
  park,
  figure,
  onClose,
}: {
  park: Park;
  figure: Figure | null;
  onClose: () => void;
}) {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const add = useAddFigure(park.id);
  const update = useUpdateFigure(park.id);
  const submit = async (v: Record<string, unknown>) => {
    try {
      if (figure)
        await update.mutateAsync({
          figureId: figure.id,
          version: figure.version,
          valueWan: v.valueWan as number,
          incentivesWan: (v.incentivesWan as number) ?? 0,
          note: (v.note as string)?.trim() || null,
        });
      else {
        const body = {
          ...v,
          incentivesWan: v.incentivesWan ?? 0,
          reportedBy: v.reportedBy ?? null,
          note: (v.note as string)?.trim() || null,
        };
        const parsed = FigureInputSchema.safeParse(body);
        await add.mutateAsync(parsed.success ? parsed.data : (body as never));
      }
      void message.success(t('parks.saved'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(form, error, FIELDS)) void message.error(errorText(error));
    }
  };
  return (
    <Modal
      open
      title={figure ? t('parks.figure.edit') : t('parks.figure.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('parks.save')}
      cancelText={t('parks.cancel')}
      confirmLoading={add.isPending || update.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={figure ?? { year: new Date().getFullYear() - 1, reportedBy: park.hostCity }}
      >
        <Form.Item name="year" label={t('parks.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} disabled={!!figure} />
        </Form.Item>
        <Form.Item name="item" label={t('parks.item')} rules={[{ required: true }]}>
          <Select options={pl.itemOptions} disabled={!!figure} data-testid="figure-item" />
        </Form.Item>
        <Form.Item name="valueWan" label={t('parks.value')} rules={[{ required: true }]}>
          <InputNumber min={0} step={0.01} style={{ width: 220 }} data-testid="figure-value" />
        </Form.Item>
        <Form.Item name="incentivesWan" label={t('parks.incentives')}>
          <InputNumber min={0} step={0.01} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="reportedBy" label={t('parks.reportedBy')}>
          <Select
            disabled={!!figure}
            options={park.parties.map((p) => ({
              value: p.cityCode,
              label: labels.city(p.cityCode),
            }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('parks.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
