/**
 * One value of an audit event's detail in words: statuses, cities, roles, types and fields by
 * their labels, amounts in 万元, times as YYYY-MM-DD HH:mm:ss, digests of personal data as
 * "masked". Pure (no React), so the renderer is unit-tested.
 */
import {
  ACHIEVEMENT_STATUSES,
  AUDIT_OBJECT_TYPES,
  CORRECTION_STATUSES,
  DEAL_STATUSES,
  DEAL_TYPES,
  DECLINE_REASONS,
  DEMAND_STATUSES,
  EDITION_STATUSES,
  INDUSTRIES,
  INTRODUCTION_STATUSES,
  isAuditObjectType,
  KPI_CODES,
  METHOD_STATUSES,
  NEGOTIATION_SIDES,
  NEGOTIATION_STATUSES,
  NORMALISATIONS,
  ORG_TYPE_LABELS,
  ROLES,
  STAGES,
  TRANSFER_MODES,
} from '@corridor/contracts';
import { formatDateTime } from '../../app/format';
import type { Locale, MessageKey, TFunction } from '../../i18n';
import {
  certificateLabel,
  fieldOfTechLabel,
  fieldLabel as indicatorLabel,
  sourceLabel,
} from '../indicators/format';
import { issuedPlace } from '../orgs/issuedPlace';

export interface Words {
  locale: Locale;
  t: TFunction;
}

const has = (list: readonly string[], v: string) => list.includes(v);

/** Punctuation of a list of facts in the reader's language. */
export function marks(locale: Locale) {
  return locale === 'en'
    ? { colon: ': ', semicolon: '; ', comma: ', ' }
    : { colon: '：', semicolon: '；', comma: '、' };
}
const pickLabel = (l: { zh: string; en: string }, locale: Locale) =>
  locale === 'en' ? l.en : l.zh;

/** A status code in the words of the object's own workflow (as its pages name it). */
export function statusText(objectType: string | null, code: string, t: TFunction): string {
  switch (objectType) {
    case 'deal':
      return has(DEAL_STATUSES, code) ? t(`deals.status.${code}` as MessageKey) : code;
    case 'market_achievement':
    case 'market_demand':
      return has([...ACHIEVEMENT_STATUSES, ...DEMAND_STATUSES], code)
        ? t(`market.status.${code}` as MessageKey)
        : code;
    case 'ranking_edition':
      return has(EDITION_STATUSES, code) ? t(`ranking.status.${code}` as MessageKey) : code;
    case 'ranking_method':
      return has(METHOD_STATUSES, code) ? t(`ranking.methodStatus.${code}` as MessageKey) : code;
    case 'ranking_correction':
      return has(CORRECTION_STATUSES, code) ? t(`ranking.correction.${code}` as MessageKey) : code;
    case 'negotiation':
      return has(NEGOTIATION_STATUSES, code) ? t(`neg.status.${code}` as MessageKey) : code;
    case 'matching_introduction':
      return has(INTRODUCTION_STATUSES, code) ? t(`matching.status.${code}` as MessageKey) : code;
    default:
      return code;
  }
}

/** Codes a `reason` may hold (else it is the person's own words). */
function reasonText(code: string, t: TFunction): string {
  if (has(DECLINE_REASONS, code)) return t(`matching.decline.${code}` as MessageKey);
  const own: Record<string, MessageKey> = {
    password: 'audit.reason.password',
    otp: 'audit.reason.otp',
    locked: 'audit.reason.locked',
    disabled: 'audit.reason.disabled',
    unknown_user: 'audit.reason.unknown_user',
    deadline_passed: 'audit.reason.deadline_passed',
  };
  return own[code] ? t(own[code]) : code;
}

