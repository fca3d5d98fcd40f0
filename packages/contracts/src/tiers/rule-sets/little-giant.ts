/** 专精特新"小巨人" (reference §4.3). Thresholds from [secondary] and [unverified] sources. */
import type { TierRuleSet } from '../rule-types';
import { all, cmp, m } from './build';

/** §4.3 "Innovation direct-qualification" stands in for the innovation thresholds. */
const INNOVATION = ['innovationRd', 'rdInstitution', 'ipInUse'];

export const LITTLE_GIANT_2022: TierRuleSet = {
  id: 'littleGiant@2022',
  tier: 'littleGiant',
  version: '2022',
  nameZh: '专精特新"小巨人"企业',
  nameEn: 'Little giant',
  basis: '工业和信息化部 专精特新"小巨人"企业认定标准',
  regionCode: null,
  ref: '§4.3',
  confidence: 'unverified',
  // §1: the MIIT ladder's tiers are for 中小企业, sized by the 划型标准 (sme-size.ts)
  smeOnly: { sizeStandard: 'smeSize@2011', ref: '§1 MIIT ladder; 工信部联企业〔2011〕300号' },
  sections: [],
  indicators: [],
  rules: [
    // §4.3 innovation thresholds by revenue band (lower bounds inclusive)
    {
      kind: 'case',
      id: 'innovationRd',
      labelZh: '研发投入达标（按营业收入分档）',
      by: m('revenue'),
      ref: '§4.3 innovation thresholds',
      cases: [
        {
          min: 10000,
          rule: cmp(
            'rd1',
            '营业收入 1 亿元以上：近 2 年研发费用占比均不低于 3%',
            m('rdToSalesMin2y'),
            '>=',
            0.03,
          ),
        },
        {
          min: 5000,
          rule: cmp(
            'rd2',
            '营业收入 5000 万–1 亿元：研发费用占比不低于 6%',
            m('rdToRevenue'),
            '>=',
            0.06,
          ),
        },
        {
          rule: all('rd3', '营业收入 5000 万元以下：融资、研发投入与研发人员均达标', [
            cmp(
              'equity',
              '近 2 年新增股权融资不低于 8000 万元',
              m('equityRaised', { withinYears: 2 }),
              '>=',
              8000,
            ),
            cmp('rdAmount', '研发费用不低于 3000 万元', m('rdSpend'), '>=', 3000),
            cmp('rdStaff', '研发人员占职工总数不低于 50%', m('rdStaffShare'), '>=', 0.5),
          ]),
        },
      ],
    },
    cmp('rdInstitution', '建立研发机构', m('rdInstitutions'), '>=', 1, '§4.3'),
    cmp('ipInUse', '拥有 2 项以上实现产业化应用的Ⅰ类知识产权', m('ipClassIInUse'), '>=', 2, '§4.3'),
    // §4.3 specialisation thresholds [unverified]
    cmp('niche', '从事特定细分市场 3 年以上', m('yearsInNiche'), '>=', 3, '§4.3 [unverified]'),
    cmp(
      'mainShare',
      '主营业务收入占营业收入比重不低于 70%',
      m('mainRevenueShare'),
      '>=',
      0.7,
      '§4.3 [unverified]',
    ),
    cmp(
      'mainGrowth',
      '近 2 年主营业务收入平均增长率不低于 5%',
      m('mainRevenueGrowth2yAvg'),
      '>=',
      0.05,
      '§4.3 [unverified]',
    ),
  ],
  directRoutes: [
    {
      id: 'award',
      labelZh: '近三年获得国家级科技奖励并在获奖单位中排名前三',
      rule: cmp(
        'award',
        '近三年国家级科技奖励（前三名）',
        m('awards', {
          withinYears: 3,
          awardKinds: ['stAward'],
          awardLevels: ['national'],
          maxRank: 3,
        }),
        '>=',
        1,
      ),
      replaces: INNOVATION,
      ref: '§4.3 innovation direct-qualification',
    },
    {
      id: 'chuangkeChina',
      labelZh: '近三年进入"创客中国"全国 50 强',
      rule: cmp(
        'chuangkeChina',
        '"创客中国"全国 50 强',
        m('awards', {
          withinYears: 3,
          awardKinds: ['chuangkeChina'],
          awardLevels: ['national'],
          maxRank: 50,
        }),
        '>=',
        1,
      ),
      replaces: INNOVATION,
      ref: '§4.3 innovation direct-qualification',
    },
  ],
  notes: ['The 6-aspect assessment (专、精、特、新、产业链配套、主导产品所属领域) is not encoded.'],
};
