/** Uploaded files: upload buttons, download links (zh-CN source and en side by side). */
import { defineMessages } from '@corridor/contracts';

export const filesMessages = defineMessages(['files'], {
  'files.upload': { zh: '上传文件', en: 'Upload a file' },
  'files.uploading': { zh: '正在上传…', en: 'Uploading…' },
  'files.hint': {
    zh: '支持 PDF、PNG、JPEG、Word、Excel、PowerPoint，单个不超过 20 MB',
    en: 'PDF, PNG, JPEG, Word, Excel or PowerPoint, up to 20 MB each',
  },
  'files.notStored': {
    zh: '（仅登记信息，无文件）',
    en: '(details only, no file)',
  },
  'files.download': { zh: '下载 {name}', en: 'Download {name}' },
});
