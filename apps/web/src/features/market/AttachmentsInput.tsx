import { PaperClipOutlined } from '@ant-design/icons';
import type { Achievement } from '@corridor/contracts';
import { Button, Space, Tag, Upload } from 'antd';
import { useT } from '../../i18n';

type Attachment = Achievement['attachments'][number];
const MAX_ATTACHMENTS = 10;
const keyOf = (a: Attachment) => `${a.name}|${a.sizeBytes}|${a.mimeType}`;

/**
 * Attachments' metadata (name, size, type) read from files the owner picks. The platform keeps
 * the metadata, not the files (no file store yet): nothing is uploaded.
 */
export function AttachmentsInput({
  value = [],
  onChange,
}: {
  value?: Attachment[];
  onChange?: (v: Attachment[]) => void;
}) {
  const t = useT();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space size={[4, 4]} wrap data-testid="attachments">
        {value.map((a) => (
          <Tag
            key={keyOf(a)}
            closable
            onClose={() => onChange?.(value.filter((x) => keyOf(x) !== keyOf(a)))}
          >
            {a.name} ({Math.ceil(a.sizeBytes / 1024)} KB)
          </Tag>
        ))}
      </Space>
      <Upload
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          const added: Attachment = {
            name: file.name.slice(0, 120),
            sizeBytes: file.size,
            // Browsers leave the type empty for unknown extensions.
            mimeType: /^[a-z]+\/[a-z0-9.+-]+$/i.test(file.type)
              ? file.type
              : 'application/octet-stream',
          };
          // The same file picked twice is listed once.
          if (!value.some((x) => keyOf(x) === keyOf(added)))
            onChange?.([...value, added].slice(0, MAX_ATTACHMENTS));
          return false; // metadata only: never sent anywhere
        }}
      >
        <Button icon={<PaperClipOutlined />} disabled={value.length >= MAX_ATTACHMENTS}>
          {t('market.addAttachment')}
        </Button>
      </Upload>
    </Space>
  );
}
