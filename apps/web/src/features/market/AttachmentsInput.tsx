import type { Achievement } from '@corridor/contracts';
import { Space, Tag } from 'antd';
import { useT } from '../../i18n';
import { FileLinks } from '../files/FileLinks';
import { UploadButton } from '../files/UploadButton';

type Attachment = Achievement['attachments'][number];
const MAX_ATTACHMENTS = 10;

/**
 * The achievement's files: each picked file is uploaded at once (POST /files) and listed here;
 * saving the form attaches the listed uploads to the achievement by their ids.
 */
export function AttachmentsInput({
  value = [],
  onChange,
}: {
  value?: Attachment[];
  onChange?: (v: Attachment[]) => void;
}) {
  const t = useT();
  const stored = value.filter((a) => a.fileId !== null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size={[4, 4]} wrap data-testid="attachments">
        {stored.map((a) => (
          <Tag
            key={a.fileId}
            closable
            onClose={() => onChange?.(value.filter((x) => x.fileId !== a.fileId))}
          >
            <FileLinks files={[a]} />
          </Tag>
        ))}
      </Space>
      <UploadButton
        label={t('market.addAttachment')}
        disabled={stored.length >= MAX_ATTACHMENTS}
        onUploaded={(f) =>
          onChange?.([
            ...stored,
            { fileId: f.id, name: f.name, sizeBytes: f.sizeBytes, mimeType: f.mimeType },
          ])
        }
      />
    </Space>
  );
}
