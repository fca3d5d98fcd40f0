import { CORRIDOR_PLAN, type KpiView } from '@corridor/contracts';
import { Card, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import type { MessageKey } from '../../i18n';
import { useCockpitFormat } from './format';

/** The figure a card leads with: an official entry first, else a comparable platform figure. */
function headline(k: KpiView) {
  if (k.official) return { value: k.official.value, from: 'official' as const };
  if (k.platform?.comparable) return { value: k.platform.value, from: 'platform' as const };
  return null;
}

function KpiCard({ k, compact }: { k: KpiView; compact: boolean }) {
  const f = useCockpitFormat();
  const main = headline(k);
  const op = k.target?.op === 'eq' ? '=' : '>';
  const progress =
    main && k.target && k.target.value > 0
      ? Math.min(100, (main.value / k.target.value) * 100)
      : null;
  return (
    <Card
      size="small"
      data-testid={`kpi-${k.code}`}
      styles={{ body: { padding: compact ? 10 : 12 } }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {f.kpi(k.code)}
      </Typography.Text>
      <div style={{ fontSize: compact ? 24 : 26, fontWeight: 600, lineHeight: 1.3 }}>
        {main ? f.value(k.unit, main.value) : '—'}
      </div>
      <Space size={4} wrap style={{ minHeight: 22 }}>
        {main?.from === 'official' && k.official && (
          <Tooltip title={`${f.t('cockpit.source')}: ${k.official.source}`}>
            <Tag color="gold" data-testid={`kpi-${k.code}-official`}>
              {f.t('cockpit.enteredByOfficials', { date: k.official.asOf })}
            </Tag>
          </Tooltip>
        )}
        {main?.from === 'platform' && <Tag color="blue">{f.t('cockpit.computedByPlatform')}</Tag>}
        {!main && (
          <Tag>
            {k.code === 'tech_contract_turnover' || k.code === 'cross_city_contract_share'
              ? f.t('cockpit.noData')
              : f.t('cockpit.awaitingEntry')}
          </Tag>
        )}
      </Space>
      {k.target && (
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.t('cockpit.target', {
              year: k.target.year,
              op,
              value: f.value(k.unit, k.target.value),
            })}
          </Typography.Text>
          {progress !== null && (
            <Progress percent={Math.round(progress * 10) / 10} size="small" showInfo={!compact} />
          )}
        </div>
      )}
      {k.platform && !k.platform.comparable && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {f.t(`cockpit.basis.${k.platform.basis}` as MessageKey, {
            value: f.value(k.unit, k.platform.value),
          })}
        </Typography.Paragraph>
      )}
      {k.platform?.comparable && main?.from === 'official' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {f.t('cockpit.platformAlso', { value: f.value(k.unit, k.platform.value) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The corridor's KPIs against the 2025 targets of the provincial action plan. */
export function KpiCards({ kpis, compact = false }: { kpis: KpiView[]; compact?: boolean }) {
  const f = useCockpitFormat();
  return (
    <div>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: compact
            ? 'repeat(2, minmax(0, 1fr))'
            : 'repeat(auto-fit, minmax(210px, 1fr))',
          gap: compact ? 8 : 12,
        }}
      >
        {kpis.map((k) => (
          <KpiCard key={k.code} k={k} compact={compact} />
        ))}
      </div>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, marginTop: 6, marginBottom: 0 }}
      >
        {f.t('cockpit.targetsBasis', {
          plan: f.labels.locale === 'en' ? CORRIDOR_PLAN.titleEn : CORRIDOR_PLAN.titleZh,
          date: CORRIDOR_PLAN.issuedOn,
        })}
      </Typography.Paragraph>
    </div>
  );
}
