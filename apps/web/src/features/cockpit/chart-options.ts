import {
  CITIES,
  type CityDetail,
  ORG_TYPES,
  type PublicCockpit,
  TIER_IDS,
} from '@corridor/contracts';
import type { CockpitFormat } from './cockpit-format';

/**
 * The ECharts options of the cockpit's charts, built by pure functions of the figures and the
 * formatter. Charts draw on canvas, so no DOM check sees an axis label: chart-options.test.ts
 * checks these objects instead (every axis, series and legend name is a human label).
 */

/** What the tier chart counts: certificates (public) or computed eligibility (officials). */
export type TierMeasure = 'certified' | 'eligible';

/** Organisations per city, stacked by type (from the registry's aggregates). */
export function orgsByCityOption(data: PublicCockpit, f: CockpitFormat) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 12, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: data.cities.map((c) => f.labels.city(c.code)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: ORG_TYPES.map((ty) => ({
      name: f.labels.orgType(ty),
      type: 'bar',
      stack: 'orgs',
      data: data.cities.map((c) => c.byType[ty] ?? 0),
    })),
  };
}

/** Enterprises per tier, stacked by city: a ladder from 科技型中小企业 up. */
export function tierLadderOption(data: PublicCockpit, f: CockpitFormat, measure: TierMeasure) {
  const count = (city: string, tier: string) => {
    const row = data.tiers.rows.find((r) => r.city === city && r.tier === tier);
    return (measure === 'eligible' ? row?.eligible : row?.certified) ?? 0;
  };
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 120, right: 12, top: 30, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: TIER_IDS.map((tier) => f.tier(tier)) },
    series: CITIES.map((c) => ({
      name: f.labels.city(c.code),
      type: 'bar',
      stack: 'tiers',
      data: TIER_IDS.map((tier) => count(c.code, tier)),
    })),
  };
}

/** Technology-contract turnover (bars) and count (line) by month of the year. */
export function contractsByMonthOption(data: PublicCockpit, f: CockpitFormat) {
  const months = data.contracts.byMonth;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 60, right: 48, top: 30, bottom: 24 },
    xAxis: { type: 'category', data: months.map((m) => f.month(m.month)) },
    yAxis: [
      { type: 'value', name: f.t('cockpit.unit.wanShort') },
      { type: 'value', name: f.t('cockpit.unit.countShort'), minInterval: 1 },
    ],
    series: [
      { name: f.t('cockpit.turnover'), type: 'bar', data: months.map((m) => m.amountWan) },
      {
        name: f.t('cockpit.contracts'),
        type: 'line',
        yAxisIndex: 1,
        data: months.map((m) => m.count),
      },
    ],
  };
}

/** The 5×5 flow matrix: technology out of the row city into the column city. */
export function flowMatrixOption(data: PublicCockpit, f: CockpitFormat) {
  const names = CITIES.map((c) => f.labels.city(c.code));
  const idx = new Map(CITIES.map((c, i) => [c.code as string, i]));
  const cells = data.contracts.matrix.map((m) => [idx.get(m.to)!, idx.get(m.from)!, m.amountWan]);
  return {
    tooltip: {
      formatter: (p: { value: number[] }) =>
        `${names[p.value[1]!]} → ${names[p.value[0]!]}: ${f.wan(p.value[2] ?? 0)}`,
    },
    grid: { left: 56, right: 12, top: 12, bottom: 56 },
    xAxis: {
      type: 'category',
      data: names,
      name: f.t('cockpit.buyer'),
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'category', data: names, name: f.t('cockpit.seller') },
    visualMap: {
      min: 0,
      max: Math.max(1, ...cells.map((c) => c[2]!)),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 80,
      show: false,
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: { show: true, formatter: (p: { value: number[] }) => f.num(p.value[2] ?? 0, 1) },
      },
    ],
  };
}

/** The technology fields with the largest turnover, largest on top, named by their labels. */
export function topFieldsOption(
  topFields: PublicCockpit['contracts']['topFields'],
  f: CockpitFormat,
) {
  const top = [...topFields].reverse();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 130, right: 24, top: 8, bottom: 24 },
    // Narrow panels: drop tick labels that would overlap rather than print them on each other.
    xAxis: {
      type: 'value',
      name: f.t('cockpit.unit.wanShort'),
      splitNumber: 3,
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'category', data: top.map((x) => f.field(x.field)) },
    series: [{ type: 'bar', name: f.t('cockpit.turnover'), data: top.map((x) => x.amountWan) }],
  };
}

/** A city's organisations by industry (leaders' detail), largest on top. */
export function industriesOption(byIndustry: CityDetail['byIndustry'], f: CockpitFormat) {
  const rows = [...byIndustry].reverse();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 130, right: 16, top: 8, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((x) => f.labels.industry(x.industry)) },
    series: [{ type: 'bar', name: f.t('cockpit.orgs'), data: rows.map((x) => x.count) }],
  };
}

/** Organisations registered on the platform per month (leaders' detail). */
export function registrationsOption(registrations: CityDetail['registrations'], f: CockpitFormat) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: registrations.map((r) => f.month(r.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        areaStyle: {},
        name: f.t('cockpit.registrations'),
        data: registrations.map((r) => r.count),
      },
    ],
  };
}
