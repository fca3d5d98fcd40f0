import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useMemo } from 'react';
import { searchByLabel } from '../../app/forms';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import type { AuditFilters } from './api';
import { actionOptions, objectTypeOptions } from './objects';

/** The filters as sent: trimmed, empty ones left out. */
export function cleanFilters(values: AuditFilters): AuditFilters {
  const out: AuditFilters = {};
  if (values.action) out.action = values.action;
  if (values.outcome) out.outcome = values.outcome;
  if (values.actor?.trim()) out.actor = values.actor.trim();
  if (values.objectType) out.objectType = values.objectType;
  if (values.from) out.from = values.from;
  if (values.to) out.to = values.to;
  return out;
}

/**
 * What the auditor narrows the log by: action and object type chosen from the catalogue (in
 * words, searchable), the outcome, part of the actor's user name, and dates.
 */
export function AuditFilterForm({ onSearch }: { onSearch: (filters: AuditFilters) => void }) {
  const t = useT();
  const labels = useLabels();
  const [form] = Form.useForm<AuditFilters>();
  const actions = useMemo(() => actionOptions(labels.locale), [labels.locale]);
  const objects = useMemo(() => objectTypeOptions(labels.locale), [labels.locale]);
  return (
    <Form<AuditFilters>
      form={form}
      name="audit"
      layout="inline"
      style={{ marginBottom: 16, rowGap: 8 }}
      onFinish={(values) => onSearch(cleanFilters(values))}
    >
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          showSearch={searchByLabel}
          allowClear
          placeholder={t('audit.anyAction')}
          options={actions}
          style={{ width: 220 }}
          popupMatchSelectWidth={280}
          data-testid="audit-filter-action"
        />
      </Form.Item>
      <Form.Item name="objectType" label={t('audit.objectType')}>
        <Select
          showSearch={searchByLabel}
          allowClear
          placeholder={t('audit.anyObject')}
          options={objects}
          style={{ width: 150 }}
          data-testid="audit-filter-object"
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          showSearch={searchByLabel}
          allowClear
          options={labels.outcomeOptions}
          style={{ width: 100 }}
        />
      </Form.Item>
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input
          allowClear
          placeholder={t('audit.actorSearch')}
          style={{ width: 140 }}
          maxLength={64}
          data-testid="audit-filter-actor"
        />
      </Form.Item>
      <Form.Item name="from" label={t('audit.from')}>
        <Input type="date" style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="to" label={t('audit.to')}>
        <Input type="date" style={{ width: 150 }} />
      </Form.Item>
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SearchOutlined />}
          data-testid="audit-search"
        >
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
