import { type Demand, type DemandInput, DemandInputSchema } from '@corridor/contracts';
import { Col, Form, Input, Row } from 'antd';
import { DateInput } from '../../app/DateInput';
import { schemaRule } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useSaveDemand } from './api';
import {
  AmountOrNegotiable,
  FieldAndIndustry,
  RecordFormModal,
  useRecordSave,
} from './RecordFormParts';

interface Values {
  title?: string;
  description?: string;
  field?: DemandInput['field'];
  industry?: DemandInput['industry'];
  budgetWan?: number | null;
  negotiable?: boolean;
  deadline?: string;
}
const FIELDS = ['title', 'description', 'field', 'industry', 'budgetWan', 'deadline'] as const;

/** Create or edit (draft only) a technology demand of the user's organisation. */
export function DemandFormModal({
  demand,
  onClose,
  onSaved,
}: {
  demand?: Demand;
  onClose: () => void;
  onSaved: (d: Demand) => void;
}) {
  const t = useT();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const { error, submit, saving } = useRecordSave(
    form,
    FIELDS,
    useSaveDemand(demand?.id ?? null),
    onSaved,
  );
  const negotiable = Form.useWatch('negotiable', form);
  const rule = (field: keyof typeof DemandInputSchema.shape) =>
    schemaRule(DemandInputSchema.shape[field], labels.locale);
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: Values) => {
    const input: DemandInput = {
      title: (v.title ?? '').trim(),
      description: (v.description ?? '').trim(),
      field: v.field as DemandInput['field'],
      industry: v.industry ?? null,
      budgetWan: v.negotiable ? null : (v.budgetWan ?? null),
      deadline: (v.deadline ?? '').trim(),
    };
    submit(demand ? { ...input, version: demand.version } : input);
  };

  return (
    <RecordFormModal
      width={760}
      title={demand ? t('market.editDemand') : t('market.newDemand')}
      form={form}
      saving={saving}
      error={error}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          demand ? { ...demand, negotiable: demand.budgetWan === null } : { negotiable: false }
        }
        onFinish={onFinish}
      >
        <Form.Item name="title" label={t('market.f.demandTitle')} rules={[required, rule('title')]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('market.f.description')}
          rules={[required, rule('description')]}
        >
          <Input.TextArea rows={5} maxLength={4000} showCount />
        </Form.Item>
        <Row gutter={16}>
          <FieldAndIndustry />
          <AmountOrNegotiable
            name="budgetWan"
            label={t('market.f.budget')}
            negotiable={!!negotiable}
          />
          <Col xs={24} md={12}>
            <Form.Item
              name="deadline"
              label={t('market.deadline')}
              rules={[required, rule('deadline')]}
            >
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </RecordFormModal>
  );
}
