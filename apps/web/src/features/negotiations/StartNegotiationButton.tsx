import type { Achievement } from '@corridor/contracts';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../app/api';
import { can, useMe } from '../../app/auth';
import { applyServerErrors } from '../../app/forms';
import { useT } from '../../i18n';
import { useOpenNegotiation } from './api';

/**
 * 发起洽谈 on a listed achievement: a buyer's user for their own organisation, or a broker who
 * names the buyer. The achievement's own organisation does not see the button.
 */
export function StartNegotiationButton({ achievement: a }: { achievement: Achievement }) {
  const t = useT();
  const { data: me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [openModal, setOpenModal] = useState(false);
  const [form] = Form.useForm<{ text?: string; buyerCreditCode?: string }>();
  const start = useOpenNegotiation();
  const listed = a.status === 'published' || a.status === 'in_negotiation';
  if (!me || !listed || !can(me, 'deals.negotiate') || me.orgId === a.org.id) return null;
  const broker = me.roles.includes('broker');
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: { text?: string; buyerCreditCode?: string }) =>
    start.mutate(
      {
        achievementId: a.id,
        text: (v.text ?? '').trim(),
        ...(broker ? { buyerCreditCode: (v.buyerCreditCode ?? '').trim().toUpperCase() } : {}),
      },
      {
        onSuccess: (n) => {
          void message.success(t('neg.opened'));
          navigate(`/app/negotiations/${n.id}`);
        },
        onError: (e) => {
          if (!applyServerErrors(form, e, ['text', 'buyerCreditCode']))
            void message.error(errorText(e));
        },
      },
    );

  return (
    <>
      <Button type="primary" onClick={() => setOpenModal(true)} data-testid="neg-start">
        {t('neg.start')}
      </Button>
      <Modal
        open={openModal}
        title={t('neg.start')}
        onCancel={() => setOpenModal(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: start.isPending }}
      >
        <Form form={form} layout="vertical" onFinish={onFinish}>
          {broker && (
            <Form.Item name="buyerCreditCode" label={t('neg.buyerCode')} rules={[required]}>
              <Input maxLength={18} />
            </Form.Item>
          )}
          <Form.Item name="text" label={t('neg.firstMessage')} rules={[required]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('neg.firstHint')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
