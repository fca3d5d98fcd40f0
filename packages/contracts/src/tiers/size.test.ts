import { describe, expect, it } from 'vitest';
import { evaluateAllTiers, evaluateTier } from './evaluate';
import { DEFAULT_RULE_SETS, SIZE_STANDARDS, SME_SIZE_2011 } from './rule-sets';
import { classifySize, sizeCheck } from './size';
import { SIZE_CLASS_IDS, type SizeBounds, type SizeClassId, type SizeMeasure } from './size-types';
import { firm } from './test-fixtures';
import { tierSizeText } from './texts';
import type { EnterpriseYear } from './types';

/**
 * 工信部联企业〔2011〕300号 第四条, written out again from the rule's text (not read from the data),
 * so a mistyped figure in sme-size.ts fails here: [large, medium, small] lower bounds.
 */
const CLAUSES: Record<SizeClassId, [SizeBounds, SizeBounds, SizeBounds]> = {
  agriculture: [{ revenue: 20000 }, { revenue: 500 }, { revenue: 50 }],
  industrial: [
    { staff: 1000, revenue: 40000 },
    { staff: 300, revenue: 2000 },
    { staff: 20, revenue: 300 },
  ],
  construction: [
    { revenue: 80000, totalAssets: 80000 },
    { revenue: 6000, totalAssets: 5000 },
    { revenue: 300, totalAssets: 300 },
  ],
  wholesale: [
    { staff: 200, revenue: 40000 },
    { staff: 20, revenue: 5000 },
    { staff: 5, revenue: 1000 },
  ],
  retail: [
    { staff: 300, revenue: 20000 },
    { staff: 50, revenue: 500 },
    { staff: 10, revenue: 100 },
  ],
  transport: [
    { staff: 1000, revenue: 30000 },
    { staff: 300, revenue: 3000 },
    { staff: 20, revenue: 200 },
  ],
  warehousing: [
    { staff: 200, revenue: 30000 },
    { staff: 100, revenue: 1000 },
    { staff: 20, revenue: 100 },
  ],
  postal: [
    { staff: 1000, revenue: 30000 },
    { staff: 300, revenue: 2000 },
    { staff: 20, revenue: 100 },
  ],
  accommodation: [
    { staff: 300, revenue: 10000 },
    { staff: 100, revenue: 2000 },
    { staff: 10, revenue: 100 },
  ],
  catering: [
    { staff: 300, revenue: 10000 },
    { staff: 100, revenue: 2000 },
    { staff: 10, revenue: 100 },
  ],
  infoTransmission: [
    { staff: 2000, revenue: 100000 },
    { staff: 100, revenue: 1000 },
    { staff: 10, revenue: 100 },
  ],
  software: [
    { staff: 300, revenue: 10000 },
    { staff: 100, revenue: 1000 },
    { staff: 10, revenue: 50 },
  ],
  realEstate: [
    { revenue: 200000, totalAssets: 10000 },
    { revenue: 1000, totalAssets: 5000 },
    { revenue: 100, totalAssets: 2000 },
  ],
  propertyManagement: [
    { staff: 1000, revenue: 5000 },
    { staff: 300, revenue: 1000 },
    { staff: 100, revenue: 500 },
  ],
  leasingBusiness: [
    { staff: 300, totalAssets: 120000 },
    { staff: 100, totalAssets: 8000 },
    { staff: 10, totalAssets: 100 },
  ],
  other: [{ staff: 300 }, { staff: 100 }, { staff: 10 }],
};

/** One step below a bound: a person fewer, or 0.1 万元 less. */
const below = (measure: SizeMeasure, v: number) => (measure === 'staff' ? v - 1 : v - 0.1);
const classify = (c: SizeClassId, values: SizeBounds) => classifySize(SME_SIZE_2011, c, values);

