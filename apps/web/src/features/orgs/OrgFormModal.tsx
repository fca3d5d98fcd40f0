import {
  type CityCode,
  checkCreditCode,
  creditCodeIssuedElsewhere,
  type IndustryCode,
  type Org,
  type OrgInput,
  OrgInputSchema,
  type OrgType,
  type OrgUpdate,
  reasonText,
} from '@corridor/contracts';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, errorText } from '../../app/api';
import { DateInput } from '../../app/DateInput';
import { applyServerErrors, schemaRule, searchByLabel } from '../../app/forms';
import { useGuardedClose } from '../../app/useGuardedClose';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useCreateOrg, useUpdateOrg } from './api';
import { issuedPlace } from './issuedPlace';

interface OrgFormValues {
  creditCode?: string;
  name?: string;
  type?: OrgType;
  regionCode?: CityCode;
  industry?: IndustryCode | null;
  address?: string;
  foundedOn?: string;
  contactName?: string;
  contactPhone?: string;
  description?: string;
}

const FIELDS = [
  'creditCode',
  'name',
  'type',
  'regionCode',
  'industry',
  'address',
  'foundedOn',
  'contactName',
  'contactPhone',
  'description',
] as const satisfies readonly (keyof OrgInput)[];

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

function toValues(org: Org | undefined, defaultRegion: CityCode | undefined): OrgFormValues {
  if (!org) return { regionCode: defaultRegion };
  return {
    creditCode: org.creditCode,
    name: org.name,
    type: org.type,
    regionCode: org.regionCode,
    industry: org.industry,
    address: org.address ?? '',
    foundedOn: org.foundedOn ?? '',
    contactName: org.contactName ?? '',
    contactPhone: org.contactPhone ?? '',
    description: org.description ?? '',
  };
}

function toInput(v: OrgFormValues): OrgInput {
  return {
    creditCode: (v.creditCode ?? '').trim().toUpperCase(),
    name: (v.name ?? '').trim(),
    type: v.type as OrgType,
    regionCode: v.regionCode as CityCode,
    industry: v.industry ?? null,
    address: blankToNull(v.address),
    foundedOn: blankToNull(v.foundedOn),
    contactName: blankToNull(v.contactName),
    contactPhone: blankToNull(v.contactPhone),
    description: blankToNull(v.description),
  };
}

interface Props {
  /** Absent: create a new organisation. */
  org?: Org;
  defaultRegion?: CityCode;
  onClose: () => void;
  onSaved: (org: Org) => void;
}

/** Create or edit an organisation; rendered only while open. */
export function OrgFormModal({ org, defaultRegion, onClose, onSaved }: Props) {
  const t = useT();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgFormValues>();
  const close = useGuardedClose(form, onClose);
  const typedCode = Form.useWatch('creditCode', form);
  const typedCity = Form.useWatch('regionCode', form);
  const issuedIn =
    typedCode && typedCity && !checkCreditCode(typedCode.trim())
      ? creditCodeIssuedElsewhere(typedCode.trim(), typedCity)
      : null;
  const initial = useMemo(() => toValues(org, defaultRegion), [org, defaultRegion]);
  // What the user started from: an edit sends only the fields changed since then.
  const [baseline] = useState(() => toInput(initial));
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateOrg();
  const update = useUpdateOrg(org?.id ?? 0);
  const saving = create.isPending || update.isPending;
  const rule = (field: keyof typeof OrgInputSchema.shape) =>
    schemaRule(OrgInputSchema.shape[field], labels.locale);
  const required = { required: true, message: t('common.required') };

  const fail = (error: unknown) => {
    applyServerErrors(form, error, FIELDS, { 'org.credit_code_taken': 'creditCode' });
    const conflict = error instanceof ApiError && error.code === 'org.version_conflict';
    setFormError(conflict ? `${errorText(error)} ${t('org.conflictHint')}` : errorText(error));
    void message.error(errorText(error));
  };

  const onFinish = (values: OrgFormValues) => {
    setFormError(null);
    const input = toInput(values);
    const done = (saved: Org) => {
      if (org) void message.success(t('common.saved'));
      onSaved(saved);
    };
    if (!org) {
      create.mutate(input, { onSuccess: done, onError: fail });
      return;
    }
    const patch: Record<string, unknown> = {};
    for (const key of FIELDS) if (input[key] !== baseline[key]) patch[key] = input[key];
    if (Object.keys(patch).length === 0) {
      void message.info(t('org.noChanges'));
      onClose();
      return;
    }
    update.mutate({ ...patch, version: org.version } as OrgUpdate, {
      onSuccess: done,
      onError: fail,
    });
  };

  return (
    <Modal
      open
      width={760}
      title={org ? t('org.editTitle') : t('org.createTitle')}
      onCancel={close}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose} data-testid="org-cancel">
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={saving}
          onClick={() => form.submit()}
          data-testid="org-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {formError && (
        <Alert
          type="error"
          showIcon
          title={formError}
          style={{ marginBottom: 16 }}
          data-testid="org-form-error"
        />
      )}
      <Form<OrgFormValues>
        form={form}
        name="org"
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t('org.creditCode')}
              normalize={(v: string | undefined) => v?.toUpperCase()}
              rules={[
                required,
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value) return;
                    const problem = checkCreditCode(value.trim());
                    if (problem) throw new Error(reasonText(problem, labels.locale));
                  },
                },
              ]}
            >
              <Input maxLength={18} placeholder="91420100XXXXXXXXXX" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('org.name')} rules={[required, rule('name')]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('org.type')} rules={[required]}>
              <Select
                showSearch={searchByLabel}
                options={labels.orgTypeOptions}
                placeholder={t('common.select')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="regionCode" label={t('org.city')} rules={[required]}>
              <Select
                showSearch={searchByLabel}
                options={labels.cityOptions}
                placeholder={t('common.select')}
              />
            </Form.Item>
          </Col>
          {issuedIn && (
            <Col xs={24}>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="org-issued-elsewhere"
                title={t('org.issuedElsewhere', { place: issuedPlace(issuedIn, labels.locale, t) })}
              />
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name="industry" label={t('org.industry')}>
              <Select
                showSearch={searchByLabel}
                options={labels.industryOptions}
                placeholder={t('common.select')}
                allowClear
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="foundedOn" label={t('org.foundedOn')} rules={[rule('foundedOn')]}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="contactName"
              label={t('org.contactName')}
              rules={[rule('contactName')]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="contactPhone"
              label={t('org.contactPhone')}
              rules={[rule('contactPhone')]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('org.address')} rules={[rule('address')]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="description"
              label={t('org.description')}
              rules={[rule('description')]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
