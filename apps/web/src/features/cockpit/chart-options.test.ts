/**
 * The cockpit's charts draw on canvas, so no DOM check sees an axis label. These tests build
 * every chart's ECharts option with the real messages in both languages and check that each
 * name a chart draws (axis categories, axis names, series, legend, map regions) is a human
 * label, never a code (issue 10 item 8: the field axis showed resourcesEnvironment …).
 */
import {
  CITIES,
  CITY_CODES,
  FIELD_CODES,
  FLOW_KINDS,
  fillTemplate,
  INDUSTRY_CODES,
  KPI_CODES,
  type Locale,
  ORG_TYPES,
  type PublicCockpit,
  TECH_FIELD_LABELS,
  TIER_IDS,
} from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { catalogues, type MessageKey } from '../../i18n/catalogue';
import { makeLabels } from '../../i18n/make-labels';
import {
  contractsByMonthOption,
  flowMatrixOption,
  industriesOption,
  orgsByCityOption,
  registrationsOption,
  tierLadderOption,
  topFieldsOption,
} from './chart-options';
import { makeCockpitFormat } from './cockpit-format';
import {
  CITY_ANCHORS,
  CORRIDOR_VIEW,
  corridorMapOption,
  MAP_LAYERS,
  mapDisplayNames,
} from './map-option';

const LOCALES: Locale[] = ['zh-CN', 'en'];

function formatIn(locale: Locale) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    fillTemplate(catalogues[locale][key] ?? key, params);
  return makeCockpitFormat(t, makeLabels(locale, t));
}

const CODES = new Set<string>([
  ...FIELD_CODES,
  ...TIER_IDS,
  ...ORG_TYPES,
  ...CITY_CODES,
  ...FLOW_KINDS,
  ...KPI_CODES,
  ...INDUSTRY_CODES,
]);
/** What a code looks like: camelCase, snake_case, a bare region code or a 'YYYY-MM' key. */
const CODE_SHAPE = /^([a-z]+([A-Z][a-z0-9]*)+|[a-z]+(_[a-z0-9]+)+|\d{6}|\d{4}-\d{2})$/;
const UNRESOLVED = /^cockpit\.|\{[a-z]+\}/; // a message key or a placeholder left unfilled

/** Every name a chart draws: strings under `name`, in `data` arrays and in `nameMap`. */
function drawnNames(option: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string | null) => {
    if (typeof v === 'string') {
      if (key === 'name' || key === 'data' || key === 'nameMap') out.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key === 'data' ? 'data' : null);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, key === 'nameMap' ? 'nameMap' : k);
    }
  };
  walk(option, null);
  return out;
}

function expectHumanLabels(option: unknown, what: string) {
  const names = drawnNames(option);
  expect(names.length, what).toBeGreaterThan(0);
  for (const n of names) {
    expect(CODES.has(n), `${what}: raw code ${n}`).toBe(false);
    expect(n, `${what}: code-shaped ${n}`).not.toMatch(CODE_SHAPE);
    expect(n, `${what}: unresolved ${n}`).not.toMatch(UNRESOLVED);
    expect(n.trim(), what).not.toBe('');
  }
}

const tally = (count: number) => ({ count, amountWan: count * 12.5 });
const YEAR = 2026;
const months = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);

/** A cockpit answer using every code the charts can meet: all fields, tiers, types, kinds. */
const DATA: PublicCockpit = {
  generatedAt: '2026-12-04T03:00:00.000Z',
  year: YEAR,
  totals: { orgs: 50 },
  cities: CITIES.map((c, i) => ({
    code: c.code,
    orgs: 10,
    byType: Object.fromEntries(ORG_TYPES.map((t, j) => [t, (i + j) % 3])),
    contractsOut: tally(i + 1),
    contractsIn: tally(5 - i),
  })),
  kpis: [],
  contracts: {
    available: true,
    total: tally(40),
    crossCity: tally(20),
    crossCityShare: 50,
    byMonth: months.map((month, i) => ({ month, ...tally(i) })),
    matrix: CITY_CODES.flatMap((from) => CITY_CODES.map((to) => ({ from, to, ...tally(2) }))),
    // Every field, and a flow recorded without one.
    topFields: [...FIELD_CODES, ''].map((field, i) => ({ field, ...tally(20 - i) })),
  },
  flows: FLOW_KINDS.map((kind) => ({ kind, from: '420100', to: '420700', ...tally(3) })),
  tiers: {
    status: 'full',
    rows: CITY_CODES.flatMap((city) =>
      TIER_IDS.map((tier, i) => ({ city, tier, certified: i, eligible: i + 10 })),
    ),
  },
};

const MAP_NAMES = new Map([
  ['420100', '武汉市'],
  ['420200', '黄石市'],
  ['420700', '鄂州市'],
  ['421100', '黄冈市'],
  ['421200', '咸宁市'],
  ['420900', '孝感市'],
]);

