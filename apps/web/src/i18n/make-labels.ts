/** The labels of contract enums, pure (pages use useLabels in labels.ts). */
import {
  AUDIT_OUTCOMES,
  CITIES,
  cityName,
  INDUSTRIES,
  ORG_TYPE_LABELS,
  ORG_TYPES,
  ROLES,
  type Role,
  SCOPE_CODES,
  TECH_FIELDS,
  techFieldLabel,
} from '@corridor/contracts';
import type { Locale, MessageKey, TFunction } from './index';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface Labels {
  locale: Locale;
  role: (role: string) => string;
  city: (code: string | null | undefined) => string;
  orgType: (type: string) => string;
  industry: (code: string | null | undefined) => string;
  /** A technology field (contracts' tech-fields.ts, the one source of their names). */
  field: (code: string | null | undefined) => string;
  outcome: (outcome: string) => string;
  cityOptions: { value: string; label: string }[];
  scopeOptions: { value: string; label: string }[];
  orgTypeOptions: { value: string; label: string }[];
  industryOptions: { value: string; label: string }[];
  fieldOptions: { value: string; label: string }[];
  roleOptions: { value: string; label: string }[];
  outcomeOptions: { value: string; label: string }[];
}

/**
 * Labels of contract enums (roles, cities, org types, industries, fields) in one language.
 * Pure (no React), so unit tests can build them; pages use `useLabels()` (labels.ts).
 */
export function makeLabels(locale: Locale, t: TFunction): Labels {
  const zh = locale === 'zh-CN';
  const role = (r: string) => (isRole(r) ? t(`role.${r}` as MessageKey) : r);
  const city = (code: string | null | undefined) => (code ? cityName(code, locale) : '—');
  const orgType = (type: string) => {
    const label = ORG_TYPE_LABELS[type as keyof typeof ORG_TYPE_LABELS];
    return label ? (zh ? label.zh : label.en) : type;
  };
  const industry = (code: string | null | undefined) => {
    if (!code) return '—';
    const found = INDUSTRIES.find((i) => i.code === code);
    return found ? (zh ? found.zh : found.en) : code;
  };
  const field = (code: string | null | undefined) =>
    code ? (techFieldLabel(code, locale) ?? code) : '—';
  const outcome = (o: string) =>
    (AUDIT_OUTCOMES as readonly string[]).includes(o) ? t(`audit.outcome.${o}` as MessageKey) : o;
  return {
    locale,
    role,
    city,
    orgType,
    industry,
    field,
    outcome,
    cityOptions: CITIES.map((c) => ({ value: c.code, label: zh ? c.zh : c.en })),
    scopeOptions: SCOPE_CODES.map((code) => ({ value: code, label: cityName(code, locale) })),
    orgTypeOptions: ORG_TYPES.map((ty) => ({ value: ty, label: orgType(ty) })),
    industryOptions: INDUSTRIES.map((i) => ({ value: i.code, label: zh ? i.zh : i.en })),
    fieldOptions: TECH_FIELDS.map((f) => ({ value: f.code, label: zh ? f.zh : f.en })),
    roleOptions: ROLES.map((r) => ({ value: r, label: role(r) })),
    outcomeOptions: AUDIT_OUTCOMES.map((o) => ({ value: o, label: outcome(o) })),
  };
}