const AMOUNT = /Wan$/;
const DIGESTS = new Set(['sm3', 'fileSm3', 'canonicalSm3', 'frozenInputsSm3', 'publicKey']);
const CITIES = new Set(['city', 'regionCode', 'registrationRegion']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A code of a known vocabulary for this key, in words; null when the key has none. */
function codeText(objectType: string | null, key: string, v: string, w: Words): string | null {
  const { locale, t } = w;
  if (key === 'status' || key === 'from' || key === 'to') return statusText(objectType, v, t);
  if (CITIES.has(key)) return issuedPlace(v, locale, t);
  if (key === 'creditCodeIssuedIn') return issuedPlace(v, locale, t);
  if (key === 'roles') return has(ROLES, v) ? t(`role.${v}` as MessageKey) : v;
  if (key === 'industry') {
    const found = INDUSTRIES.find((i) => i.code === v);
    return found ? pickLabel(found, locale) : v;
  }
  if (key === 'field')
    return objectType === 'ranking_correction'
      ? indicatorLabel(v, locale)
      : fieldOfTechLabel(v, locale);
  if (key === 'fields') return indicatorLabel(v, locale);
  if (key === 'type' || key === 'offerType') {
    if (objectType === 'org' && v in ORG_TYPE_LABELS)
      return pickLabel(ORG_TYPE_LABELS[v as keyof typeof ORG_TYPE_LABELS], locale);
    if (has(DEAL_TYPES, v)) return t(`deals.type.${v}` as MessageKey);
    return v;
  }
  if (key === 'kind' && objectType === 'certificate') return certificateLabel(v, locale);
  if (key === 'source' && objectType === 'indicator_year') return sourceLabel(v, locale);
  if (key === 'code' && objectType === 'cockpit_kpi')
    return has(KPI_CODES, v) ? t(`cockpit.kpi.${v}` as MessageKey) : v;
  if (key === 'normalisation')
    return has(NORMALISATIONS, v) ? t(`ranking.normalisation.${v}` as MessageKey) : v;
  if (key === 'side') return has(NEGOTIATION_SIDES, v) ? t(`neg.side.${v}` as MessageKey) : v;
  if (key === 'stage') {
    const found = STAGES.find((s) => s.code === v);
    return found ? pickLabel(found, locale) : v;
  }
  if (key === 'transferModes') {
    const found = TRANSFER_MODES.find((m) => m.code === v);
    return found ? pickLabel(found, locale) : v;
  }
  if (key === 'decision')
    return v === 'approve' ? t('audit.decision.approve') : t('audit.decision.return');
  if (key === 'reason') return reasonText(v, t);
  if (key === 'via') return v === 'import' ? t('audit.via.import') : v;
  if (key === 'linkedType')
    return isAuditObjectType(v) ? pickLabel(AUDIT_OBJECT_TYPES[v], locale) : v;
  return null;
}

/**
 * `value` of detail key `key` in an event about `objectType`, as one line of words. Nested
 * values (a filter, an offer) list their own keys by `label`.
 */
export function valueText(
  objectType: string | null,
  key: string,
  value: unknown,
  w: Words,
  label: (key: string) => string,
): string {
  const { t } = w;
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'number') {
    if (AMOUNT.test(key)) return t('audit.wan', { n: value });
    if (key === 'sizeBytes') return bytes(value);
    return String(value);
  }
  if (typeof value === 'string') {
    if (value.startsWith('hmac-sm3:')) return t('audit.masked');
    if (DIGESTS.has(key)) return value.length > 16 ? `${value.slice(0, 16)}…` : value;
    // A list of the fields a change touched (older events, method drafts): their names.
    if (key === 'changed') return label(value);
    const coded = codeText(objectType, key, value, w);
    if (coded !== null) return coded;
    if (TIMESTAMP.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('audit.none');
    if (value.every((v) => typeof v !== 'object' || v === null))
      return value.map((v) => valueText(objectType, key, v, w, label)).join(marks(w.locale).comma);
    return t('audit.items', { n: value.length });
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(
    ([, v]) => v !== undefined,
  );
  if (entries.length === 0) return t('audit.none');
  const m = marks(w.locale);
  return entries
    .map(([k, v]) => `${label(k)}${m.colon}${valueText(objectType, k, v, w, label)}`)
    .join(m.semicolon);
}
