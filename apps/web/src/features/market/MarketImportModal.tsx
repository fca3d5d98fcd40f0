import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { downloadMarketTemplate, type MarketKind, useMarketImport } from './api';

/** Excel import of achievements or demands (as drafts; the file is refused whole on any error). */
export function MarketImportModal({ kind, onClose }: { kind: MarketKind; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const importer = useMarketImport(kind);
  const [fileName, setFileName] = useState<string | null>(null);
  const outcome = importer.data;
  const rows =
    outcome?.kind === 'rejected' ? outcome.problems.map((p, i) => ({ key: i, ...p })) : [];
  return (
    <Modal
      open
      width={760}
      title={t(kind === 'achievements' ? 'market.importAchievements' : 'market.importDemands')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.close')}</Button>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('market.importHint')}</Typography.Paragraph>
        <Button
          type="link"
          icon={<DownloadOutlined />}
          style={{ padding: 0 }}
          onClick={() =>
            downloadMarketTemplate(kind).catch((e) => void message.error(errorText(e)))
          }
        >
          {t('import.template')}
        </Button>
        <div>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            disabled={importer.isPending}
            beforeUpload={(file) => {
              setFileName(file.name);
              importer.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={importer.isPending}>
              {t('import.choose')}
            </Button>
          </Upload>
          {fileName && (
            <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
              {fileName}
            </Typography.Text>
          )}
        </div>
        {importer.isError && <Alert type="error" showIcon title={errorText(importer.error)} />}
        {outcome?.kind === 'created' && (
          <Alert
            type="success"
            showIcon
            title={t('market.importCreated', { n: outcome.created })}
          />
        )}
        {outcome?.kind === 'rejected' && (
          <>
            <Alert
              type="error"
              showIcon
              title={outcome.message}
              description={t('import.rejectedHint', { n: rows.length })}
            />
            <Table
              size="small"
              rowKey="key"
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 80 },
                { title: t('import.column'), dataIndex: 'column', width: 100 },
                { title: t('import.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
