import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { CERTIFICATE_KINDS, type Certificate, type CertificateInput } from '@corridor/contracts';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../app/api';
import { DateInput } from '../../app/DateInput';
import { PageLoading } from '../../app/status';
import { useGuardedClose } from '../../app/useGuardedClose';
import { useLocale, useT } from '../../i18n';
import { useAddCertificate, useCertificates, useRemoveCertificate } from './api';
import { certificateLabel } from './format';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function AddCertificateModal({ orgId, onClose }: { orgId: number; onClose: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateInput>();
  const close = useGuardedClose(form, onClose);
  const add = useAddCertificate(orgId);
  const dateRule = { pattern: DATE, message: 'YYYY-MM-DD' };

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await add.mutateAsync({
        ...values,
        expiresOn: values.expiresOn || null,
        issuer: values.issuer || null,
      });
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.details.length) {
        form.setFields(error.details.map((d) => ({ name: d.field as never, errors: [d.reason] })));
      }
    }
  };

  return (
    <Modal
      open
      title={t('cert.add')}
      onCancel={close}
      maskClosable={false}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={add.isPending}
    >
      <Form form={form} layout="vertical" data-testid="certificate-form">
        <Form.Item
          name="kind"
          label={t('cert.kind')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            options={CERTIFICATE_KINDS.map((k) => ({
              value: k,
              label: certificateLabel(k, locale),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="number"
          label={t('cert.number')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('cert.issuedOn')}
          rules={[{ required: true, message: t('common.required') }, dateRule]}
        >
          <DateInput />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('cert.expiresOn')} rules={[dateRule]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="issuer" label={t('cert.issuer')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      {add.isError && !(add.error instanceof ApiError && add.error.details.length) && (
        <Alert type="error" showIcon title={errorText(add.error)} />
      )}
    </Modal>
  );
}

/** Recognitions the enterprise holds; officials of its city (or the province) record them. */
export function CertificatesPanel({ orgId }: { orgId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { data, isPending, isError, error } = useCertificates(orgId);
  const remove = useRemoveCertificate(orgId);
  const [adding, setAdding] = useState(false);
  if (isError) return <Alert type="error" showIcon title={errorText(error)} />;
  if (isPending) return <PageLoading />;
  const manage = data.abilities.manage;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {manage && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="certificate-add"
        >
          {t('cert.add')}
        </Button>
      )}
      <Table<Certificate>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.items}
        data-testid="certificate-table"
        columns={[
          {
            title: t('cert.kind'),
            dataIndex: 'kind',
            render: (k: string) => certificateLabel(k, locale),
          },
          { title: t('cert.number'), dataIndex: 'number' },
          { title: t('cert.issuedOn'), dataIndex: 'issuedOn' },
          {
            title: t('cert.expiresOn'),
            dataIndex: 'expiresOn',
            render: (d: string | null) => d ?? '—',
          },
          { title: t('cert.issuer'), dataIndex: 'issuer', render: (d: string | null) => d ?? '—' },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, c: Certificate) => (
                    <Popconfirm
                      title={t('cert.confirmRemove')}
                      onConfirm={async () => {
                        try {
                          await remove.mutateAsync(c.id);
                        } catch (e) {
                          void message.error(errorText(e));
                        }
                      }}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />}>
                        {t('cert.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddCertificateModal orgId={orgId} onClose={() => setAdding(false)} />}
    </Space>
  );
}
