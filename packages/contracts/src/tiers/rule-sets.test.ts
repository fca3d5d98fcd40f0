import { describe, expect, it } from 'vitest';
import { evaluateTier } from './evaluate';
import { METRICS } from './metrics';
import { DEFAULT_RULE_SETS, GAZELLE_VARIANTS } from './rule-sets';
import type { MetricRef, TierRule, TierRuleSet } from './rule-types';
import { firm } from './test-fixtures';
import { tierGapText } from './texts';

const ALL: TierRuleSet[] = [
  ...Object.values(DEFAULT_RULE_SETS),
  ...Object.values(GAZELLE_VARIANTS),
];

function metricsOf(rule: TierRule): MetricRef[] {
  switch (rule.kind) {
    case 'compare':
      return [rule.metric];
    case 'all':
    case 'any':
      return rule.rules.flatMap(metricsOf);
    case 'case':
      return [rule.by, ...rule.cases.flatMap((c) => metricsOf(c.rule))];
    default:
      return [];
  }
}

describe.each(ALL.map((r) => [r.id, r] as const))('rule-set %s', (_, rs) => {
  it('is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(rs))).toEqual(rs);
  });

  it('refers only to known metrics, indicators, sections and rules', () => {
    const refs = [
      ...rs.indicators.flatMap((i) =>
        (i.tables ?? []).flatMap((t) => [
          t.metric,
          ...t.bands.flatMap((b) => (b.metric ? [b.metric] : [])),
        ]),
      ),
      ...rs.rules.flatMap(metricsOf),
      ...rs.directRoutes.flatMap((d) => metricsOf(d.rule)),
    ];
    for (const ref of refs) expect(METRICS, ref.id).toHaveProperty(ref.id);
    const ruleIds = rs.rules.map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const d of rs.directRoutes) for (const id of d.replaces) expect(ruleIds).toContain(id);
    const sections = rs.sections.map((s) => s.id);
    for (const i of rs.indicators) if (i.section) expect(sections).toContain(i.section);
    for (const r of rs.rules) {
      if (r.kind === 'points') expect(rs.indicators.map((i) => i.id)).toContain(r.indicator);
      if (r.kind === 'score' && r.section) expect(sections).toContain(r.section);
    }
  });
});

describe('scoring tables add up to 100', () => {
  it.each(['techSme', 'innovativeSme'] as const)('%s: indicator maxima', (tier) => {
    const sum = DEFAULT_RULE_SETS[tier].indicators.reduce((n, i) => n + i.maxPoints, 0);
    expect(sum).toBe(100);
  });
  it('highTech: section caps', () => {
    expect(DEFAULT_RULE_SETS.highTech.sections.reduce((n, s) => n + (s.cap ?? 0), 0)).toBe(100);
  });
  it('each default rule-set sits under its own tier', () => {
    for (const [tier, rs] of Object.entries(DEFAULT_RULE_SETS)) expect(rs.tier).toBe(tier);
  });
});

describe('an analyst-written rule-set (data only)', () => {
  const custom: TierRuleSet = {
    id: 'gazelle@test',
    tier: 'gazelle',
    version: 'test',
    nameZh: '测试瞪羚',
    nameEn: 'Test gazelle',
    basis: 'test',
    regionCode: '421200',
    ref: '§5',
    confidence: 'unverified',
    sections: [],
    indicators: [],
    directRoutes: [],
    rules: [
      {
        kind: 'case',
        id: 'byValuation',
        labelZh: '按估值分档',
        by: { id: 'valuation' },
        cases: [
          {
            min: 10000,
            rule: {
              kind: 'compare',
              id: 'staff',
              labelZh: '职工',
              metric: { id: 'staff' },
              op: '>=',
              value: 50,
            },
          },
        ],
      },
    ],
  };

  it('runs without code changes, and names a missing figure that picks the band', () => {
    expect(evaluateTier(custom, firm({ valuation: 20000, staff: 50 })).eligible).toBe(true);
    const r = evaluateTier(custom, firm({ staff: 50 }));
    expect(r.eligible).toBe(false);
    expect(r.rules[0]).toMatchObject({ passed: false, missing: true });
    expect(r.gaps).toEqual([
      expect.objectContaining({
        indicator: 'valuation',
        required: null,
        code: 'bandUnknown',
        values: { subject: { kind: 'metric', metric: 'valuation' }, valueUnit: '万元' },
      }),
    ]);
    expect(tierGapText(r.gaps[0]!, 'zh-CN')).toBe('企业估值：缺少数据（无法确定适用档次）');
    expect(tierGapText(r.gaps[0]!, 'en')).toBe(
      'Valuation: no data (the applicable band cannot be told)',
    );
  });
});
