import { UploadOutlined } from '@ant-design/icons';
import type { StoredFile } from '@corridor/contracts';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { uploadFile } from './api';

/** Picks a file and uploads it at once; hands the stored file to `onUploaded`. */
export function UploadButton({
  onUploaded,
  disabled,
  label,
}: {
  onUploaded: (file: StoredFile) => void | Promise<void>;
  disabled?: boolean;
  label?: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      showUploadList={false}
      accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx"
      beforeUpload={(file) => {
        setBusy(true);
        uploadFile(file)
          .then(onUploaded)
          .catch((error) => void message.error(errorText(error)))
          .finally(() => setBusy(false));
        return false; // sent by uploadFile, not by antd
      }}
    >
      <Button icon={<UploadOutlined />} loading={busy} disabled={disabled}>
        {busy ? t('files.uploading') : (label ?? t('files.upload'))}
      </Button>
    </Upload>
  );
}
