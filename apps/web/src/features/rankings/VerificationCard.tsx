import { CheckCircleOutlined, CloseCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import type { Edition } from '@corridor/contracts';
import { Card, Descriptions, type DescriptionsProps, Space, Typography } from 'antd';
import { HowToVerify } from '../../app/HowToVerify';
import { useT } from '../../i18n';
import { fileUrl, useVerify } from './api';

/**
 * What an edition's figures rest on, for whoever wants to check (folded into "how to verify"):
 * the method's code and version, the SM3 of the frozen inputs, and once it is published its
 * signature — algorithm and SM2 user id, digest, key, the three files and the offline command.
 */
export function EditionTechnicalFacts({ edition }: { edition: Edition }) {
  const t = useT();
  const sig = edition.signature;
  const link = (file: 'edition.json' | 'signature.hex' | 'publickey.hex') => (
    <a href={fileUrl(edition.id, file)} download data-testid={`download-${file}`}>
      <DownloadOutlined /> {file}
    </a>
  );
  const code = (text: string) => (
    <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
      {text}
    </Typography.Text>
  );
  const items: DescriptionsProps['items'] = [
    {
      key: 'method',
      label: t('ranking.methodCode'),
      children: `${edition.method.code} · ${t('ranking.versionN', { n: edition.method.version })}`,
    },
    { key: 'frozen', label: t('ranking.frozenSm3'), children: code(edition.frozenInputsSm3) },
  ];
  if (sig)
    items.push(
      {
        key: 'alg',
        label: t('ranking.algorithm'),
        children: t('ranking.algorithmWithId', { algorithm: sig.algorithm, id: sig.userId }),
      },
      { key: 'sm3', label: t('ranking.canonicalSm3'), children: code(sig.canonicalSm3) },
      { key: 'key', label: t('ranking.publicKey'), children: code(sig.publicKey) },
      { key: 'sig', label: t('ranking.signature'), children: code(sig.signature) },
      {
        key: 'files',
        label: t('ranking.downloads'),
        children: (
          <Space wrap size="large">
            {link('edition.json')}
            {link('signature.hex')}
            {link('publickey.hex')}
          </Space>
        ),
      },
      {
        key: 'cmd',
        label: t('ranking.offlineCommand'),
        children: (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {code('npm run corridor -- ranking verify edition.json signature.hex publickey.hex')}
            <br />
            <Typography.Text type="secondary">{t('ranking.offlineHint')}</Typography.Text>
          </Typography.Paragraph>
        ),
      },
    );
  return (
    <HowToVerify testId="ranking-how-to-verify" style={{ marginTop: 8 }}>
      <Descriptions bordered column={1} size="small" items={items} />
    </HowToVerify>
  );
}

/** The platform's own check of the signature, in words; the technical facts fold below it. */
export function VerificationCard({ edition }: { edition: Edition }) {
  const t = useT();
  const verify = useVerify(edition.id, edition.status === 'published');
  if (!edition.signature) return null;
  return (
    <Card
      title={t('ranking.verification')}
      style={{ marginTop: 16 }}
      data-testid="ranking-verification"
    >
      <Descriptions
        bordered
        column={1}
        size="small"
        items={[
          {
            key: 'check',
            label: t('ranking.serverCheck'),
            children: verify.data ? (
              <Typography.Text
                type={verify.data.valid ? 'success' : 'danger'}
                data-testid="verify-result"
              >
                {verify.data.valid ? <CheckCircleOutlined /> : <CloseCircleOutlined />}{' '}
                {verify.data.message}
              </Typography.Text>
            ) : (
              '…'
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('ranking.verifyYourself')}
      </Typography.Paragraph>
      <EditionTechnicalFacts edition={edition} />
    </Card>
  );
}
