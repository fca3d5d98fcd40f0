/**
 * Tier ladders: the sentences the pure rules describe a gap or a band with. The rules return a
 * code and language-neutral values; `tierGapText` / `tierBandText` render them from these.
 */
import { defineMessages } from './define';

export const tiersTexts = defineMessages(['tiers'], {
  // what a gap sentence says, by TierGap.code
  'tiers.gap.missing': {
    zh: '{subject}：缺少数据（需 {required}）',
    en: '{subject}: no data (needs {required})',
  },
  'tiers.gap.state': {
    zh: '{subject} {current} → 需 {required}',
    en: '{subject} {current} → needs {required}',
  },
  'tiers.gap.ageLimit': {
    zh: '{subject} {current} → 需 {required}：已超过年限上限，无法通过补足达到',
    en: '{subject} {current} → needs {required}: past the age limit, which no effort can make up',
  },
  'tiers.gap.more': {
    zh: '{subject} {current} → 需 {required}：还差 {shortfall}',
    en: '{subject} {current} → needs {required}: {shortfall} short',
  },
  'tiers.gap.less': {
    zh: '{subject} {current} → 需 {required}：需减少 {shortfall}',
    en: '{subject} {current} → needs {required}: reduce by {shortfall}',
  },
  'tiers.gap.rankUp': {
    zh: '{subject} {current} → 需 {required}：需提升 {shortfall} 名',
    en: '{subject} {current} → needs {required}: {shortfall} places up',
  },
  'tiers.gap.bandUnknown': {
    zh: '{subject}：缺少数据（无法确定适用档次）',
    en: '{subject}: no data (the applicable band cannot be told)',
  },
  // what a gap or band is about
  'tiers.subject.total': { zh: '总分', en: 'Total score' },
  'tiers.subject.section': { zh: '{label}得分', en: '{label} score' },
  'tiers.subject.points': { zh: '{label}得分', en: '{label} points' },
  'tiers.subject.withinYears': { zh: '近{n}年{label}', en: '{label} (last {n} years)' },
  'tiers.subject.qualified': { zh: '合格投资者{label}', en: '{label} from qualified investors' },
  // values in their units (ratios are written n.n% in both languages)
  'tiers.value.yes': { zh: '是', en: 'yes' },
  'tiers.value.no': { zh: '否', en: 'no' },
  'tiers.value.rank': { zh: '第 {n} 名', en: 'rank {n}' },
  'tiers.unit.wan': { zh: '{n} 万元', en: '{n} 万元' },
  // English states USD in millions (n is then the value / 100)
  'tiers.unit.wanUsd': { zh: '{n} 万美元', en: 'USD {n} million' },
  'tiers.unit.people': { zh: '{n} 人', en: '{n} people' },
  'tiers.unit.people.one': { zh: '{n} 人', en: '{n} person' },
  'tiers.unit.items': { zh: '{n} 项', en: '{n} items' },
  'tiers.unit.items.one': { zh: '{n} 项', en: '{n} item' },
  'tiers.unit.times': { zh: '{n} 次', en: '{n} times' },
  'tiers.unit.times.one': { zh: '{n} 次', en: '{n} time' },
  'tiers.unit.years': { zh: '{n} 年', en: '{n} years' },
  'tiers.unit.years.one': { zh: '{n} 年', en: '{n} year' },
  'tiers.unit.points': { zh: '{n} 分', en: '{n} points' },
  'tiers.unit.points.one': { zh: '{n} 分', en: '{n} point' },
  // band labels: '≥ 30.0%', '≥ 1 项 且 < 5 项', '其他'
  'tiers.band.and': { zh: '{a} 且 {b}', en: '{a} and {b}' },
  'tiers.band.other': { zh: '其他', en: 'other' },
  'tiers.band.ofMetric': { zh: '{subject} {bound}', en: '{subject} {bound}' },
  // the size check of the tiers for 中小企业 (工信部联企业〔2011〕300号 and later revisions)
  'tiers.size.large': {
    zh: '按{standard}（{class}）：{figures}，属大型企业，不属于中小企业，本梯度不适用',
    en: 'Under {standard} ({class}): {figures}, a large enterprise, not an SME; this tier does not apply',
  },
  'tiers.size.sme': {
    zh: '按{standard}（{class}）属{size}企业',
    en: 'A {size} enterprise under {standard} ({class})',
  },
  'tiers.size.unknownClass': {
    zh: '未登记所属产业，未按{standard}划型',
    en: 'Industry not recorded: not sized under {standard}',
  },
  'tiers.size.unknown': {
    zh: '按{standard}（{class}）划型所需数据不全',
    en: 'Figures missing for sizing under {standard} ({class})',
  },
  'tiers.size.figure': { zh: '{measure} {value} ≥ {bound}', en: '{measure} {value} ≥ {bound}' },
  'tiers.size.measure.staff': { zh: '从业人员', en: 'employees' },
  'tiers.size.measure.revenue': { zh: '营业收入', en: 'revenue' },
  'tiers.size.measure.totalAssets': { zh: '资产总额', en: 'total assets' },
  'tiers.size.level.large': { zh: '大型', en: 'large' },
  'tiers.size.level.medium': { zh: '中型', en: 'medium-sized' },
  'tiers.size.level.small': { zh: '小型', en: 'small' },
  'tiers.size.level.micro': { zh: '微型', en: 'micro' },
});
