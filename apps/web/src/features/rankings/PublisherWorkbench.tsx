import { PlusOutlined } from '@ant-design/icons';
import { EditionInputSchema, type RankingMethod } from '@corridor/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '../../app/api';
import { applyServerErrors, schemaRule, searchByLabel } from '../../app/forms';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useCreateEdition, useMethods, usePublishMethod } from './api';
import { MethodFormModal } from './MethodFormModal';

interface EditionValues {
  methodId: number;
  title: string;
  year: number;
  city?: string;
  industry?: string;
}

/** The third-party publisher's desk: method versions, and new editions (inputs frozen). */
export default function PublisherWorkbench() {
  const t = useT();
  const labels = useLabels();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const methods = useMethods();
  const publishMethod = usePublishMethod();
  const createEdition = useCreateEdition();
  const [creatingMethod, setCreatingMethod] = useState(false);
  const [form] = Form.useForm<EditionValues>();
  const published = (methods.data?.items ?? []).filter((m) => m.status === 'published');

  const columns: TableColumnsType<RankingMethod> = [
    { title: t('ranking.methodName'), dataIndex: 'name' },
    {
      title: t('ranking.methodVersion'),
      key: 'version',
      render: (_, m) => t('ranking.versionN', { n: m.version }),
    },
    {
      title: t('ranking.normalisationLabel'),
      dataIndex: 'normalisation',
      render: (n: string) => t(`ranking.normalisation.${n}` as MessageKey),
    },
    {
      title: t('ranking.indicators'),
      key: 'indicators',
      render: (_, m) =>
        m.indicators.map((i) => `${i.label} ${Math.round(i.weight * 1000) / 10}%`).join('、'),
    },
    {
      title: t('ranking.statusLabel'),
      dataIndex: 'status',
      width: 170,
      render: (s: string, m) =>
        m.abilities.edit ? (
          <Popconfirm
            title={t('ranking.confirmPublishMethod')}
            onConfirm={() =>
              publishMethod.mutate(m, { onError: (e) => void message.error(errorText(e)) })
            }
          >
            <Button size="small" type="primary" data-testid="publish-method">
              {t('ranking.publishMethod')}
            </Button>
          </Popconfirm>
        ) : (
          <Tag color={s === 'published' ? 'green' : 'default'}>
            {t(`ranking.methodStatus.${s}` as MessageKey)}
          </Tag>
        ),
    },
  ];

  const submit = (v: EditionValues) =>
    createEdition.mutate(
      { ...v, city: (v.city ?? null) as never, industry: (v.industry ?? null) as never },
      {
        onSuccess: (edition) => {
          void message.success(t('ranking.editionCreated', { n: edition.entryCount }));
          navigate(`/app/rankings/${edition.id}`);
        },
        onError: (error) =>
          applyServerErrors(form, error, ['methodId', 'title', 'year', 'city', 'industry']),
      },
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('ranking.methods')}
        extra={
          <Space>
            <Link to="/app/rankings">
              <Button>{t('ranking.backToList')}</Button>
            </Link>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreatingMethod(true)}
              data-testid="new-method"
            >
              {t('ranking.newMethod')}
            </Button>
          </Space>
        }
      >
        {methods.isError && <Alert type="error" showIcon title={errorText(methods.error)} />}
        <Table<RankingMethod>
          rowKey="id"
          size="small"
          loading={methods.isFetching}
          columns={columns}
          dataSource={methods.data?.items ?? []}
          pagination={false}
          data-testid="ranking-methods"
        />
      </Card>
      <Card title={t('ranking.newEdition')}>
        <Alert
          type="info"
          showIcon
          title={t('ranking.newEditionHint')}
          style={{ marginBottom: 16 }}
        />
        {createEdition.isError && (
          <Alert
            type="error"
            showIcon
            title={errorText(createEdition.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<EditionValues>
          form={form}
          layout="vertical"
          name="ranking-edition"
          onFinish={submit}
          initialValues={{ year: new Date().getFullYear() - 1 }}
        >
          <Space wrap align="start">
            <Form.Item
              name="methodId"
              label={t('ranking.method')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                style={{ width: 320 }}
                options={published.map((m) => ({
                  value: m.id,
                  label: t('ranking.methodWithVersion', { name: m.name, n: m.version }),
                }))}
                data-testid="edition-method"
                {...searchByLabel}
              />
            </Form.Item>
            <Form.Item
              name="year"
              label={t('ranking.year')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="city" label={t('org.city')}>
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t('ranking.wholeCorridor')}
                options={labels.cityOptions}
              />
            </Form.Item>
            <Form.Item name="industry" label={t('org.industry')}>
              <Select allowClear style={{ width: 200 }} options={labels.industryOptions} />
            </Form.Item>
          </Space>
          <Form.Item
            name="title"
            label={t('ranking.editionTitle')}
            rules={[
              { required: true, message: t('common.required') },
              schemaRule(EditionInputSchema.shape.title, labels.locale),
            ]}
          >
            <Input placeholder="2026 光谷科创大走廊高成长企业榜" data-testid="edition-title" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={createEdition.isPending}
            data-testid="create-edition"
          >
            {t('ranking.createEdition')}
          </Button>
        </Form>
      </Card>
      {creatingMethod && <MethodFormModal onClose={() => setCreatingMethod(false)} />}
    </Space>
  );
}
