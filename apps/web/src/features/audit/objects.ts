/**
 * An event's action and object in words: the catalogue's labels (contracts/audit-catalogue.ts),
 * the object's name as the server found it, and the in-app page that shows the object.
 */
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  type AuditEvent,
  type AuditObjectLink,
  auditObjectLink,
  CONTRACT_MESSAGES,
  isAuditAction,
  isAuditObjectType,
  KPI_CODES,
  type Locale,
} from '@corridor/contracts';
import type { MessageKey } from '../../i18n';
import { parseDetail } from './detail';
import type { Words } from './values';

const pick = (l: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? l.en : l.zh);

export function actionText(code: string, w: Words): string {
  return isAuditAction(code)
    ? pick(AUDIT_ACTIONS[code], w.locale)
    : w.t('audit.unknownAction', { code });
}

export function objectTypeText(code: string, w: Words): string {
  return isAuditObjectType(code)
    ? pick(AUDIT_OBJECT_TYPES[code], w.locale)
    : w.t('audit.unknownObject');
}

/** The action filter's choices, grouped by module. */
export function actionOptions(locale: Locale) {
  return Object.entries(AUDIT_ACTION_GROUPS).map(([group, label]) => ({
    label: pick(label, locale),
    title: pick(label, locale),
    options: Object.entries(AUDIT_ACTIONS)
      .filter(([, a]) => a.group === group)
      .map(([value, a]) => ({ value, label: pick(a, locale) })),
  }));
}

export function objectTypeOptions(locale: Locale) {
  return Object.entries(AUDIT_OBJECT_TYPES).map(([value, o]) => ({
    value,
    label: pick(o, locale),
  }));
}

export interface ObjectWords {
  /** 机构, 技术合同 … */
  type: string;
  /** Its name, or its number when it has no name; '' for a whole kind (an export). */
  name: string;
  link: AuditObjectLink | null;
}

/** What the job is for, in words (its description), when the catalogue of jobs knows it. */
function jobText(name: string, locale: Locale): string | null {
  const texts = CONTRACT_MESSAGES.jobs?.texts?.messages as Record<
    string,
    { zh: string; en: string }
  >;
  const key = `jobs.${name}`;
  return texts && Object.hasOwn(texts, key) ? pick(texts[key]!, locale) : null;
}

export function describeObject(e: AuditEvent, w: Words): ObjectWords | null {
  if (!e.objectType) return null;
  const detail = parseDetail(e.detail);
  const type = objectTypeText(e.objectType, w);
  const link = auditObjectLink(e.objectType, e.objectId, detail);
  let name = e.objectName ?? '';
  if (e.objectType === 'indicator_year' && typeof detail.year === 'number')
    name = `${name}${name ? ' · ' : ''}${detail.year}`;
  else if (e.objectType === 'job' && e.objectId) name = jobText(e.objectId, w.locale) ?? e.objectId;
  else if (
    e.objectType === 'cockpit_kpi' &&
    typeof detail.code === 'string' &&
    (KPI_CODES as readonly string[]).includes(detail.code)
  )
    name = w.t(`cockpit.kpi.${detail.code}` as MessageKey);
  if (!name && e.objectId) name = w.t('audit.number', { id: e.objectId });
  return { type, name, link };
}
