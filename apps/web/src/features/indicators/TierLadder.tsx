import {
  type LadderState,
  type TierId,
  type TierView,
  tierBandText,
  tierGapText,
  tierSizeText,
} from '@corridor/contracts';
import {
  Alert,
  Collapse,
  Empty,
  List,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { errorText } from '../../app/api';
import { PageLoading } from '../../app/status';
import { useLocale, useT } from '../../i18n';
import { useOrgTiers } from './api';
import { metricText } from './format';

/** An outgrown rung waits like a later one; its tags say 不适用（规模）. */
const STEP_STATUS: Record<LadderState, 'finish' | 'process' | 'wait'> = {
  reached: 'finish',
  next: 'process',
  outgrown: 'wait',
  later: 'wait',
};

/** The state of one tier as a tag; `named` prefixes the tier's name (two tiers on one rung). */
function TierStatus({ tier, named }: { tier: TierView; named?: string }) {
  const t = useT();
  const { locale } = useLocale();
  const label = (state: string) => (named ? t('tier.named', { tier: named, state }) : state);
  return (
    <Space size={4} wrap>
      {tier.eligible ? (
        <Tag color="green">
          {label(t(tier.via === 'direct' ? 'tier.eligibleDirect' : 'tier.eligible'))}
        </Tag>
      ) : tier.notApplicable ? (
        <Tooltip title={tier.size ? tierSizeText(tier.size, locale) : undefined}>
          <Tag data-testid={`not-applicable-${tier.tier}`}>
            {label(t('tier.notApplicableSize'))}
          </Tag>
        </Tooltip>
      ) : tier.withinReach ? (
        <Tag color="orange">{label(t('tier.withinReach'))}</Tag>
      ) : (
        <Tag>{label(t('tier.notYet'))}</Tag>
      )}
      {tier.certified && <Tag color="gold">{label(t('tier.certified'))}</Tag>}
    </Space>
  );
}

function TierDetail({ tier }: { tier: TierView }) {
  const t = useT();
  const { locale } = useLocale();
  // An outgrown tier shows why it does not apply, never conditions to meet.
  const outgrown = tier.notApplicable !== null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {tier.size && (
        <Alert
          type={outgrown ? 'warning' : 'info'}
          showIcon
          title={outgrown ? t('tier.notApplicableSize') : tierSizeText(tier.size, locale)}
          description={outgrown ? tierSizeText(tier.size, locale) : undefined}
          data-testid={`size-${tier.tier}`}
        />
      )}
      {tier.gaps.length > 0 && (
        <Alert
          type={tier.withinReach ? 'warning' : 'info'}
          showIcon
          title={t('tier.gaps')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`gaps-${tier.tier}`}>
              {tier.gaps.map((g) => (
                <li key={`${g.ruleId}-${g.indicator}`}>{tierGapText(g, locale)}</li>
              ))}
            </ul>
          }
        />
      )}
      {tier.indicators.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tier.indicators}
          columns={[
            { title: t('tier.indicator'), dataIndex: 'labelZh' },
            {
              title: t('tier.value'),
              render: (_, i) =>
                i.assessed ? t('tier.assessed') : metricText(i.metric, i.value, locale),
            },
            {
              title: t('tier.band'),
              render: (_, i) => (i.band ? tierBandText(i.band, locale) : '—'),
            },
            {
              title: t('tier.points'),
              render: (_, i) => `${i.points} / ${i.maxPoints}`,
              width: 100,
            },
          ]}
          summary={() =>
            tier.total === null ? null : (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  {t('tier.total')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{tier.total}</Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      )}
      {!outgrown && tier.failedRules.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('tier.failedRules')}</Typography.Text>}
          dataSource={tier.failedRules}
          renderItem={(r) => (
            <List.Item>
              {r.labelZh} {r.bypassed && <Tag color="blue">{t('tier.bypassed')}</Tag>}
            </List.Item>
          )}
        />
      )}
      {!outgrown && tier.directRoutes.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('tier.directRoutes')}</Typography.Text>}
          dataSource={tier.directRoutes}
          renderItem={(r) => (
            <List.Item>
              {r.applies ? <Tag color="green">✓</Tag> : <Tag>—</Tag>} {r.labelZh}
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

/** The ladder 科技型中小企业 → … → 独角兽: where the enterprise stands and what the next rung takes. */
export function TierLadder({
  orgId,
  year,
  years,
  onYear,
}: {
  orgId: number;
  year: number | undefined;
  years: number[];
  onYear: (year: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { data, isPending, isError, error } = useOrgTiers(orgId, year, years.length > 0);
  if (years.length === 0) return <Empty description={t('ind.noData')} />;
  if (isError) return <Alert type="error" showIcon title={errorText(error)} />;
  if (isPending) return <PageLoading />;

  const byId = new Map<TierId, TierView>(data.tiers.map((x) => [x.tier, x]));
  const name = (x: TierView) => (locale === 'en' ? x.nameEn : x.nameZh);
  // The server's ladder: the next target skips rungs reached and rungs the firm has outgrown.
  const next = data.ladder.findIndex((r) => r.state === 'next');
  const items = data.ladder.map((rung) => {
    const tiers = rung.tiers.map((id) => byId.get(id)).filter((x): x is TierView => !!x);
    const gaps =
      rung.state === 'next' ? tiers.flatMap((x) => x.gaps.map((g) => tierGapText(g, locale))) : [];
    return {
      key: rung.tiers.join('+'),
      title: tiers.map(name).join(' / '),
      status: STEP_STATUS[rung.state],
      description: (
        <Space orientation="vertical" size={2}>
          {tiers.map((x) => (
            <TierStatus key={x.tier} tier={x} named={tiers.length > 1 ? name(x) : undefined} />
          ))}
          {gaps.slice(0, 4).map((g) => (
            <Typography.Text key={g} type="secondary" style={{ fontSize: 12 }}>
              {g}
            </Typography.Text>
          ))}
        </Space>
      ),
    } as const;
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="tier-ladder">
      <Space>
        <Typography.Text>{t('ind.year')}</Typography.Text>
        <Select
          value={data.year}
          style={{ width: 120 }}
          options={data.availableYears.map((y) => ({ value: y, label: String(y) }))}
          onChange={onYear}
          data-testid="tier-year"
        />
        <Typography.Text type="secondary">{t('tier.hint')}</Typography.Text>
      </Space>
      <Steps
        items={items}
        current={next >= 0 ? next : items.length - 1}
        size="small"
        orientation="vertical"
      />
      <Collapse
        items={data.tiers.map((x) => ({
          key: x.tier,
          label: (
            <Space wrap>
              <Typography.Text strong>{name(x)}</Typography.Text>
              <TierStatus tier={x} />
              {x.total !== null && (
                <Typography.Text type="secondary">
                  {t('tier.score', { n: x.total })}
                </Typography.Text>
              )}
            </Space>
          ),
          children: <TierDetail tier={x} />,
        }))}
      />
    </Space>
  );
}
