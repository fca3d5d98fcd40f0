import type { PrefilledRecord } from '@corridor/contracts';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { DealScans } from './DealScans';

/**
 * The 技术合同登记表 of a contract: pre-filled from the contract for the registrar to review
 * (with a button to register when `onRegister` is given), numbered once registered.
 */
const SIDES = [
  { side: 'seller', label: 'deals.seller' },
  { side: 'buyer', label: 'deals.buyer' },
] as const satisfies readonly { side: string; label: MessageKey }[];

export function RegistrationRecordModal({
  dealId,
  record,
  onClose,
  onRegister,
  registering = false,
}: {
  /** The contract, for its scans. */
  dealId: number;
  record: PrefilledRecord;
  onClose: () => void;
  onRegister?: () => void;
  registering?: boolean;
}) {
  const t = useT();
  const labels = useLabels();
  const pending = record.registrationNo === null;
  return (
    <Modal
      open
      title={pending ? t('deals.recordPrefilled') : t('deals.record')}
      width={760}
      onCancel={onClose}
      footer={
        onRegister ? (
          <Button
            type="primary"
            loading={registering}
            onClick={onRegister}
            data-testid="deal-confirm-register"
          >
            {t('deals.confirmRegister')}
          </Button>
        ) : null
      }
    >
      {pending && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('deals.prefilledHint')} />
      )}
      <Descriptions column={2} bordered size="small" data-testid="deal-record">
        <Descriptions.Item label={t('deals.registrationNo')} span={2}>
          {record.registrationNo ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.project')} span={2}>
          {record.projectName}
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.type')}>
          {t(`deals.type.${record.type}` as MessageKey)}
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.field')}>{labels.field(record.field)}</Descriptions.Item>
        <Descriptions.Item label={t('deals.signedOn')}>{record.signedOn}</Descriptions.Item>
        <Descriptions.Item label={t('deals.validity')}>
          {record.validFrom} ~ {record.validTo}
        </Descriptions.Item>
        {SIDES.map(({ side, label }) => (
          <Descriptions.Item key={side} label={t(label)} span={2}>
            {record[side].name} · {record[side].creditCode} · {t('deals.nature')}{' '}
            {record[side].natureCode} · {t('deals.region')} {record[side].regionCode} ·{' '}
            {t('deals.country')} {record[side].countryCode}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('deals.amount')}>{record.totalAmountWan}</Descriptions.Item>
        <Descriptions.Item label={t('deals.techAmount')}>{record.techAmountWan}</Descriptions.Item>
        {record.expectedNewInvestmentWan !== null && (
          <Descriptions.Item label={t('deals.expectedInvestment')}>
            {record.expectedNewInvestmentWan}
          </Descriptions.Item>
        )}
        {record.expectedNewOutputWan !== null && (
          <Descriptions.Item label={t('deals.expectedOutput')}>
            {record.expectedNewOutputWan}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('deals.registeredAt')} span={2}>
          {record.registeredAt?.slice(0, 10) ?? '—'} · {labels.city(record.registrationRegion)}
        </Descriptions.Item>
        <Descriptions.Item label={t('deals.scans')} span={2}>
          <DealScans dealId={dealId} />
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
