/** 科技型中小企业 — 《科技型中小企业评价办法》国科发政〔2017〕115号 (reference §2). */
import type { TierRuleSet } from '../rule-types';
import { atLeast, cmp, flag, m } from './build';

/** §2 condition 4: the reporting year and the year before. */
const RECORD_2Y = m('violations', {
  withinYears: 2,
  violationKinds: [
    'majorSafetyAccident',
    'majorQualityAccident',
    'seriousEnvironmental',
    'researchMisconduct',
    'abnormalOperation',
    'seriousDishonesty',
  ],
});

/** Direct routes stand in for condition 5 only; conditions 1–4 must still hold (§2). */
const CONDITION_5 = ['score', 'scienceStaffScore'];

export const TECH_SME_2017: TierRuleSet = {
  id: 'techSme@2017',
  tier: 'techSme',
  version: '2017',
  nameZh: '科技型中小企业',
  nameEn: 'Technology-based SME',
  basis: '科技部 财政部 税务总局《科技型中小企业评价办法》（国科发政〔2017〕115号）',
  regionCode: null,
  ref: '§2',
  confidence: 'secondary',
  // §2 (2) sets the tier's own caps; a firm large under the 划型标准 that also breaks one of them
  // has outgrown the tier (not applicable), an SME over a cap still sees the gap (issue 10 item 2)
  smeOnly: {
    sizeStandard: 'smeSize@2011',
    ownLimits: ['staff', 'sales', 'assets'],
    ref: '§2 (2); 工信部联企业〔2011〕300号',
  },
  sections: [],
  indicators: [
    // §2 scoring table, 科技人员 share of staff (20); lower bounds inclusive ("(含)")
    {
      id: 'scienceStaff',
      labelZh: '科技人员指标',
      maxPoints: 20,
      ref: '§2 scoring table',
      tables: [
        {
          metric: m('scienceStaffShare'),
          bands: atLeast([
            [0.3, 20],
            [0.25, 16],
            [0.2, 12],
            [0.15, 8],
            [0.1, 4],
          ]),
        },
      ],
    },
    // §2 研发投入 (50): score ONE of (a) R&D / sales or (b) R&D / total costs — the better one
    {
      id: 'rd',
      labelZh: '研发投入指标',
      maxPoints: 50,
      ref: '§2 scoring table',
      tables: [
        {
          metric: m('rdToSales'),
          bands: atLeast([
            [0.06, 50],
            [0.05, 40],
            [0.04, 30],
            [0.03, 20],
            [0.02, 10],
          ]),
        },
        {
          metric: m('rdToCosts'),
          bands: atLeast([
            [0.3, 50],
            [0.25, 40],
            [0.2, 30],
            [0.15, 20],
            [0.1, 10],
          ]),
        },
      ],
    },
    // §2 科技成果 (30): valid IP related to the main products
    {
      id: 'ip',
      labelZh: '科技成果指标',
      maxPoints: 30,
      ref: '§2 scoring table',
      tables: [
        {
          metric: m('ipClassII'),
          bands: [
            { metric: m('ipClassI'), min: 1, points: 30 },
            { min: 4, points: 24 },
            { min: 3, points: 18 },
            { min: 2, points: 12 },
            { min: 1, points: 6 },
            { points: 0 },
          ],
        },
      ],
    },
  ],
  rules: [
    cmp('resident', '在中国境内（不含港澳台）注册的居民企业', flag('resident'), '==', 1, '§2 (1)'),
    cmp('staff', '职工总数不超过 500 人', m('staff'), '<=', 500, '§2 (2)'),
    cmp('sales', '年销售收入不超过 2 亿元', m('revenue'), '<=', 20000, '§2 (2)'),
    cmp('assets', '资产总额不超过 2 亿元', m('totalAssets'), '<=', 20000, '§2 (2)'),
    cmp(
      'category',
      '产品和服务不属于禁止、限制和淘汰类',
      flag('restrictedCategory'),
      '==',
      0,
      '§2 (3)',
    ),
    cmp(
      'record',
      '上年度及当年无重大事故、严重违法、失信或异常经营记录',
      RECORD_2Y,
      '==',
      0,
      '§2 (4)',
    ),
    // §2 (5): score ≥ 60 AND the 科技人员 score ≠ 0
    {
      kind: 'score',
      id: 'score',
      labelZh: '综合评价得分不低于 60 分',
      op: '>=',
      value: 60,
      ref: '§2 (5)',
    },
    {
      kind: 'points',
      id: 'scienceStaffScore',
      labelZh: '科技人员指标得分不得为 0 分',
      indicator: 'scienceStaff',
      op: '>',
      value: 0,
      ref: '§2 (5)',
    },
  ],
  // §2 "Direct qualification": if conditions 1–4 hold, any one qualifies even below 60
  directRoutes: [
    {
      id: 'highTechCert',
      labelZh: '拥有有效期内高新技术企业资格证书',
      rule: cmp('highTechCert', '有效高企证书', m('highTechCertValid'), '==', 1),
      replaces: CONDITION_5,
      ref: '§2 direct 1',
    },
    {
      id: 'nationalAward',
      labelZh: '近五年内获得过国家级科技奖励，并在获奖单位中排名前三',
      rule: cmp(
        'nationalAward',
        '近五年国家级科技奖励（前三名）',
        m('awards', {
          withinYears: 5,
          awardKinds: ['stAward'],
          awardLevels: ['national'],
          maxRank: 3,
        }),
        '>=',
        1,
      ),
      replaces: CONDITION_5,
      ref: '§2 direct 2',
    },
    {
      id: 'rdInstitution',
      labelZh: '拥有经认定的省部级以上研发机构',
      rule: cmp(
        'rdInstitution',
        '省部级以上研发机构',
        m('rdInstitutions', { institutionLevels: ['national', 'provincial'] }),
        '>=',
        1,
      ),
      replaces: CONDITION_5,
      ref: '§2 direct 3',
    },
    {
      id: 'standard',
      labelZh: '近五年内主导制定过国际标准、国家标准或行业标准',
      rule: cmp(
        'standard',
        '近五年主导制定的国际/国家/行业标准',
        m('standards', {
          withinYears: 5,
          standardLevels: ['international', 'national', 'industry'],
          leadOnly: true,
        }),
        '>=',
        1,
      ),
      replaces: CONDITION_5,
      ref: '§2 direct 4',
    },
  ],
  notes: [
    '2022 revision (国科发政〔2022〕67号) not covered by the reference.',
    'Staff count: part-time/temporary staff only if they worked ≥ 6 months in the year.',
  ],
};
