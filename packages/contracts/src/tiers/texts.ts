/**
 * Gap sentences and band labels in the reader's language. The engine returns codes and
 * language-neutral values (result-types.ts); the web and, where it must write text itself, the
 * server render them here from the contracts' 'tiers' texts.
 */
import { type Locale, ruleText } from '../i18n';
import { boundText, formatValue, opPrefix } from './format';
import type { MetricUnit } from './metric-kinds';
import { metricLabel } from './metric-labels';
import type { TierBandLabel, TierGap, TierSubject } from './result-types';
import { sizeStandard } from './size';
import type { SizeMeasure, TierSizeCheck } from './size-types';

/** What a gap or band is about: '研发费用占销售收入', '总分', '知识产权得分'. */
export function subjectText(s: TierSubject, locale: Locale): string {
  switch (s.kind) {
    case 'metric':
      return metricLabel({ id: s.metric, params: s }, locale);
    case 'total':
      return ruleText('tiers.subject.total', locale);
    case 'section':
    case 'points':
      return ruleText(`tiers.subject.${s.kind}`, locale, {
        label: locale === 'en' ? s.label.en : s.label.zh,
      });
  }
}

/** The parts of a gap its sentence reads (all of TierGap as the API answers it). */
export type GapForText = Pick<
  TierGap,
  'current' | 'required' | 'op' | 'shortfall' | 'unit' | 'code' | 'values'
>;

/** '研发费用占销售收入 2.4% → 需 3.0%：还差 18.6 万元' / '… 2.4% → needs 3.0%: 18.6 万元 short'. */
export function tierGapText(gap: GapForText, locale: Locale): string {
  const { subject, valueUnit } = gap.values;
  const value = (v: number | null, unit: MetricUnit | '分') =>
    v === null ? '—' : formatValue(v, unit, locale);
  const shortfallUnit = gap.unit as MetricUnit | '分';
  return ruleText(`tiers.gap.${gap.code}`, locale, {
    subject: subjectText(subject, locale),
    current: value(gap.current, valueUnit),
    required: gap.required === null ? '—' : opPrefix(gap.op) + value(gap.required, valueUnit),
    shortfall:
      gap.shortfall === null
        ? '—'
        : gap.code === 'rankUp'
          ? String(gap.shortfall)
          : value(gap.shortfall, shortfallUnit),
  });
}

/** '≥ 30.0%', '其他', or 'Ⅰ类知识产权 ≥ 1 项' when the band tests its own metric. */
export function tierBandText(band: TierBandLabel, locale: Locale): string {
  const bound = boundText(band, band.unit, locale);
  if (!band.subject) return bound;
  return ruleText('tiers.band.ofMetric', locale, {
    subject: subjectText(band.subject, locale),
    bound,
  });
}

const SIZE_UNIT: Record<SizeMeasure, MetricUnit> = {
  staff: '人',
  revenue: '万元',
  totalAssets: '万元',
};

/**
 * The size check of an SME-only tier in words: '按《中小企业划型标准规定》（…）（工业）：从业人员
 * 1419 人 ≥ 1000 人 且 营业收入 135302.2 万元 ≥ 40000 万元，属大型企业，…'.
 */
export function tierSizeText(check: TierSizeCheck, locale: Locale): string {
  const standard = sizeStandard(check.standardId);
  const name = locale === 'en' ? standard.nameEn : standard.nameZh;
  if (!check.sizeClass) return ruleText('tiers.size.unknownClass', locale, { standard: name });
  const def = standard.classes[check.sizeClass];
  const params = { standard: name, class: locale === 'en' ? def.labelEn : def.labelZh };
  if (check.sme === false) {
    const figures = (Object.entries(check.largeFrom) as [SizeMeasure, number][]).map(([m, bound]) =>
      ruleText('tiers.size.figure', locale, {
        measure: ruleText(`tiers.size.measure.${m}`, locale),
        value: formatValue(check.values[m] ?? 0, SIZE_UNIT[m], locale),
        bound: formatValue(bound, SIZE_UNIT[m], locale),
      }),
    );
    const joined = figures.reduce((a, b) => ruleText('tiers.band.and', locale, { a, b }));
    return ruleText('tiers.size.large', locale, { ...params, figures: joined });
  }
  if (!check.size) return ruleText('tiers.size.unknown', locale, params);
  const size = ruleText(`tiers.size.level.${check.size}`, locale);
  return ruleText('tiers.size.sme', locale, { ...params, size });
}