describe.each(LOCALES)('cockpit chart options in %s', (locale) => {
  const f = formatIn(locale);

  it('name every axis, series and legend entry with a human label', () => {
    expectHumanLabels(orgsByCityOption(DATA, f), 'orgs by city');
    expectHumanLabels(tierLadderOption(DATA, f, 'certified'), 'tiers');
    expectHumanLabels(tierLadderOption(DATA, f, 'eligible'), 'tiers (eligible)');
    expectHumanLabels(contractsByMonthOption(DATA, f), 'contracts by month');
    expectHumanLabels(flowMatrixOption(DATA, f), 'flow matrix');
    expectHumanLabels(topFieldsOption(DATA.contracts.topFields, f), 'top fields');
    expectHumanLabels(
      industriesOption(
        [...INDUSTRY_CODES, null].map((industry, i) => ({ industry, count: i + 1 })),
        f,
      ),
      'industries',
    );
    expectHumanLabels(
      registrationsOption(
        months.map((month) => ({ month, count: 1 })),
        f,
      ),
      'registrations',
    );
    const names = MAP_NAMES;
    const display = mapDisplayNames(names, f);
    expectHumanLabels(
      corridorMapOption({ names, display, data: DATA, selected: '420200', dark: true, f }),
      'map',
    );
  });

  it('names technology fields from the one label source (生物与新医药, not 生物医药)', () => {
    const option = topFieldsOption(DATA.contracts.topFields, f);
    const axis = option.yAxis.data;
    const lang = locale === 'en' ? 'en' : 'zh';
    // Largest on top: ECharts draws a category axis bottom-up, so the list is reversed.
    expect(axis).toEqual(
      [...FIELD_CODES.map((c) => TECH_FIELD_LABELS[c][lang]), f.t('cockpit.field.none')].reverse(),
    );
    if (locale === 'zh-CN') {
      expect(axis).toContain('生物与新医药');
      expect(axis).not.toContain('生物医药');
      expect(axis).toContain('未分类');
    }
  });

  it('counts certificates for everyone and eligibility only when asked (officials)', () => {
    const certified = tierLadderOption(DATA, f, 'certified');
    const eligible = tierLadderOption(DATA, f, 'eligible');
    expect(certified.series[0]!.data).toEqual(TIER_IDS.map((_, i) => i));
    expect(eligible.series[0]!.data).toEqual(TIER_IDS.map((_, i) => i + 10));
    expect(certified.yAxis.data).toEqual(
      TIER_IDS.map((tier) => catalogues[locale][`cockpit.tier.${tier}` as MessageKey]),
    );
  });

  it('draws the city names above the flow lines and frames the map on the corridor', () => {
    const display = mapDisplayNames(MAP_NAMES, f);
    const option = corridorMapOption({
      names: MAP_NAMES,
      display,
      data: DATA,
      selected: null,
      dark: false,
      f,
    });
    const lines = option.series.filter((s) => s.type === 'lines');
    const named = option.series.filter((s) => s.type === 'scatter');
    expect(lines).toHaveLength(FLOW_KINDS.length);
    expect(named).toHaveLength(1);
    const labels = named[0] as unknown as {
      zlevel: number;
      label: { show: boolean };
      data: { name: string }[];
    };
    expect(labels.label.show).toBe(true);
    for (const l of lines) expect(labels.zlevel).toBeGreaterThan(l.zlevel);
    expect(labels.zlevel).toBe(MAP_LAYERS.names);
    expect(Math.max(...option.series.map((s) => s.zlevel))).toBe(MAP_LAYERS.names);
    expect(labels.data.map((d) => d.name)).toEqual(CITIES.map((c) => f.labels.city(c.code)));
    // The five cities' regions carry no label of their own underneath (it would be covered).
    for (const r of option.geo.regions) {
      const code = display.toCode.get(r.name)!;
      if (CITY_CODES.includes(code as (typeof CITY_CODES)[number]))
        expect((r as { label?: { show: boolean } }).label?.show, code).toBe(false);
    }
    // Every city point lies inside the view, so the corridor fills the chart.
    const [[west, north], [east, south]] = CORRIDOR_VIEW;
    for (const [lon, lat] of Object.values(CITY_ANCHORS)) {
      expect(lon).toBeGreaterThan(west);
      expect(lon).toBeLessThan(east);
      expect(lat).toBeLessThan(north);
      expect(lat).toBeGreaterThan(south);
    }
    // Hovering a city names it and its figures in words.
    const tip = option.tooltip.formatter({ name: f.labels.city('420200') });
    expect(tip).toContain(f.t('cockpit.orgs'));
    expect(tip).not.toMatch(/420200/);
  });
});
