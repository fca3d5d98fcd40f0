import { type CityCode, type IndustryCode, RegistrationBodySchema } from '@corridor/contracts';
import { Alert, Button, Col, Form, Input, Result, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorText } from '../../app/api';
import { applyServerErrors, schemaRule, searchByLabel } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useRegister } from './api';
import { NewPasswordFields } from './PasswordFields';
import { PublicCard } from './PublicCard';

interface Values {
  creditCode: string;
  orgName: string;
  regionCode: CityCode;
  industry?: IndustryCode | null;
  address?: string;
  username: string;
  displayName: string;
  email: string;
  phone?: string;
  password: string;
}

const FIELDS = [
  'creditCode',
  'orgName',
  'regionCode',
  'industry',
  'address',
  'username',
  'displayName',
  'email',
  'phone',
  'password',
] as const;
const CODE_FIELDS: Record<string, string> = {
  'account.username_taken': 'username',
  'auth.password_policy': 'password',
  'auth.password_common': 'password',
  'registration.org_has_accounts': 'creditCode',
};

/**
 * Enterprise self-registration (issue 10 item 13): the organisation by its credit code and the
 * first user, who becomes its account manager once the city admin approves.
 */
export default function RegisterPage() {
  const t = useT();
  const labels = useLabels();
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const shape = RegistrationBodySchema.shape;
  const required = { required: true, message: t('common.required') };

  const onFinish = (v: Values) => {
    register.mutate(
      {
        creditCode: v.creditCode.trim().toUpperCase(),
        orgName: v.orgName.trim(),
        regionCode: v.regionCode,
        industry: v.industry ?? null,
        address: v.address?.trim() || null,
        username: v.username.trim().toLowerCase(),
        displayName: v.displayName.trim(),
        email: v.email.trim(),
        phone: v.phone?.trim() || null,
        password: v.password,
      },
      {
        onSuccess: () => setSentTo(v.email.trim()),
        onError: (error) => applyServerErrors(form, error, FIELDS, CODE_FIELDS),
      },
    );
  };

  if (sentTo)
    return (
      <PublicCard title={t('signup.title')} width={560}>
        <Result
          status="success"
          title={t('signup.submitted')}
          subTitle={t('signup.submittedHint', { email: sentTo })}
          extra={<Link to="/login">{t('signup.backToLogin')}</Link>}
          data-testid="signup-done"
        />
      </PublicCard>
    );

  return (
    <PublicCard title={t('signup.title')} width={720}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('signup.intro')}
      </Typography.Paragraph>
      {register.isError && (
        <Alert type="error" showIcon title={errorText(register.error)} data-testid="signup-error" />
      )}
      <Form<Values> form={form} name="signup" layout="vertical" onFinish={onFinish} requiredMark>
        <Typography.Title level={5}>{t('signup.orgSection')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="creditCode"
              label={t('signup.creditCode')}
              normalize={(v: string | undefined) => v?.toUpperCase()}
              rules={[required, schemaRule(shape.creditCode, labels.locale)]}
            >
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="orgName"
              label={t('signup.orgName')}
              extra={t('signup.orgNameHint')}
              rules={[required, schemaRule(shape.orgName, labels.locale)]}
            >
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('signup.city')} rules={[required]}>
              <Select
                showSearch={searchByLabel}
                options={labels.cityOptions}
                placeholder={t('common.select')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t('signup.industry')}>
              <Select
                allowClear
                showSearch={searchByLabel}
                options={labels.industryOptions}
                placeholder={t('common.select')}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="address"
              label={t('signup.address')}
              rules={[schemaRule(shape.address, labels.locale)]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('signup.userSection')}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="username"
              label={t('login.username')}
              normalize={(v: string | undefined) => v?.toLowerCase()}
              rules={[required, schemaRule(shape.username, labels.locale)]}
            >
              <Input autoComplete="username" maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="displayName"
              label={t('signup.displayName')}
              rules={[required, schemaRule(shape.displayName, labels.locale)]}
            >
              <Input maxLength={40} autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('signup.email')}
              extra={t('signup.emailHint')}
              rules={[required, schemaRule(shape.email, labels.locale)]}
            >
              <Input type="email" autoComplete="email" maxLength={254} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="phone"
              label={t('signup.phone')}
              rules={[schemaRule(shape.phone, labels.locale)]}
            >
              <Input autoComplete="tel" maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        <NewPasswordFields name="password" label={t('login.password')} />
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={register.isPending}
          data-testid="signup-submit"
        >
          {t('signup.submit')}
        </Button>
      </Form>
    </PublicCard>
  );
}
