import { DECLINE_REASONS, type DeclineReason, type Introduction } from '@corridor/contracts';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { type MessageKey, useT } from '../../i18n';
import { useAnswer } from './api';

/** The owner's answer: accept, or decline with a structured reason (text required for other). */
export function AnswerModal({ intro, onClose }: { intro: Introduction; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const answer = useAnswer(intro.id);
  const [decision, setDecision] = useState<'accept' | 'decline'>('accept');
  const [reason, setReason] = useState<DeclineReason | undefined>();
  const [text, setText] = useState('');
  const incomplete = decision === 'decline' && (!reason || (reason === 'other' && !text.trim()));

  const submit = () =>
    answer.mutate(
      decision === 'accept'
        ? { decision, version: intro.version }
        : {
            decision,
            reason,
            ...(text.trim() ? { text: text.trim() } : {}),
            version: intro.version,
          },
      {
        onSuccess: () => {
          void message.success(t('matching.answered'));
          onClose();
        },
        onError: (e) => void message.error(errorText(e)),
      },
    );

  return (
    <Modal
      open
      title={t('matching.answerTitle', { title: intro.achievementTitle })}
      okButtonProps={{ disabled: incomplete, loading: answer.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Form layout="vertical">
        <Form.Item label={t('matching.col.demand')}>{intro.demandTitle}</Form.Item>
        <Form.Item>
          <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value)}>
            <Radio value="accept">{t('matching.accept')}</Radio>
            <Radio value="decline">{t('matching.decline')}</Radio>
          </Radio.Group>
        </Form.Item>
        {decision === 'decline' && (
          <>
            <Form.Item label={t('matching.reasonLabel')} required>
              <Radio.Group value={reason} onChange={(e) => setReason(e.target.value)}>
                {DECLINE_REASONS.map((r) => (
                  <Radio key={r} value={r}>
                    {t(`matching.decline.${r}` as MessageKey)}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t('matching.textLabel')} required={reason === 'other'}>
              <Input.TextArea
                maxLength={500}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
