import {
  Alert,
  App,
  Checkbox,
  Col,
  Form,
  type FormInstance,
  InputNumber,
  Modal,
  Select,
  Space,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { errorText } from '../../app/api';
import { applyServerErrors } from '../../app/forms';
import { useGuardedClose } from '../../app/useGuardedClose';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMarketLabels } from './labels';

/** Parts the achievement and demand forms share: the modal, saving, field/industry, amounts. */

interface Saver<I, R> {
  mutate: (
    input: I,
    handlers: { onSuccess: (r: R) => void; onError: (e: unknown) => void },
  ) => void;
  isPending: boolean;
}

/** Saves through `save`, puts the server's field problems under their fields, keeps the error. */
export function useRecordSave<I, R>(
  form: FormInstance,
  fields: readonly string[],
  save: Saver<I, R>,
  onSaved: (r: R) => void,
) {
  const t = useT();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const submit = (input: I) => {
    setError(null);
    save.mutate(input, {
      onSuccess: (r) => {
        void message.success(t('common.saved'));
        onSaved(r);
      },
      onError: (e) => {
        applyServerErrors(form, e, fields);
        setError(errorText(e));
      },
    });
  };
  return { error, submit, saving: save.isPending };
}

export function RecordFormModal(props: {
  title: string;
  width: number;
  form: FormInstance;
  saving: boolean;
  error: string | null;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const close = useGuardedClose(props.form, props.onClose);
  return (
    <Modal
      open
      width={props.width}
      maskClosable={false}
      title={props.title}
      onCancel={close}
      onOk={() => props.form.submit()}
      okText={t('common.save')}
      confirmLoading={props.saving}
    >
      {props.error && (
        <Alert type="error" showIcon title={props.error} style={{ marginBottom: 12 }} />
      )}
      {props.children}
    </Modal>
  );
}

/** High-tech field (required) and industry chain (optional), side by side. */
export function FieldAndIndustry() {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item
          name="field"
          label={t('market.f.field')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={m.fieldOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="industry" label={t('org.industry')}>
          <Select allowClear options={labels.industryOptions} />
        </Form.Item>
      </Col>
    </>
  );
}

/** An amount in 万元 or 面议 (the `negotiable` checkbox empties and disables the amount). */
export function AmountOrNegotiable({
  name,
  label,
  negotiable,
}: {
  name: string;
  label: string;
  negotiable: boolean;
}) {
  const t = useT();
  return (
    <Col xs={24} md={12}>
      <Form.Item label={label} required>
        <Space>
          <Form.Item
            name={name}
            noStyle
            rules={[{ required: !negotiable, message: t('common.required') }]}
          >
            <InputNumber
              min={0}
              max={1_000_000}
              precision={2}
              disabled={negotiable}
              addonAfter={t('market.wan')}
            />
          </Form.Item>
          <Form.Item name="negotiable" valuePropName="checked" noStyle>
            <Checkbox>{t('market.negotiable')}</Checkbox>
          </Form.Item>
        </Space>
      </Form.Item>
    </Col>
  );
}
