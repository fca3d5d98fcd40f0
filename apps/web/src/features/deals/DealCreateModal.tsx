import { CreditCodeSchema, DEAL_TYPES, type DealInput, type DealType } from '@corridor/contracts';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { applyServerErrors, schemaRule } from '../../app/forms';
import { useGuardedClose } from '../../app/useGuardedClose';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useCreateDeal } from './api';
import {
  CONTRACT_FIELD_NAMES,
  ContractFields,
  type ContractFieldValues,
  contractFieldsBody,
} from './ContractFields';

interface Values extends ContractFieldValues {
  type?: DealType;
  sellerCreditCode?: string;
  buyerCreditCode?: string;
  totalAmountWan?: number;
  techAmountWan?: number;
}
const FIELDS = [
  ...CONTRACT_FIELD_NAMES,
  'type',
  'sellerCreditCode',
  'buyerCreditCode',
  'totalAmountWan',
  'techAmountWan',
] as const;

/**
 * Entering a contract signed outside the platform's negotiations (e.g. at an offline fair):
 * the same contract, with the parties named by their credit codes.
 */
export function DealCreateModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateDeal();
  const type = Form.useWatch('type', form);
  const close = useGuardedClose(form, onClose);
  const required = { required: true, message: t('common.required') };
  const code = [required, schemaRule(CreditCodeSchema, labels.locale)];

  const onFinish = (v: Values) => {
    setError(null);
    const body: DealInput = {
      ...contractFieldsBody(v),
      type: v.type as DealType,
      sellerCreditCode: (v.sellerCreditCode ?? '').trim().toUpperCase(),
      buyerCreditCode: (v.buyerCreditCode ?? '').trim().toUpperCase(),
      achievementId: null,
      totalAmountWan: v.totalAmountWan ?? 0,
      techAmountWan: v.techAmountWan ?? 0,
    };
    create.mutate(body, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (e) => {
        applyServerErrors(form, e, FIELDS);
        setError(errorText(e));
      },
    });
  };

  return (
    <Modal
      open
      width={720}
      title={t('deals.create')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      onCancel={close}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="type" label={t('deals.type')} rules={[required]}>
          <Select
            options={DEAL_TYPES.map((d) => ({
              value: d,
              label: t(`deals.type.${d}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="sellerCreditCode" label={t('deals.sellerCode')} rules={code}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="buyerCreditCode" label={t('deals.buyerCode')} rules={code}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="totalAmountWan" label={t('deals.amount')} rules={[required]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="techAmountWan" label={t('deals.techAmount')} rules={[required]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <ContractFields type={type} />
      </Form>
    </Modal>
  );
}
