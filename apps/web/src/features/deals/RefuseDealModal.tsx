import type { Deal } from '@corridor/contracts';
import { App, Form, Input, Modal } from 'antd';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { useRefuseDeal } from './api';

/** Refusing a contract: the reason is required, and the other party reads it. */
export function RefuseDealModal({ deal, onClose }: { deal: Deal; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const refuse = useRefuseDeal();
  const submit = async () => {
    const { reason } = await form.validateFields();
    refuse.mutate(
      { id: deal.id, version: deal.version, reason },
      {
        onSuccess: () => {
          void message.success(t('deals.refused'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );
  };
  return (
    <Modal
      open
      title={t('deals.refuseTitle')}
      okText={t('deals.refuse')}
      okButtonProps={{ danger: true, loading: refuse.isPending, id: 'deal-refuse-ok' }}
      onOk={() => void submit()}
      onCancel={onClose}
      // Typed reasons are not thrown away by a stray click outside.
      maskClosable={false}
    >
      <p style={{ marginBottom: 12 }}>{deal.projectName}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('deals.refuseReason')}
          rules={[{ required: true, min: 4, max: 500, message: t('deals.refuseReasonHint') }]}
        >
          <Input.TextArea
            rows={3}
            placeholder={t('deals.refuseReasonHint')}
            data-testid="deal-refuse-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
