import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DIRECTIONS,
  NORMALISATIONS,
  RANKING_METRICS,
  RankingMethodInputSchema,
  rankingMetricLabel,
  WEIGHT_TOLERANCE,
} from '@corridor/contracts';
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
import { errorText } from '../../app/api';
import { applyServerErrors, schemaRule, searchByLabel } from '../../app/forms';
import { useGuardedClose } from '../../app/useGuardedClose';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useCreateMethod } from './api';

interface Values {
  code: string;
  name: string;
  description?: string;
  normalisation: (typeof NORMALISATIONS)[number];
  indicators: {
    key: (typeof RANKING_METRICS)[number];
    direction: 'higher' | 'lower';
    weight: number;
  }[];
}

/** A new method version: indicators, direction, weights (summing to 1), normalisation. */
export function MethodFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const close = useGuardedClose(form, onClose);
  const create = useCreateMethod();
  const indicators = Form.useWatch('indicators', form) ?? [];
  const sum = indicators.reduce((s, i) => s + (Number(i?.weight) || 0), 0);
  const shape = RankingMethodInputSchema.shape;

  const submit = (v: Values) =>
    create.mutate(
      { ...v, description: v.description?.trim() || null },
      {
        onSuccess: () => {
          void message.success(t('ranking.methodCreated'));
          onClose();
        },
        onError: (error) =>
          applyServerErrors(form, error, ['code', 'name', 'description', 'indicators']),
      },
    );

  return (
    <Modal
      open
      width={760}
      title={t('ranking.newMethod')}
      onCancel={close}
      maskClosable={false}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      {create.isError && (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        name="ranking-method"
        onFinish={submit}
        initialValues={{
          normalisation: 'percentile',
          indicators: [{ key: 'revenueGrowth', direction: 'higher', weight: 1 }],
        }}
      >
        <Space wrap align="start">
          <Form.Item
            name="code"
            label={t('ranking.methodCode')}
            extra={t('ranking.methodCodeHint')}
            rules={[
              { required: true, message: t('common.required') },
              schemaRule(shape.code, labels.locale),
            ]}
          >
            <Input style={{ width: 240 }} data-testid="method-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('ranking.methodName')}
            rules={[
              { required: true, message: t('common.required') },
              schemaRule(shape.name, labels.locale),
            ]}
          >
            <Input style={{ width: 360 }} data-testid="method-name" />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('ranking.methodDescription')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="normalisation"
          label={t('ranking.normalisationLabel')}
          extra={t('ranking.normalisationHint')}
        >
          <Select
            style={{ width: 240 }}
            options={NORMALISATIONS.map((n) => ({
              value: n,
              label: t(`ranking.normalisation.${n}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'key']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select
                      style={{ width: 260 }}
                      {...searchByLabel}
                      showSearch
                      options={RANKING_METRICS.map((k) => ({
                        value: k,
                        label: rankingMetricLabel(k, labels.locale),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'direction']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <Select
                      style={{ width: 140 }}
                      options={DIRECTIONS.map((d) => ({
                        value: d,
                        label: t(`ranking.direction.${d}` as MessageKey),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'weight']}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber
                      min={0.0001}
                      max={1}
                      step={0.05}
                      placeholder={t('ranking.weight')}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined
                      onClick={() => remove(field.name)}
                      aria-label={t('ranking.removeIndicator')}
                    />
                  )}
                </Space>
              ))}
              <Space>
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ direction: 'higher', weight: 0.1 })}
                >
                  {t('ranking.addIndicator')}
                </Button>
                <Typography.Text
                  type={Math.abs(sum - 1) <= WEIGHT_TOLERANCE ? 'success' : 'danger'}
                  data-testid="weight-sum"
                >
                  {t('ranking.weightSum', { sum: Math.round(sum * 10000) / 10000 })}
                </Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
