import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n';

export type ReviewDecision = 'approve' | 'return';

/**
 * A review decision on an achievement (issue 10 item 14): the official writes a comment the filer
 * reads on the record and in the notification — required to return it, optional to approve —
 * and the dialog is the confirmation before the step.
 */
export function ReviewModal(props: {
  decision: ReviewDecision;
  title: string;
  busy: boolean;
  onDecide: (note: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [note, setNote] = useState('');
  const returning = props.decision === 'return';
  return (
    <Modal
      open
      title={t(returning ? 'market.action.return' : 'market.action.approve')}
      okText={t(returning ? 'market.action.return' : 'market.action.approve')}
      okButtonProps={{
        disabled: returning && !note.trim(),
        loading: props.busy,
        danger: returning,
        id: 'review-ok',
      }}
      onOk={() => props.onDecide(note.trim())}
      onCancel={props.onClose}
      maskClosable={false}
    >
      <Typography.Paragraph>{props.title}</Typography.Paragraph>
      <Input.TextArea
        rows={4}
        maxLength={500}
        showCount
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t(returning ? 'market.returnNote' : 'market.approveNote')}
        data-testid="review-note"
      />
    </Modal>
  );
}
