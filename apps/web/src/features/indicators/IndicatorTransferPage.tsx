import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { type CityCode, isCityCode } from '@corridor/contracts';
import { Alert, App, Button, Card, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../app/api';
import { useMe } from '../../app/auth';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { downloadIndicatorExport, downloadIndicatorTemplate, useImportIndicators } from './api';

const lastYear = new Date().getFullYear() - 1;
const YEARS = Array.from({ length: 8 }, (_, i) => lastYear + 1 - i);

/** Officials: the import template, the upload with its row-level report, and the yearly export. */
export default function IndicatorTransferPage() {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const ownCity = me && isCityCode(me.regionCode) ? me.regionCode : undefined;
  const importer = useImportIndicators();
  const [fileName, setFileName] = useState<string | null>(null);
  const [year, setYear] = useState(lastYear);
  const [city, setCity] = useState<CityCode | undefined>(ownCity);
  const [busy, setBusy] = useState<'template' | 'export' | null>(null);
  const outcome = importer.data;

  const run = async (kind: 'template' | 'export') => {
    setBusy(kind);
    try {
      if (kind === 'template') await downloadIndicatorTemplate();
      else await downloadIndicatorExport(year, city);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const problems = outcome?.kind === 'rejected' ? outcome.problems : [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('transfer.importTitle')}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('transfer.instructions')}
          </Typography.Paragraph>
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'template'}
              onClick={() => run('template')}
              data-testid="indicator-template"
            >
              {t('import.template')}
            </Button>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              showUploadList={false}
              disabled={importer.isPending}
              beforeUpload={(file) => {
                setFileName(file.name);
                importer.mutate(file);
                return false;
              }}
            >
              <Button
                type="primary"
                icon={<UploadOutlined />}
                loading={importer.isPending}
                data-testid="indicator-upload"
              >
                {t('import.choose')}
              </Button>
            </Upload>
            {fileName && <Typography.Text type="secondary">{fileName}</Typography.Text>}
          </Space>
          {importer.isError && <Alert type="error" showIcon title={errorText(importer.error)} />}
          {outcome?.kind === 'done' && (
            <Alert
              type="success"
              showIcon
              title={t('transfer.done', outcome)}
              data-testid="indicator-import-result"
            />
          )}
          {outcome?.kind === 'rejected' && (
            <Alert
              type="error"
              showIcon
              title={outcome.message}
              description={t('import.rejectedHint', { n: problems.length })}
              data-testid="indicator-import-rejected"
            />
          )}
          {problems.length > 0 && (
            <Table
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.field}-${p.reason}`}
              dataSource={problems}
              pagination={problems.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: t('import.row'), dataIndex: 'row', width: 80 },
                { title: t('import.column'), dataIndex: 'column', width: 80 },
                { title: t('import.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </Space>
      </Card>
      <Card title={t('transfer.exportTitle')}>
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          />
          <Select
            value={city}
            onChange={setCity}
            allowClear={!ownCity}
            disabled={!!ownCity}
            placeholder={t('transfer.allCities')}
            style={{ width: 140 }}
            options={labels.cityOptions}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'export'}
            onClick={() => run('export')}
            data-testid="indicator-export"
          >
            {t('transfer.export')}
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
