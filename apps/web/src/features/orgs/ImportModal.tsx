import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { downloadImportTemplate, useImportOrgs } from './api';

interface ReportRow {
  key: number;
  row?: number;
  column?: string;
  field?: string;
  reason: string;
}

/** Excel import: template link, upload, and the row-level report when the file is refused. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const importOrgs = useImportOrgs();
  const [fileName, setFileName] = useState<string | null>(null);
  const [templateLoading, setTemplateLoading] = useState(false);
  const outcome = importOrgs.data;

  const getTemplate = async () => {
    setTemplateLoading(true);
    try {
      await downloadImportTemplate();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setTemplateLoading(false);
    }
  };

  const rows: ReportRow[] = (outcome?.problems ?? []).map((p, i) => ({
    key: i,
    row: p.row,
    column: p.column,
    field: p.field,
    reason: p.reason,
  }));

  return (
    <Modal
      open
      width={760}
      title={t('import.title')}
      onCancel={onClose}
      footer={
        <Button onClick={onClose} data-testid="import-close">
          {t('common.close')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('import.instructions')}
        </Typography.Paragraph>
        <Button
          type="link"
          icon={<DownloadOutlined />}
          loading={templateLoading}
          onClick={getTemplate}
          style={{ padding: 0 }}
          data-testid="import-template"
        >
          {t('import.template')}
        </Button>
        <div data-testid="import-upload">
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            disabled={importOrgs.isPending}
            beforeUpload={(file) => {
              setFileName(file.name);
              importOrgs.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={importOrgs.isPending} type="primary">
              {t('import.choose')}
            </Button>
          </Upload>
          {fileName && (
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {fileName}
            </Typography.Text>
          )}
        </div>
        {importOrgs.isError && (
          <Alert
            type="error"
            showIcon
            title={errorText(importOrgs.error)}
            data-testid="import-error"
          />
        )}
        {outcome?.kind === 'created' && (
          <Alert
            type="success"
            showIcon
            title={t('import.created', { n: outcome.created })}
            data-testid="import-result"
          />
        )}
        {outcome?.kind === 'rejected' && (
          <Alert
            type="error"
            showIcon
            title={outcome.message}
            description={t('import.rejectedHint', { n: outcome.problems.length })}
            data-testid="import-rejected"
          />
        )}
        {rows.length > 0 && (
          <div data-testid="import-report">
            <Table<ReportRow>
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 80 },
                { title: t('import.column'), dataIndex: 'column', width: 160 },
                { title: t('import.reason'), dataIndex: 'reason' },
              ]}
            />
          </div>
        )}
      </Space>
    </Modal>
  );
}
