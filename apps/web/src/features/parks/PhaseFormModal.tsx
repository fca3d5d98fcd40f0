import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Park, PhaseInput, PhaseView } from '@corridor/contracts';
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
  Typography,
} from 'antd';
import { ApiError, errorText } from '../../app/api';
import { DateInput } from '../../app/DateInput';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useAddPhase, useUpdatePhase } from './api';
import { useParkLabels } from './labels';

interface RuleValues {
  item: string;
  method: string;
  base: string;
  ratio?: Record<string, number | null>;
  toCity?: string | null;
  coalitions?: { members: string[]; value: number }[];
}
interface Values {
  startsOn: string;
  endsOn?: string;
  governance: string;
  equity?: Record<string, number | null>;
  rules: RuleValues[];
  note?: string;
}

const percents = (cities: string[], m: Record<string, number | null> | undefined) =>
  cities
    .filter((c) => m?.[c] !== undefined && m?.[c] !== null)
    .map((cityCode) => ({ cityCode, percent: Number(m![cityCode]) }));

/** A phase of the agreement: its dates, governance, equity and one rule per item. */
export function PhaseFormModal({
  park,
  phase,
  onClose,
}: {
  park: Park;
  phase: PhaseView | null;
  onClose: () => void;
}) {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddPhase(park.id);
  const update = useUpdatePhase(park.id);
  const cities = park.parties.map((p) => p.cityCode);
  const error = add.error ?? update.error;
  const toMap = (list: { cityCode: string; percent: number }[]) =>
    Object.fromEntries(list.map((x) => [x.cityCode, x.percent]));
  const initial: Partial<Values> = phase
    ? {
        startsOn: phase.startsOn,
        endsOn: phase.endsOn ?? '',
        governance: phase.governance,
        equity: toMap(phase.equity),
        note: phase.note ?? '',
        rules: phase.rules.map((r) => ({ ...r, ratio: toMap(r.ratios) })),
      }
    : { governance: 'joint', rules: [] };

  const submit = async (v: Values) => {
    const body = {
      startsOn: v.startsOn,
      endsOn: v.endsOn || null,
      governance: v.governance,
      equity: percents(cities, v.equity),
      note: v.note?.trim() || null,
      rules: (v.rules ?? []).map((r) => ({
        item: r.item,
        method: r.method,
        base: r.base ?? 'gross',
        ratios: r.method === 'split' ? percents(cities, r.ratio) : [],
        toCity: r.method === 'to_party' ? (r.toCity ?? null) : null,
        coalitions: r.method === 'shapley' ? (r.coalitions ?? []) : [],
      })),
    } as PhaseInput;
    try {
      if (phase) await update.mutateAsync({ phaseId: phase.id, version: phase.version, ...body });
      else await add.mutateAsync(body);
      void message.success(t('parks.saved'));
      onClose();
    } catch {
      // shown below with each field the server named
    }
  };

  return (
    <Modal
      open
      width={860}
      title={phase ? t('parks.phase.edit') : t('parks.phase.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('parks.save')}
      cancelText={t('parks.cancel')}
      confirmLoading={add.isPending || update.isPending}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={errorText(error)}
          description={
            error instanceof ApiError ? error.details.map((d) => d.reason).join('；') : null
          }
          data-testid="phase-error"
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Space wrap>
          <Form.Item name="startsOn" label={t('parks.startsOn')} rules={[{ required: true }]}>
            <DateInput data-testid="phase-starts" />
          </Form.Item>
          <Form.Item name="endsOn" label={t('parks.endsOn')}>
            <DateInput />
          </Form.Item>
          <Form.Item name="governance" label={t('parks.governance')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={pl.governanceOptions} />
          </Form.Item>
        </Space>
        <Form.Item label={t('parks.equity')}>
          <Space wrap>
            {cities.map((c) => (
              <Form.Item key={c} name={['equity', c]} noStyle>
                <InputNumber
                  min={0}
                  max={100}
                  step={0.01}
                  addonBefore={labels.city(c)}
                  style={{ width: 170 }}
                />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Typography.Text strong>{t('parks.rules')}</Typography.Text>
        <Form.List name="rules">
          {(items, { add: addRule, remove }) => (
            <>
              {items.map((f) => (
                <Space key={f.key} wrap align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[f.name, 'item']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 200 }}
                      options={pl.itemOptions}
                      placeholder={t('parks.item')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'method']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 180 }}
                      options={pl.methodOptions}
                      placeholder={t('parks.method')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'base']} initialValue="gross">
                    <Select style={{ width: 170 }} options={pl.baseOptions} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => {
                      const method = form.getFieldValue(['rules', f.name, 'method']);
                      if (method === 'split')
                        return cities.map((c) => (
                          <Form.Item key={c} name={[f.name, 'ratio', c]}>
                            <InputNumber
                              min={0}
                              max={100}
                              step={0.01}
                              addonBefore={labels.city(c)}
                              addonAfter="%"
                              style={{ width: 190 }}
                            />
                          </Form.Item>
                        ));
                      if (method === 'to_party')
                        return (
                          <Form.Item name={[f.name, 'toCity']} rules={[{ required: true }]}>
                            <Select
                              style={{ width: 140 }}
                              placeholder={t('parks.toCity')}
                              options={cities.map((c) => ({ value: c, label: labels.city(c) }))}
                            />
                          </Form.Item>
                        );
                      if (method === 'shapley')
                        return (
                          <Typography.Text type="secondary">
                            {t('parks.shapley.formOnlyNote')}
                          </Typography.Text>
                        );
                      return null;
                    }}
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => addRule({ base: 'gross' })}
                style={{ marginTop: 8 }}
                data-testid="rule-add"
              >
                {t('parks.rule.add')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('parks.note')} style={{ marginTop: 12 }}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
