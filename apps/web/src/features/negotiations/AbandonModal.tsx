import { DECLINE_REASONS, type DeclineReason } from '@corridor/contracts';
import { App, Input, Modal, Radio, Space } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { type MessageKey, useT } from '../../i18n';
import { useNegotiationStep } from './api';

/** Ending a thread with a structured reason (the same codes owners see as feedback). */
export function AbandonModal({
  id,
  version,
  onClose,
}: {
  id: number;
  /** The thread's version as shown: 409 when the other party moved it on meanwhile. */
  version: number;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const step = useNegotiationStep(id);
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [text, setText] = useState('');
  const missingText = reason === 'other' && !text.trim();
  return (
    <Modal
      open
      title={t('neg.abandon')}
      okText={t('neg.abandon')}
      okButtonProps={{ danger: true, disabled: !reason || missingText, loading: step.isPending }}
      onCancel={onClose}
      onOk={() =>
        reason &&
        step.mutate(
          { step: 'abandon', body: { reason, text: text.trim(), version } },
          { onSuccess: onClose, onError: (e) => void message.error(errorText(e)) },
        )
      }
    >
      <Radio.Group value={reason} onChange={(e) => setReason(e.target.value)}>
        <Space direction="vertical">
          {DECLINE_REASONS.map((r) => (
            <Radio key={r} value={r}>
              {t(`matching.decline.${r}` as MessageKey)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Input.TextArea
        style={{ marginTop: 12 }}
        rows={3}
        maxLength={500}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('neg.abandonText')}
      />
    </Modal>
  );
}
