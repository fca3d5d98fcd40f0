import { type Locale, reasonText } from '@corridor/contracts';
import type { FormInstance, FormRule as Rule } from 'antd';
import { ApiError } from './api';

/** The part of a zod issue the form needs (kept structural: the web app does not import zod). */
interface SchemaIssue {
  code: string;
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}
interface FieldSchema {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: SchemaIssue[] } };
}

/** The reason for a schema issue in words, from the contracts' reason catalogue. */
export function issueText(issue: SchemaIssue, locale: Locale): string {
  const own = reasonText(issue.message, locale);
  if (own !== issue.message) return own;
  if (issue.code === 'too_big')
    return reasonText('too_long', locale, { max: Number(issue.maximum) });
  if (issue.code === 'too_small')
    return reasonText('too_short', locale, { min: Number(issue.minimum) });
  return reasonText(issue.code, locale);
}

/**
 * An antd rule that runs a field's contract schema (the same one the server runs), so limits and
 * character rules come from @corridor/contracts. Empty values are left to `required`.
 */
export function schemaRule(schema: FieldSchema, locale: Locale): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (result.success) return;
      const issue = result.error.issues[0];
      throw new Error(issue ? issueText(issue, locale) : reasonText('invalid_format', locale));
    },
  };
}

/**
 * Puts the server's per-field problems under the matching form fields.
 * Returns true when at least one problem found its field.
 */
export function applyServerErrors(
  form: FormInstance,
  error: unknown,
  fields: readonly string[],
  extra: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  for (const d of error.details) {
    if (!fields.includes(d.field)) continue;
    byField.set(d.field, [...(byField.get(d.field) ?? []), d.reason || d.code]);
  }
  const codeField = extra[error.code];
  if (codeField && fields.includes(codeField) && !byField.has(codeField)) {
    byField.set(codeField, [error.message]);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return true;
}

/** Select search by the visible label (keyboard users and browser tests can type a city name). */
export const searchByLabel = { optionFilterProp: 'label' };