describe('中小企业划型 (工信部联企业〔2011〕300号) per industry class, exactly at the bounds', () => {
  it('has every class of 第四条, with the figures of the rule', () => {
    expect(Object.keys(SME_SIZE_2011.classes).sort()).toEqual([...SIZE_CLASS_IDS].sort());
    for (const id of SIZE_CLASS_IDS) {
      const def = SME_SIZE_2011.classes[id];
      expect([def.large, def.medium, def.small], id).toEqual(CLAUSES[id]);
    }
  });

  describe.each(SIZE_CLASS_IDS.map((id) => [id] as const))('%s', (id) => {
    const [large, medium, small] = CLAUSES[id];
    const measures = Object.keys(large) as SizeMeasure[];

    it('exactly at every lower bound of large: large, not an SME', () => {
      expect(classify(id, large)).toEqual({ size: 'large', sme: false });
    });

    it.each(measures.map((m) => [m] as const))('one step below large on %s: an SME', (m) => {
      const values = { ...large, [m]: below(m, large[m]!) };
      expect(classify(id, values)).toEqual({ size: 'medium', sme: true });
    });

    it('exactly at medium: medium; one step below on any measure: small', () => {
      expect(classify(id, medium)).toEqual({ size: 'medium', sme: true });
      for (const m of measures)
        expect(classify(id, { ...medium, [m]: below(m, medium[m]!) }), m).toEqual({
          size: 'small',
          sme: true,
        });
    });

    it('exactly at small: small; one step below on any measure: micro', () => {
      expect(classify(id, small)).toEqual({ size: 'small', sme: true });
      for (const m of measures)
        expect(classify(id, { ...small, [m]: below(m, small[m]!) }), m).toEqual({
          size: 'micro',
          sme: true,
        });
    });
  });

  it('a figure missing: undecided unless a known one already rules out large', () => {
    expect(classify('industrial', { revenue: 50000 })).toEqual({ size: null, sme: null });
    expect(classify('industrial', { revenue: 30000 })).toEqual({ size: null, sme: true });
    expect(classify('industrial', { staff: 1000, revenue: 39999.9 })).toEqual({
      size: 'medium',
      sme: true,
    });
  });

  it('maps every corridor industry to a class of the standard', () => {
    for (const [industry, c] of Object.entries(SME_SIZE_2011.industryClasses))
      expect(SIZE_CLASS_IDS, industry).toContain(c);
  });

  it('is plain JSON data, named by the SME-only rule-sets', () => {
    expect(JSON.parse(JSON.stringify(SME_SIZE_2011))).toEqual(SME_SIZE_2011);
    const smeOnly = Object.values(DEFAULT_RULE_SETS).filter((r) => r.smeOnly);
    expect(smeOnly.map((r) => r.tier).sort()).toEqual(
      ['innovativeSme', 'littleGiant', 'specialisedSme', 'techSme'].sort(),
    );
    for (const rs of smeOnly) {
      expect(SIZE_STANDARDS).toHaveProperty(rs.smeOnly!.sizeStandard);
      for (const id of rs.smeOnly!.ownLimits ?? []) expect(rs.rules.map((r) => r.id)).toContain(id);
    }
  });
});

/** Org 32 of the demo: a 生物医药 manufacturer with 1,419 staff and 135,302 万元 revenue. */
const LARGE: Partial<EnterpriseYear> = {
  industry: 'biomedicine',
  staff: 1419,
  scienceStaff: 400,
  revenue: 135302,
  rdSpend: 8000,
  totalAssets: 249838,
  highTechCertYear: 2023,
  yearsInNiche: 8,
  assessments: { 'specialisedSme.evaluation': 80 },
};
const SME_TIERS = ['techSme', 'innovativeSme', 'specialisedSme', 'littleGiant'] as const;

