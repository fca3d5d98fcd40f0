import { describe, expect, it } from 'vitest';
import { certificateValidIn, isSmallGap, isWithinReach, ladderOf } from './tier-views';
import { evaluateTier } from './tiers/evaluate';
import type { TierGap } from './tiers/result-types';
import { TECH_SME_2017 } from './tiers/rule-sets';
import { firm } from './tiers/test-fixtures';

const gap = (over: Partial<TierGap>): TierGap => ({
  ruleId: 'r',
  indicator: 'x',
  current: 0,
  required: 1,
  op: '>=',
  shortfall: 1,
  unit: '万元',
  code: 'more',
  values: { subject: { kind: 'metric', metric: 'x' }, valueUnit: '万元' },
  ...over,
});

describe('within reach', () => {
  it('small gaps: a few points, or a figure within 20 % of its bound', () => {
    expect(isSmallGap(gap({ unit: '分', current: 52, required: 60, shortfall: 8 }))).toBe(true);
    expect(isSmallGap(gap({ unit: '分', current: 40, required: 60, shortfall: 20 }))).toBe(false);
    expect(isSmallGap(gap({ current: 0.025, required: 0.03 }))).toBe(true);
    expect(isSmallGap(gap({ current: 0.02, required: 0.03 }))).toBe(false);
    expect(isSmallGap(gap({ op: '<=', current: 590, required: 500 }))).toBe(true);
    expect(isSmallGap(gap({ op: '<=', current: 700, required: 500 }))).toBe(false);
  });

  it('missing data and yes/no conditions are never small', () => {
    expect(isSmallGap(gap({ current: null }))).toBe(false);
    expect(isSmallGap(gap({ unit: 'bool', current: 0, required: 1, op: '==' }))).toBe(false);
    expect(isSmallGap(gap({ op: '==', current: 1, required: 0 }))).toBe(false);
  });

  it('at most two small gaps; eligible is not "within reach"', () => {
    expect(isWithinReach({ eligible: true, gaps: [] })).toBe(false);
    const small = gap({ current: 0.029, required: 0.03 });
    expect(isWithinReach({ eligible: false, gaps: [small] })).toBe(true);
    expect(isWithinReach({ eligible: false, gaps: [small, small] })).toBe(true);
    expect(isWithinReach({ eligible: false, gaps: [small, small, small] })).toBe(false);
    expect(isWithinReach({ eligible: false, gaps: [small, gap({ current: null })] })).toBe(false);
  });

  it('on a real evaluation: 54 points for 科技型中小企业 is within reach, 30 is not', () => {
    const close = firm({
      rdSpend: 135,
      scienceStaff: 20,
      ip: { utilityModel: 2 },
    });
    const r = evaluateTier(TECH_SME_2017, close);
    expect(r.total).toBe(54);
    expect(isWithinReach(r)).toBe(true);
    const far = evaluateTier(TECH_SME_2017, firm({ rdSpend: 70, scienceStaff: 12 }));
    expect(far.eligible).toBe(false);
    expect(isWithinReach(far)).toBe(false);
  });
});

describe('certificate validity in a year', () => {
  it('counts a certificate valid on any day of the year', () => {
    const c = { issuedOn: '2022-11-20', expiresOn: '2025-11-19' };
    expect(certificateValidIn(c, 2021)).toBe(false);
    expect(certificateValidIn(c, 2022)).toBe(true);
    expect(certificateValidIn(c, 2025)).toBe(true);
    expect(certificateValidIn(c, 2026)).toBe(false);
    expect(certificateValidIn({ issuedOn: '2020-01-01', expiresOn: null }, 2030)).toBe(true);
  });
});

describe('the ladder of one enterprise', () => {
  type Row = Parameters<typeof ladderOf>[0][number];
  const row = (tier: Row['tier'], over: Partial<Row> = {}): Row => ({
    tier,
    eligible: false,
    certified: false,
    notApplicable: null,
    ...over,
  });
  const states = (rows: Row[]) => ladderOf(rows).map((r) => `${r.tiers.join('+')}:${r.state}`);

  it('the next target is the lowest rung not reached', () => {
    expect(states([row('techSme'), row('highTech', { eligible: true })])).toEqual([
      'techSme:next',
      'highTech:reached',
      'innovativeSme+specialisedSme:later',
      'littleGiant:later',
      'gazelle:later',
      'potentialUnicorn+unicorn:later',
    ]);
  });

  it('skips the rungs a large firm has outgrown: never a target', () => {
    const outgrown = { notApplicable: 'size' as const };
    const rows = [
      row('techSme', outgrown),
      row('highTech', { certified: true }),
      row('innovativeSme', outgrown),
      row('specialisedSme', outgrown),
      row('littleGiant', outgrown),
      row('gazelle'),
    ];
    expect(states(rows)).toEqual([
      'techSme:outgrown',
      'highTech:reached',
      'innovativeSme+specialisedSme:outgrown',
      'littleGiant:outgrown',
      'gazelle:next',
      'potentialUnicorn+unicorn:later',
    ]);
    // a certificate still held counts as reached, even for an outgrown tier
    expect(ladderOf([row('techSme', { ...outgrown, certified: true })])[0]!.state).toBe('reached');
  });
});
