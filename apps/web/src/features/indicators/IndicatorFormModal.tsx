import {
  HIGH_TECH_FIELDS,
  type IndicatorYear,
  IP_KIND_LABELS,
  IP_KINDS,
  LISTING_STATUSES,
} from '@corridor/contracts';
import { Alert, App, Col, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../app/api';
import { DateInput } from '../../app/DateInput';
import { useGuardedClose } from '../../app/useGuardedClose';
import { useLocale, useT } from '../../i18n';
import { useCorrectYear, useSaveYear } from './api';
import { fieldLabel, fieldOfTechLabel, listingLabel, obtainedLabel } from './format';
import { IndicatorListFields } from './IndicatorListFields';

const FINANCE = [
  'revenue',
  'mainRevenue',
  'totalIncome',
  'highTechIncome',
  'rdSpend',
  'rdSpendDomestic',
  'totalCosts',
  'totalAssets',
  'liabilities',
  'netAssets',
  'valuation',
];
const PEOPLE = ['staff', 'scienceStaff', 'rdStaff'];
const IP_COUNTS = ['ipClassIOwnDeveloped', 'ipClassIHighValue', 'ipClassIInUse'];
const OTHER = ['conversions', 'yearsInNiche', 'yearsInField', 'globalMarketRank'];
const REQUIRED = new Set(['revenue', 'rdSpend', 'totalAssets', 'staff', 'scienceStaff']);
const INTEGER = new Set([...PEOPLE, ...IP_COUNTS, 'globalMarketRank']);

type Values = Record<string, unknown>;

/** JSON with sorted keys: a changed value, not a reordered one. */
function same(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): string =>
    v === null || v === undefined
      ? 'null'
      : Array.isArray(v)
        ? `[${v.map(canon).join(',')}]`
        : typeof v === 'object'
          ? `{${Object.keys(v as object)
              .sort()
              .filter((k) => (v as Values)[k] !== undefined && (v as Values)[k] !== null)
              .map((k) => `${k}:${canon((v as Values)[k])}`)
              .join(',')}}`
          : JSON.stringify(v);
  return canon(a) === canon(b);
}

/** Form values → stored shape: empty inputs are null, empty lists and maps are null. */
function clean(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (k === 'year' || k === 'note') continue;
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) out[k] = null;
    else if (k === 'ip' && v && typeof v === 'object') {
      const ip = Object.fromEntries(
        Object.entries(v).filter(([, n]) => n !== null && n !== undefined),
      );
      out[k] = Object.keys(ip).length ? ip : null;
    } else out[k] = v;
  }
  return out;
}

/**
 * Entering a year (PUT, the whole year) or correcting one (PATCH, changed values and a reason).
 * Values the form does not show (expert scores, profile flags, records) are carried over.
 */
