import { DEAL_TYPES, type DealType } from '@corridor/contracts';
import { App, Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { type MessageKey, useT } from '../../i18n';
import { useNegotiationStep } from './api';

interface Values {
  text?: string;
  withOffer?: boolean;
  type?: DealType;
  totalAmountWan?: number;
  techAmountWan?: number;
}

/** A message, and for the parties optionally a priced offer (amounts in 万元). */
export function Composer({ id, canOffer }: { id: number; canOffer: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const step = useNegotiationStep(id);
  const withOffer = Form.useWatch('withOffer', form);
  const [sending, setSending] = useState(false);
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: Values) => {
    const offer =
      v.withOffer && v.type && v.totalAmountWan !== undefined && v.techAmountWan !== undefined
        ? { type: v.type, totalAmountWan: v.totalAmountWan, techAmountWan: v.techAmountWan }
        : null;
    setSending(true);
    step.mutate(
      { step: 'entries', body: { text: (v.text ?? '').trim(), offer } },
      {
        onSuccess: () => form.resetFields(),
        onError: (e) => void message.error(errorText(e)),
        onSettled: () => setSending(false),
      },
    );
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} data-testid="neg-composer">
      <Form.Item name="text" label={t('neg.message')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      {canOffer && (
        <Form.Item name="withOffer" valuePropName="checked">
          <Checkbox data-testid="neg-with-offer">{t('neg.withOffer')}</Checkbox>
        </Form.Item>
      )}
      {canOffer && withOffer && (
        <Space wrap align="start">
          <Form.Item name="type" label={t('deals.type')} rules={[required]}>
            <Select
              style={{ width: 160 }}
              data-testid="neg-offer-type"
              options={DEAL_TYPES.map((d) => ({
                value: d,
                label: t(`deals.type.${d}` as MessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="totalAmountWan" label={t('deals.amount')} rules={[required]}>
            <InputNumber min={0} max={10_000_000} style={{ width: 180 }} data-testid="neg-total" />
          </Form.Item>
          <Form.Item
            name="techAmountWan"
            label={t('deals.techAmount')}
            dependencies={['totalAmountWan']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: async (_r, v: number | undefined) => {
                  const total = getFieldValue('totalAmountWan') as number | undefined;
                  if (v !== undefined && total !== undefined && v > total)
                    throw new Error(t('neg.techExceeds'));
                },
              }),
            ]}
          >
            <InputNumber min={0} max={10_000_000} style={{ width: 180 }} data-testid="neg-tech" />
          </Form.Item>
        </Space>
      )}
      <Button type="primary" htmlType="submit" loading={sending} data-testid="neg-send">
        {withOffer ? t('neg.sendOffer') : t('neg.send')}
      </Button>
    </Form>
  );
}
