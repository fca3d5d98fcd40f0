import { INTRODUCTION_NOTE_MIN, type IntroductionInput } from '@corridor/contracts';
import { App, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorText, isApiError } from '../../app/api';
import { useT } from '../../i18n';
import { useIntroduce } from './api';
import { isRefusal } from './decide';

export interface IntroducePair {
  achievementId: number;
  achievementTitle: string;
  demandId: number;
  demandTitle: string;
}

/**
 * A broker's introduction: the note says why the two should talk (required, as on the server),
 * and a confirmation comes before it is sent — the owner receives it and must answer, and the
 * same pair cannot be introduced again until then.
 */
export function IntroduceModal({ pair, onClose }: { pair: IntroducePair; onClose: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const introduce = useIntroduce();
  const [note, setNote] = useState('');
  const missing = Math.max(0, INTRODUCTION_NOTE_MIN - note.trim().length);

  const send = () => {
    const body: IntroductionInput = {
      achievementId: pair.achievementId,
      demandId: pair.demandId,
      note: note.trim(),
    };
    introduce.mutate(body, {
      onSuccess: () => {
        void message.success(t('matching.introduced'));
        onClose();
      },
      onError: (e) => {
        if (isRefusal(e)) void message.info(t('matching.introduceRefused'));
        // Another broker (or another tab) introduced the pair meanwhile: the owner already has
        // the question, so this one is not needed.
        else if (isApiError(e) && e.code === 'matching.already_introduced') {
          void message.warning(errorText(e));
          onClose();
        } else void message.error(errorText(e));
      },
    });
  };

  const confirmSend = () =>
    modal.confirm({
      title: t('matching.confirmIntroduce.title'),
      content: t('matching.confirmIntroduce.body', {
        achievement: pair.achievementTitle,
        demand: pair.demandTitle,
      }),
      okText: t('matching.confirmIntroduce.ok'),
      onOk: send,
    });

  // Typed text is not thrown away by a stray click or Esc: closing with a note asks first.
  const close = () => {
    if (!note.trim()) return onClose();
    modal.confirm({ title: t('matching.discardNote'), onOk: onClose });
  };

  return (
    <Modal
      open
      title={t('matching.introduceTitle')}
      okText={t('matching.introduce')}
      okButtonProps={{ disabled: missing > 0, loading: introduce.isPending }}
      onOk={confirmSend}
      onCancel={close}
      maskClosable={false}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'a', label: t('matching.col.achievement'), children: pair.achievementTitle },
          { key: 'd', label: t('matching.col.demand'), children: pair.demandTitle },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 12 }}>
        <Form.Item
          label={t('matching.noteLabel')}
          required
          extra={missing > 0 ? t('matching.noteMissing', { left: missing }) : undefined}
        >
          <Input.TextArea
            data-testid="matching-note"
            rows={4}
            maxLength={500}
            showCount
            value={note}
            placeholder={t('matching.notePlaceholder', { min: INTRODUCTION_NOTE_MIN })}
            onChange={(e) => setNote(e.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