export function IndicatorFormModal({
  orgId,
  existing,
  mode,
  onClose,
}: {
  orgId: number;
  existing: IndicatorYear | null;
  mode: 'form' | 'correction';
  onClose: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const close = useGuardedClose(form, onClose);
  const save = useSaveYear(orgId);
  const correct = useCorrectYear(orgId);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = save.isPending || correct.isPending;
  const initial = existing
    ? { ...existing.values, year: existing.year }
    : { year: new Date().getFullYear() - 1 };

  const number = (key: string) => (
    <Col xs={24} sm={12} md={8} key={key}>
      <Form.Item
        name={key}
        label={fieldLabel(key, locale)}
        rules={REQUIRED.has(key) ? [{ required: true, message: t('common.required') }] : []}
      >
        <InputNumber style={{ width: '100%' }} precision={INTEGER.has(key) ? 0 : undefined} />
      </Form.Item>
    </Col>
  );
  const choice = (key: string, options: { value: string; label: string }[]) => (
    <Col xs={24} sm={12} md={8} key={key}>
      <Form.Item name={key} label={fieldLabel(key, locale)}>
        <Select allowClear options={options} />
      </Form.Item>
    </Col>
  );

  const submit = async () => {
    setProblem(null);
    const raw = await form.validateFields();
    const year = Number(raw.year);
    const next = clean(raw);
    try {
      if (mode === 'correction' && existing) {
        const changed = Object.fromEntries(
          Object.entries(next).filter(([k, v]) => !same(v, (existing.values as Values)[k])),
        );
        if (Object.keys(changed).length === 0) {
          void message.info(t('ind.noChanges'));
          return;
        }
        await correct.mutateAsync({
          year,
          body: { values: changed, note: raw.note, version: existing.version },
        });
      } else {
        const kept = existing ? (existing.values as Values) : {};
        // version 0: this year had no record when the form opened (409 if someone made one since).
        const input = { ...kept, ...next, version: existing?.version ?? 0 };
        await save.mutateAsync({ year, input: input as never });
      }
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        // 'values.awards.0.year' → ['awards', 0, 'year'], the form's own name path
        const path = (field: string) =>
          field
            .replace(/^values\./, '')
            .split('.')
            .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        form.setFields(error.details.map((d) => ({ name: path(d.field), errors: [d.reason] })));
        setProblem(error.details.map((d) => `${d.field}：${d.reason}`).join('；'));
      } else setProblem(errorText(error));
    }
  };

  return (
    <Modal
      open
      width={960}
      title={
        mode === 'correction'
          ? t('ind.correctTitle', { year: existing?.year ?? '' })
          : existing
            ? t('ind.editTitle', { year: existing.year })
            : t('ind.addTitle')
      }
      onCancel={close}
      maskClosable={false}
      onOk={submit}
      okText={t('common.save')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="indicator-form">
        <Row gutter={16}>
          <Col xs={24} sm={12} md={8}>
            <Form.Item name="year" label={t('ind.year')} rules={[{ required: true }]}>
              <InputNumber
                style={{ width: '100%' }}
                min={1900}
                max={9999}
                precision={0}
                disabled={!!existing}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={8}>
            <Form.Item name="foundedOn" label={fieldLabel('foundedOn', locale)}>
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('ind.group.finance')}</Divider>
        <Row gutter={16}>{FINANCE.map(number)}</Row>
        <Divider titlePlacement="start">{t('ind.group.people')}</Divider>
        <Row gutter={16}>{PEOPLE.map(number)}</Row>
        <Divider titlePlacement="start">{t('ind.group.ip')}</Divider>
        <Row gutter={16}>
          {IP_KINDS.filter((k) => IP_KIND_LABELS[k].cls !== null).map((k) => (
            <Col xs={12} sm={8} md={6} key={k}>
              <Form.Item name={['ip', k]} label={fieldLabel(`ip.${k}`, locale)}>
                <InputNumber style={{ width: '100%' }} min={0} precision={0} />
              </Form.Item>
            </Col>
          ))}
          {IP_COUNTS.map(number)}
          {choice(
            'ipObtainedBy',
            ['own', 'acquired'].map((v) => ({ value: v, label: obtainedLabel(v, locale) })),
          )}
        </Row>
        <Divider titlePlacement="start">{t('ind.group.other')}</Divider>
        <Row gutter={16}>
          {choice(
            'listing',
            LISTING_STATUSES.map((v) => ({ value: v, label: listingLabel(v, locale) })),
          )}
          {choice(
            'highTechField',
            HIGH_TECH_FIELDS.map((v) => ({ value: v, label: fieldOfTechLabel(v, locale) })),
          )}
          {OTHER.map(number)}
        </Row>
        <IndicatorListFields />
        {mode === 'correction' && (
          <Form.Item
            name="note"
            label={t('ind.note')}
            rules={[{ required: true, min: 2, message: t('ind.noteRequired') }]}
            style={{ marginTop: 16 }}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
      {problem && <Alert type="error" showIcon title={problem} data-testid="indicator-error" />}
    </Modal>
  );
}