describe('tiers for 中小企业 and a large enterprise', () => {
  it('a large enterprise is not applicable (size) for every SME tier: not eligible, no gaps', () => {
    const results = evaluateAllTiers(firm(LARGE));
    for (const tier of SME_TIERS) {
      expect(results[tier], tier).toMatchObject({
        notApplicable: 'size',
        eligible: false,
        via: null,
        gaps: [],
        size: { standardId: 'smeSize@2011', sizeClass: 'industrial', size: 'large', sme: false },
      });
    }
    // the same firm without its size would meet 创新型 (高企 route) and 专精特新
    const unsized = evaluateAllTiers(firm({ ...LARGE, industry: undefined }));
    expect(unsized.innovativeSme).toMatchObject({ eligible: true, notApplicable: null });
    expect(unsized.specialisedSme).toMatchObject({ eligible: true, notApplicable: null });
    expect(unsized.techSme.gaps.map((g) => g.indicator)).toContain('staff');
    // tiers open to any size are evaluated as before
    for (const tier of ['highTech', 'gazelle', 'unicorn', 'singleChampion'] as const) {
      expect(results[tier], tier).toMatchObject({ notApplicable: null, size: null });
      expect(results[tier]).toEqual({ ...unsized[tier] });
    }
  });

  it('an SME gets exactly the results it got before the size test', () => {
    for (const over of [
      { staff: 999, revenue: 135302 },
      { staff: 1419, revenue: 39999 },
      { staff: 400, revenue: 60000, totalAssets: 80000 },
      { staff: 100, scienceStaff: 30, revenue: 1000, rdSpend: 50 },
    ]) {
      const sized = evaluateAllTiers(firm({ ...LARGE, ...over }));
      const unsized = evaluateAllTiers(firm({ ...LARGE, ...over, industry: undefined }));
      for (const tier of SME_TIERS) {
        expect(sized[tier].size?.sme, `${tier} ${JSON.stringify(over)}`).toBe(true);
        const { size: _s, ...rest } = sized[tier];
        const { size: _u, ...before } = unsized[tier];
        expect(rest).toEqual(before);
      }
    }
  });

  it('exactly at the 工业 bounds (1000 staff, 40000 万元) the firm is large', () => {
    const at = evaluateTier(
      DEFAULT_RULE_SETS.specialisedSme,
      firm({ ...LARGE, staff: 1000, revenue: 40000 }),
    );
    expect(at).toMatchObject({ notApplicable: 'size', size: { size: 'large' } });
  });

  it('科技型中小企业 keeps its own caps: a large software firm within them is still evaluated', () => {
    // 软件和信息技术服务业: 300 staff and 10000 万元 make it large, yet §2 (2) allows 500 / 2亿
    const within = firm({
      industry: 'digital',
      staff: 400,
      scienceStaff: 150,
      revenue: 12000,
      rdSpend: 900,
      totalAssets: 15000,
    });
    const r = evaluateTier(DEFAULT_RULE_SETS.techSme, within);
    expect(r.size).toMatchObject({ sizeClass: 'software', sme: false });
    expect(r).toMatchObject({ notApplicable: null, eligible: true });
    // over a cap as well: outgrown
    const over = evaluateTier(DEFAULT_RULE_SETS.techSme, { ...within, staff: 501 });
    expect(over).toMatchObject({ notApplicable: 'size', gaps: [] });
    // the MIIT tiers follow the standard alone
    expect(evaluateTier(DEFAULT_RULE_SETS.innovativeSme, within).notApplicable).toBe('size');
  });

  it('an industry not recorded leaves the size undecided and the tier evaluated', () => {
    const r = evaluateTier(
      DEFAULT_RULE_SETS.innovativeSme,
      firm({ ...LARGE, industry: undefined }),
    );
    expect(r.size).toEqual({
      standardId: 'smeSize@2011',
      sizeClass: null,
      size: null,
      sme: null,
      values: {},
      largeFrom: {},
    });
    expect(r.notApplicable).toBeNull();
  });

  it('a recorded size class overrides the corridor industry', () => {
    // 大健康 read as 工业 by default; a health-service firm recorded as 其他未列明行业 is large at 300
    const service = firm({ industry: 'health', sizeClass: 'other', staff: 300, revenue: 5000 });
    expect(sizeCheck(DEFAULT_RULE_SETS.innovativeSme, service)).toMatchObject({
      sizeClass: 'other',
      sme: false,
    });
    expect(
      sizeCheck(DEFAULT_RULE_SETS.innovativeSme, { ...service, sizeClass: undefined }),
    ).toMatchObject({
      sizeClass: 'industrial',
      size: 'medium',
      sme: true,
    });
  });
});

describe('the size check in words', () => {
  it('says why a large firm is out, in Chinese and in English without Chinese', () => {
    const check = evaluateAllTiers(firm(LARGE)).innovativeSme.size!;
    expect(tierSizeText(check, 'zh-CN')).toBe(
      '按《中小企业划型标准规定》（工信部联企业〔2011〕300号）（工业）：从业人员 1419 人 ≥ 1000 人 且 营业收入 135302 万元 ≥ 40000 万元，属大型企业，不属于中小企业，本梯度不适用',
    );
    const en = tierSizeText(check, 'en');
    expect(en).toBe(
      'Under the SME size classification rules (MIIT et al., 2011 No. 300) (Industry): employees 1419 people ≥ 1000 people and revenue 135302 万元 ≥ 40000 万元, a large enterprise, not an SME; this tier does not apply',
    );
    expect(en.replaceAll('万元', '')).not.toMatch(/\p{Script=Han}/u);
  });

  it('names the size of an SME, and says when it cannot be told', () => {
    const sme = sizeCheck(
      DEFAULT_RULE_SETS.specialisedSme,
      firm({ industry: 'digital', staff: 120, revenue: 3000 }),
    )!;
    expect(tierSizeText(sme, 'zh-CN')).toBe(
      '按《中小企业划型标准规定》（工信部联企业〔2011〕300号）（软件和信息技术服务业）属中型企业',
    );
    expect(tierSizeText(sme, 'en')).toBe(
      'A medium-sized enterprise under the SME size classification rules (MIIT et al., 2011 No. 300) (Software and IT services)',
    );
    const unknown = sizeCheck(DEFAULT_RULE_SETS.specialisedSme, firm())!;
    expect(tierSizeText(unknown, 'zh-CN')).toBe(
      '未登记所属产业，未按《中小企业划型标准规定》（工信部联企业〔2011〕300号）划型',
    );
    expect(tierSizeText(unknown, 'en')).not.toMatch(/\p{Script=Han}/u);
  });
});
