/** Metric names as the gap and band texts show them, in Chinese (source) or English. */
import { type Locale, ruleText } from '../i18n';
import { METRICS } from './metrics';
import type { MetricRef } from './rule-types';
import type { ProfileFlag, RecognisedStatus } from './types';

type Label = { zh: string; en: string };

const FLAG_LABELS: Record<ProfileFlag, Label> = {
  resident: { zh: '在中国境内注册的居民企业', en: 'Resident enterprise registered in China' },
  restrictedCategory: {
    zh: '产品或服务属于禁止、限制或淘汰类',
    en: 'Products or services in a prohibited, restricted or phase-out category',
  },
  largeSoe: { zh: '属于大型国有企业', en: 'Large state-owned enterprise' },
  realEstate: { zh: '属于房地产企业', en: 'Real-estate enterprise' },
  resourceMonopoly: { zh: '属于资源垄断型企业', en: 'Resource-monopoly enterprise' },
  newEconomy: { zh: '属于新经济企业', en: 'New-economy enterprise' },
  leadProductStrategicEmerging: {
    zh: '主导产品属于《战略性新兴产业分类》',
    en: 'Lead product in the strategic emerging industries catalogue',
  },
  newProduct: { zh: '属于新产品', en: 'New product' },
};

const STATUS_LABELS: Record<RecognisedStatus, Label> = {
  nationalTechInnovationDemo: {
    zh: '国家级技术创新示范企业',
    en: 'National technology-innovation demonstration enterprise',
  },
  ipAdvantage: { zh: '知识产权优势企业', en: 'IP advantage enterprise' },
  ipDemonstration: { zh: '知识产权示范企业', en: 'IP demonstration enterprise' },
  innovativeSme: { zh: '创新型中小企业', en: 'Innovative SME' },
  specialisedSme: { zh: '专精特新中小企业', en: 'Specialised and sophisticated SME' },
  littleGiant: { zh: '专精特新"小巨人"企业', en: '"Little giant" enterprise' },
};

const pick = (l: Label, locale: Locale) => (locale === 'en' ? l.en : l.zh);

/** The metric's name, qualified by its parameters (window, investor, flag, status). */
export function metricLabel(ref: MetricRef, locale: Locale = 'zh-CN'): string {
  const p = ref.params ?? {};
  const flag = ref.id === 'flag' && p.flag ? FLAG_LABELS[p.flag] : undefined;
  if (flag) return pick(flag, locale);
  const status = ref.id === 'status' && p.status ? STATUS_LABELS[p.status] : undefined;
  if (status) return pick(status, locale);
  const def = METRICS[ref.id];
  let label = def ? pick(def.label, locale) : ref.id;
  if (p.qualifiedOnly) label = ruleText('tiers.subject.qualified', locale, { label });
  if (p.withinYears)
    label = ruleText('tiers.subject.withinYears', locale, { label, n: p.withinYears });
  return label;
}
