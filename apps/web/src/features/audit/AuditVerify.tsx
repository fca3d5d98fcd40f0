import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditVerify } from '@corridor/contracts';
import { Alert, Button, Typography } from 'antd';
import { errorText } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { HowToVerify } from '../../app/HowToVerify';
import { type MessageKey, type TFunction, useT } from '../../i18n';
import { useVerifyAudit } from './api';

type Verify = ReturnType<typeof useVerifyAudit>;

export { useVerifyAudit };

/** Re-computes the hash chain on the server, on demand. */
export function VerifyButton({ verify }: { verify: Verify }) {
  const t = useT();
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="audit-verify"
    >
      {t('audit.verify')}
    </Button>
  );
}

/** The result in words: intact (held against which checkpoint) or where and why it broke. */
export function VerifyResult({ verify }: { verify: Verify }) {
  const t = useT();
  const result = verify.data;
  if (verify.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(verify.error)}
        style={{ marginBottom: 16 }}
        data-testid="audit-verify-result"
      />
    );
  if (!result || verify.isPending) return null;
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
      title={
        result.ok
          ? t('audit.verifyOk', { n: result.checked })
          : t('audit.verifyBroken', { id: result.firstBadId ?? '—', n: result.checked })
      }
      description={verifyDetail(result, t)}
    />
  );
}

/** How the check works and the operator's offline command, folded away. */
export function VerifyHelp() {
  const t = useT();
  return (
    <HowToVerify testId="audit-how-to-verify" style={{ marginTop: 8 }}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('audit.verifyHelp')}
      </Typography.Paragraph>
      <Typography.Text code copyable>
        npm run corridor -- audit verify
      </Typography.Text>
    </HowToVerify>
  );
}

/** What the verify result rests on (the checkpoint) or why it failed, in the reader's language. */
function verifyDetail(result: AuditVerify, t: TFunction): string {
  const at = result.checkpoint ? formatDateTime(result.checkpoint.at) : '';
  const values = { at, count: result.checkpoint?.count ?? 0, n: result.checked };
  if (!result.ok && result.reasonCode)
    return t(`audit.break.${result.reasonCode}` as MessageKey, values);
  const held = result.checkpoint ? t('audit.checkpointHeld', values) : t('audit.noCheckpoint');
  return result.archived > 0 ? `${held}${t('audit.archived', { n: result.archived })}` : held;
}
