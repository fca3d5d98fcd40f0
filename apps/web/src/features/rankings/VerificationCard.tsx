import { CheckCircleOutlined, CloseCircleOutlined, DownloadOutlined } from '@ant-design/icons';
import type { Edition } from '@corridor/contracts';
import { Card, Descriptions, Space, Typography } from 'antd';
import { useT } from '../../i18n';
import { fileUrl, useVerify } from './api';

/** How to check the list without trusting this site: the three files and one command. */
export function VerificationCard({ edition }: { edition: Edition }) {
  const t = useT();
  const verify = useVerify(edition.id, edition.status === 'published');
  const sig = edition.signature;
  if (!sig) return null;
  const link = (file: 'edition.json' | 'signature.hex' | 'publickey.hex') => (
    <a href={fileUrl(edition.id, file)} download data-testid={`download-${file}`}>
      <DownloadOutlined /> {file}
    </a>
  );
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
          {
            key: 'alg',
            label: t('ranking.algorithm'),
            children: `${sig.algorithm} · userId ${sig.userId}`,
          },
          {
            key: 'sm3',
            label: t('ranking.canonicalSm3'),
            children: (
              <Typography.Text code copyable>
                {sig.canonicalSm3}
              </Typography.Text>
            ),
          },
          {
            key: 'key',
            label: t('ranking.publicKey'),
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {sig.publicKey}
              </Typography.Text>
            ),
          },
          {
            key: 'sig',
            label: t('ranking.signature'),
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {sig.signature}
              </Typography.Text>
            ),
          },
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
                <Typography.Text code copyable>
                  npm run corridor -- ranking verify edition.json signature.hex publickey.hex
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('ranking.offlineHint')}</Typography.Text>
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </Card>
  );
}
