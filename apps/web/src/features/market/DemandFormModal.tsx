import { type Demand, type DemandInput, DemandInputSchema } from '@corridor/contracts';
import {
  Alert,
  App,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { applyServerErrors, schemaRule } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useSaveDemand } from './api';
import { useMarketLabels } from './labels';

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
  const m = useMarketLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveDemand(demand?.id ?? null);
  const negotiable = Form.useWatch('negotiable', form);
  const rule = (field: keyof typeof DemandInputSchema.shape) =>
    schemaRule(DemandInputSchema.shape[field], labels.locale);
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: Values) => {
    setError(null);
    const input: DemandInput = {
      title: (v.title ?? '').trim(),
      description: (v.description ?? '').trim(),
      field: v.field as DemandInput['field'],
      industry: v.industry ?? null,
      budgetWan: v.negotiable ? null : (v.budgetWan ?? null),
      deadline: (v.deadline ?? '').trim(),
    };
    save.mutate(demand ? { ...input, version: demand.version } : input, {
      onSuccess: (d) => {
        void message.success(t('common.saved'));
        onSaved(d);
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
      width={760}
      maskClosable={false}
      title={demand ? t('market.editDemand') : t('market.newDemand')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
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
          <Col xs={24} md={12}>
            <Form.Item name="field" label={t('market.f.field')} rules={[required]}>
              <Select options={m.fieldOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t('org.industry')}>
              <Select allowClear options={labels.industryOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('market.f.budget')} required>
              <Space>
                <Form.Item
                  name="budgetWan"
                  noStyle
                  rules={[{ required: !negotiable, message: t('common.required') }]}
                >
                  <InputNumber
                    min={0}
                    max={1_000_000}
                    precision={2}
                    disabled={!!negotiable}
                    addonAfter={t('market.wan')}
                  />
                </Form.Item>
                <Form.Item name="negotiable" valuePropName="checked" noStyle>
                  <Checkbox>{t('market.negotiable')}</Checkbox>
                </Form.Item>
              </Space>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="deadline"
              label={t('market.deadline')}
              rules={[required, rule('deadline')]}
            >
              <Input placeholder="YYYY-MM-DD" maxLength={10} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
