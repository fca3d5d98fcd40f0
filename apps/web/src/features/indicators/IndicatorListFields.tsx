import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AWARD_KINDS,
  AWARD_LEVELS,
  INSTITUTION_LEVELS,
  STANDARD_LEVELS,
  STANDARD_ROLES,
} from '@corridor/contracts';
import { Button, Divider, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { ReactNode } from 'react';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { fieldLabel } from './format';

/** The dated and listed facts of a year: R&D institutions, awards, standards, equity rounds. */
export function IndicatorListFields() {
  const t = useT();
  const { locale } = useLocale();
  const options = (values: readonly string[], label: (v: string) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));
  const level = (v: string) => t(`ind.level.${v}` as MessageKey);
  const listBlock = (
    name: string,
    fields: (key: number) => ReactNode,
    blank: Record<string, unknown>,
  ) => (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {items.map(({ key, name: index }) => (
            <Space key={key} wrap align="baseline">
              {fields(index)}
              <MinusCircleOutlined onClick={() => remove(index)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank)}>
            {t('ind.addItem', { name: fieldLabel(name, locale) })}
          </Button>
        </Space>
      )}
    </Form.List>
  );
  const yearItem = (index: number) => (
    <Form.Item name={[index, 'year']} rules={[{ required: true, message: t('common.required') }]}>
      <InputNumber placeholder={t('ind.year')} min={1900} max={9999} precision={0} />
    </Form.Item>
  );

  return (
    <>
      <Divider titlePlacement="start">{fieldLabel('rdInstitutions', locale)}</Divider>
      {listBlock(
        'rdInstitutions',
        (i) => (
          <>
            <Form.Item
              name={[i, 'level']}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select style={{ width: 140 }} options={options(INSTITUTION_LEVELS, level)} />
            </Form.Item>
            <Form.Item name={[i, 'name']}>
              <Input placeholder={t('ind.institutionName')} style={{ width: 320 }} />
            </Form.Item>
          </>
        ),
        { level: 'enterprise' },
      )}
      <Divider titlePlacement="start">{fieldLabel('awards', locale)}</Divider>
      {listBlock(
        'awards',
        (i) => (
          <>
            <Form.Item name={[i, 'kind']} rules={[{ required: true }]}>
              <Select
                style={{ width: 160 }}
                options={options(AWARD_KINDS, (v) => t(`ind.award.${v}` as MessageKey))}
              />
            </Form.Item>
            <Form.Item name={[i, 'level']} rules={[{ required: true }]}>
              <Select style={{ width: 120 }} options={options(AWARD_LEVELS, level)} />
            </Form.Item>
            {yearItem(i)}
            <Form.Item name={[i, 'rank']}>
              <InputNumber placeholder={t('ind.rank')} min={1} precision={0} />
            </Form.Item>
          </>
        ),
        { kind: 'stAward', level: 'provincial' },
      )}
      <Divider titlePlacement="start">{fieldLabel('standards', locale)}</Divider>
      {listBlock(
        'standards',
        (i) => (
          <>
            <Form.Item name={[i, 'level']} rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={options(STANDARD_LEVELS, level)} />
            </Form.Item>
            {yearItem(i)}
            <Form.Item name={[i, 'role']} rules={[{ required: true }]}>
              <Select
                style={{ width: 120 }}
                options={options(STANDARD_ROLES, (v) => t(`ind.role.${v}` as MessageKey))}
              />
            </Form.Item>
          </>
        ),
        { level: 'industry', role: 'lead' },
      )}
      <Divider titlePlacement="start">{fieldLabel('equity', locale)}</Divider>
      {listBlock(
        'equity',
        (i) => (
          <>
            {yearItem(i)}
            <Form.Item
              name={[i, 'amount']}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <InputNumber placeholder={t('ind.amount')} min={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name={[i, 'qualifiedInvestor']}
              valuePropName="checked"
              label={t('ind.qualified')}
            >
              <Switch />
            </Form.Item>
          </>
        ),
        {},
      )}
    </>
  );
}
