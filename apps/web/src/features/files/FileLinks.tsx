import type { Attachment } from '@corridor/contracts';
import { Space, Typography } from 'antd';
import { useT } from '../../i18n';
import { fileUrl } from './api';

const sizeText = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

/** Download links for a record's files; metadata filed before uploads existed is shown plain. */
export function FileLinks({ files }: { files: Attachment[] }) {
  const t = useT();
  if (files.length === 0) return <>—</>;
  return (
    <Space direction="vertical" size={2} data-testid="file-links">
      {files.map((f) =>
        f.fileId === null ? (
          <Typography.Text key={`${f.name}|${f.sizeBytes}|${f.mimeType}`} type="secondary">
            {f.name} ({sizeText(f.sizeBytes)}) {t('files.notStored')}
          </Typography.Text>
        ) : (
          <a
            key={f.fileId}
            href={fileUrl(f.fileId)}
            download={f.name}
            aria-label={t('files.download', { name: f.name })}
          >
            {f.name} ({sizeText(f.sizeBytes)})
          </a>
        ),
      )}
    </Space>
  );
}
