import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type ParkInput, ParkInputSchema } from '@corridor/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../app/api';
import { DateInput } from '../../app/DateInput';
import { applyServerErrors } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useCreatePark } from './api';
import { useParkLabels } from './labels';

interface Values {
  name: string;
  parties: { cityCode: string; role: string }[];
  areaKm2?: number | null;
  establishedOn: string;
  termEndsOn?: string;
  agreementTitle?: string;
  description?: string;
}
const FIELDS = [
  'name',
  'parties',
  'areaKm2',
  'establishedOn',
  'termEndsOn',
  'agreementTitle',
  'description',
];

/** A new co-built park: its parties (one host), dates and agreement. */
export function ParkFormModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePark();
  const navigate = useNavigate();

  const submit = async (v: Values) => {
    const body = {
      name: v.name,
      parties: v.parties,
      areaKm2: v.areaKm2 ?? null,
      establishedOn: v.establishedOn,
      termEndsOn: v.termEndsOn || null,
      agreementTitle: v.agreementTitle?.trim() || null,
      description: v.description?.trim() || null,
    };
    const parsed = ParkInputSchema.safeParse(body);
    try {
      const park = await create.mutateAsync((parsed.success ? parsed.data : body) as ParkInput);
      void message.success(t('parks.saved'));
      navigate(`/app/parks/${park.id}`);
    } catch (error) {
      if (!applyServerErrors(form, error, FIELDS)) void message.error(errorText(error));
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('parks.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('parks.save')}
      cancelText={t('parks.cancel')}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ parties: [{ cityCode: '420100', role: 'outflow' }, { role: 'inflow' }] }}
      >
        <Form.Item name="name" label={t('parks.name')} rules={[{ required: true }]}>
          <Input maxLength={60} data-testid="park-name" />
        </Form.Item>
        <Form.Item label={t('parks.parties')} name="parties" rules={[{ required: true }]}>
          <Form.List name="parties">
            {(items, { add, remove }) => (
              <>
                {items.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'cityCode']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 160 }}
                        options={labels.cityOptions}
                        placeholder={t('parks.city')}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 160 }}
                        options={pl.roleOptions}
                        placeholder={t('parks.role')}
                      />
                    </Form.Item>
                    {items.length > 2 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                {items.length < 5 && (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ role: 'outflow' })}
                  >
                    {t('parks.addParty')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="establishedOn"
            label={t('parks.establishedOn')}
            rules={[{ required: true }]}
          >
            <DateInput />
          </Form.Item>
          <Form.Item name="termEndsOn" label={t('parks.termEndsOn')}>
            <DateInput />
          </Form.Item>
          <Form.Item name="areaKm2" label={t('parks.area')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
        </Space>
        <Form.Item name="agreementTitle" label={t('parks.agreementTitle')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="description" label={t('parks.description')}>
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
