import { AmountSchema, DateSchema, type DealType } from '@corridor/contracts';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { DateInput } from '../../app/DateInput';
import { schemaRule } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMarketLabels } from '../market/labels';

/** The contract fields both forms share (a direct entry and a negotiation's agreed terms). */
export interface ContractFieldValues {
  projectName?: string;
  signedOn?: string;
  validFrom?: string;
  validTo?: string;
  field?: string;
  expectedNewInvestmentWan?: number | null;
  expectedNewOutputWan?: number | null;
}
export const CONTRACT_FIELD_NAMES = [
  'projectName',
  'signedOn',
  'validFrom',
  'validTo',
  'field',
  'expectedNewInvestmentWan',
  'expectedNewOutputWan',
] as const;

export function contractFieldsBody(v: ContractFieldValues) {
  return {
    projectName: (v.projectName ?? '').trim(),
    signedOn: (v.signedOn ?? '').trim(),
    validFrom: (v.validFrom ?? '').trim(),
    validTo: (v.validTo ?? '').trim(),
    field: v.field as never,
    expectedNewInvestmentWan: v.expectedNewInvestmentWan ?? null,
    expectedNewOutputWan: v.expectedNewOutputWan ?? null,
  };
}

/** Project name, dates (YYYY-MM-DD), field, and for transfers the expected investment/output. */
export function ContractFields({ type }: { type: DealType | undefined }) {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  const required = { required: true, message: t('common.required') };
  const date = [required, schemaRule(DateSchema, labels.locale)];
  const amount = schemaRule(AmountSchema, labels.locale);
  return (
    <>
      <Form.Item name="projectName" label={t('deals.project')} rules={[required]}>
        <Input maxLength={120} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="signedOn" label={t('deals.signedOn')} rules={date}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="validFrom" label={t('deals.validFrom')} rules={date}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="validTo" label={t('deals.validTo')} rules={date}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="field" label={t('deals.field')} rules={[required]}>
        <Select options={m.fieldOptions} />
      </Form.Item>
      {type === 'transfer' && (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="expectedNewInvestmentWan"
              label={t('deals.expectedInvestment')}
              rules={[required, amount]}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="expectedNewOutputWan"
              label={t('deals.expectedOutput')}
              rules={[required, amount]}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
