import { FIELD_CODES, type FieldCode } from '@corridor/contracts';
import { Alert, Card, Select, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '../../app/api';
import { useLocale, useT } from '../../i18n';
import { useMarketLabels } from '../market/labels';
import { FlowsMatrix, flowTotals } from './FlowsMatrix';
import { useDealFlows } from './flows.api';

/** Years offered: this one and the nine before (contracts are counted by signing year). */
export function recentYears(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 10 }, (_, i) => now - i);
}

/** Officials: the 5×5 matrix of registered contracts by year and technology field. */
export default function DealsFlowsPage() {
  const t = useT();
  const { locale } = useLocale();
  const m = useMarketLabels();
  // Year and field live in the URL: a view an official can bookmark or send on.
  const [params, setParams] = useSearchParams();
  const years = recentYears();
  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : years[0]!;
  const fieldParam = params.get('field');
  const field = (FIELD_CODES as readonly string[]).includes(fieldParam ?? '')
    ? (fieldParam as FieldCode)
    : undefined;
  const flows = useDealFlows(year, field);
  const set = (key: string, value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value === undefined) next.delete(key);
      else next.set(key, value);
      return next;
    });
  const totals = flows.data ? flowTotals(flows.data) : null;
  const wan = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 2 });
  const share =
    totals && totals.grand.amountWan > 0
      ? `${((100 * totals.cross.amountWan) / totals.grand.amountWan).toFixed(1)}%`
      : '—';

  return (
    <Card
      title={t('flows.title')}
      extra={
        <Space wrap>
          <Select
            data-testid="flows-year"
            style={{ width: 120 }}
            value={year}
            options={years.map((y) => ({ value: y, label: t('flows.yearValue', { year: y }) }))}
            onChange={(y: number) => set('year', String(y))}
            aria-label={t('flows.year')}
          />
          <Select
            data-testid="flows-field"
            allowClear
            style={{ width: 220 }}
            placeholder={t('flows.allFields')}
            value={field}
            options={m.fieldOptions}
            onChange={(f?: string) => set('field', f)}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('flows.intro')}</Typography.Paragraph>
      {flows.isError && (
        <Alert type="error" showIcon title={errorText(flows.error)} style={{ marginBottom: 12 }} />
      )}
      {totals && (
        <Typography.Paragraph data-testid="flows-summary">
          {t('flows.summary', {
            year,
            count: totals.grand.count,
            amount: wan(totals.grand.amountWan),
            cross: totals.cross.count,
            share,
          })}
        </Typography.Paragraph>
      )}
      <FlowsMatrix data={flows.data} loading={flows.isFetching} />
    </Card>
  );
}
