import {
  type Correction,
  CorrectionDecisionSchema,
  CorrectionInputSchema,
  type Edition,
} from '@corridor/contracts';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { errorText } from '../../app/api';
import { schemaRule } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useDecideCorrection, useFileCorrection } from './api';
import { claimInput, rankingValueText } from './format';

export type Claim = { field: string; label: string; value: number | null };

/** The enterprise's claim: another value for one indicator, with reason and evidence. */
export function ClaimModal({
  edition,
  claim,
  onClose,
}: {
  edition: Edition;
  claim: Claim;
  onClose: () => void;
}) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ claimedValue: number; reason: string; evidence?: string }>();
  const file = useFileCorrection(edition.id);
  const shape = CorrectionInputSchema.shape;
  const submit = (v: { claimedValue: number; reason: string; evidence?: string }) =>
    file.mutate(
      {
        field: claim.field as never,
        // Typed as shown (a ratio in percent), stored as the snapshot keeps it.
        claimedValue: claimInput.toStored(claim.field, v.claimedValue),
        reason: v.reason,
        evidence: v.evidence ?? '',
      },
      {
        onSuccess: () => {
          void message.success(t('ranking.claimFiled'));
          onClose();
        },
      },
    );
  return (
    <Modal
      open
      title={t('ranking.claimTitle', { label: claim.label })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={file.isPending}
      okText={t('ranking.fileClaim')}
    >
      {file.isError && (
        <Alert type="error" showIcon title={errorText(file.error)} style={{ marginBottom: 16 }} />
      )}
      <p>
        {t('ranking.currentValue', {
          value: rankingValueText(claim.field, claim.value, labels.locale),
        })}
      </p>
      <Form form={form} layout="vertical" onFinish={submit} name="ranking-claim">
        <Form.Item
          name="claimedValue"
          label={t('ranking.claimedValue')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber
            style={{ width: '100%' }}
            addonAfter={claimInput.addon(claim.field)}
            data-testid="claim-value"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('ranking.reason')}
          rules={[
            { required: true, message: t('common.required') },
            schemaRule(shape.reason, labels.locale),
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="claim-reason" />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('ranking.evidence')}
          rules={[schemaRule(shape.evidence, labels.locale)]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The publisher accepts (the snapshot takes the claimed value) or rejects, with a reason. */
export function DecideModal({
  correction,
  label,
  decision,
  onClose,
}: {
  correction: Correction;
  /** The indicator's name in the edition's method. */
  label: string;
  decision: 'accept' | 'reject';
  onClose: () => void;
}) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideCorrection();
  return (
    <Modal
      open
      title={t(decision === 'accept' ? 'ranking.acceptTitle' : 'ranking.rejectTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decide.isPending}
    >
      {decide.isError && (
        <Alert type="error" showIcon title={errorText(decide.error)} style={{ marginBottom: 16 }} />
      )}
      <p>
        {correction.orgName} · {label}:{' '}
        {rankingValueText(correction.field, correction.previousValue, labels.locale)} →{' '}
        {rankingValueText(correction.field, correction.claimedValue, labels.locale)}
      </p>
      <Form
        form={form}
        layout="vertical"
        name="ranking-decide"
        onFinish={({ reason }) =>
          decide.mutate(
            { id: correction.id, decision, reason, version: correction.version },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('ranking.decisionReason')}
          rules={[
            { required: true, message: t('common.required') },
            schemaRule(CorrectionDecisionSchema.shape.reason, labels.locale),
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="decide-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
