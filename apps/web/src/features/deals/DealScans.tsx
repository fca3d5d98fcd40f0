import { App, Space, Spin } from 'antd';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { FileLinks } from '../files/FileLinks';
import { UploadButton } from '../files/UploadButton';
import { useAttachScan, useDeal } from './api';

/** The scans of a contract: download links, and an upload for the parties' users. */
export function DealScans({ dealId }: { dealId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const deal = useDeal(dealId);
  const attach = useAttachScan(dealId);
  if (!deal.data) return <Spin size="small" />;
  return (
    <Space direction="vertical" data-testid="deal-scans">
      <FileLinks files={deal.data.scans ?? []} />
      {deal.data.abilities.attachScan && (
        <UploadButton
          label={t('deals.addScan')}
          onUploaded={async (f) => {
            try {
              await attach.mutateAsync(f.id);
            } catch (error) {
              void message.error(errorText(error));
            }
          }}
        />
      )}
    </Space>
  );
}
