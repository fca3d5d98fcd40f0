/**
 * The contracts' catalogue: error messages (by error code), field-problem reasons (by reason
 * code) and the texts pure rules describe results with (by text code), merged from one file per
 * domain. A new domain adds its file and one line to CONTRACT_MESSAGES.
 */
import type { ErrorCode } from '../errors';
import { accountsErrors, accountsReasons } from './accounts';
import { auditErrors, auditReasons } from './audit';
import { authErrors, authReasons } from './auth';
import { cockpitErrors, cockpitReasons } from './cockpit';
import { commonErrors, commonReasons } from './common';
import { dealsErrors, dealsReasons } from './deals';
import { fillTemplate, inLocale, type Locale, type Message, type MessageSet } from './define';
import { indicatorsErrors, indicatorsReasons } from './indicators';
import { jobsErrors, jobsReasons, jobsTexts } from './jobs';
import { marketErrors, marketReasons } from './market';
import { matchingErrors, matchingReasons } from './matching';
import { negotiationsErrors, negotiationsReasons } from './negotiations';
import { notificationsErrors, notificationsTexts } from './notifications';
import { orgsErrors, orgsReasons } from './orgs';
import { parksErrors, parksReasons } from './parks';
import { rankingsErrors, rankingsReasons } from './rankings';
import { tiersTexts } from './tiers';

export * from './define';

interface DomainMessages {
  errors?: MessageSet<string>;
  reasons?: MessageSet<string>;
  texts?: MessageSet<string>;
}

/** Every domain's messages, by section (checked for prefixes and both languages by a test). */
export const CONTRACT_MESSAGES: Record<string, DomainMessages> = {
  common: { errors: commonErrors, reasons: commonReasons },
  auth: { errors: authErrors, reasons: authReasons },
  accounts: { errors: accountsErrors, reasons: accountsReasons },
  orgs: { errors: orgsErrors, reasons: orgsReasons },
  audit: { errors: auditErrors, reasons: auditReasons },
  cockpit: { errors: cockpitErrors, reasons: cockpitReasons },
  indicators: { errors: indicatorsErrors, reasons: indicatorsReasons },
  tiers: { texts: tiersTexts },
  rankings: { errors: rankingsErrors, reasons: rankingsReasons },
  market: { errors: marketErrors, reasons: marketReasons },
  deals: { errors: dealsErrors, reasons: dealsReasons },
  matching: { errors: matchingErrors, reasons: matchingReasons },
  negotiations: { errors: negotiationsErrors, reasons: negotiationsReasons },
  notifications: { errors: notificationsErrors, texts: notificationsTexts },
  jobs: { errors: jobsErrors, reasons: jobsReasons, texts: jobsTexts },
  parks: { errors: parksErrors, reasons: parksReasons },
};

// Every error code has a message: a code without one fails type checking here.
const errors = {
  ...commonErrors.messages,
  ...authErrors.messages,
  ...accountsErrors.messages,
  ...orgsErrors.messages,
  ...auditErrors.messages,
  ...cockpitErrors.messages,
  ...indicatorsErrors.messages,
  ...rankingsErrors.messages,
  ...marketErrors.messages,
  ...dealsErrors.messages,
  ...matchingErrors.messages,
  ...negotiationsErrors.messages,
  ...notificationsErrors.messages,
  ...jobsErrors.messages,
  ...parksErrors.messages,
} satisfies Record<ErrorCode, Message>;

const reasons = {
  ...commonReasons.messages,
  ...authReasons.messages,
  ...accountsReasons.messages,
  ...orgsReasons.messages,
  ...auditReasons.messages,
  ...cockpitReasons.messages,
  ...indicatorsReasons.messages,
  ...rankingsReasons.messages,
  ...marketReasons.messages,
  ...dealsReasons.messages,
  ...matchingReasons.messages,
  ...negotiationsReasons.messages,
  ...jobsReasons.messages,
  ...parksReasons.messages,
};

const texts = { ...tiersTexts.messages, ...notificationsTexts.messages, ...jobsTexts.messages };

/** A field problem's reason key, e.g. 'credit_code.check' or zod's 'too_long'. */
export type ReasonCode = keyof typeof reasons;
/** A key of the texts pure rules build their sentences from, e.g. 'tiers.gap.more'. */
export type TextCode = keyof typeof texts;

const byLocale = {
  'zh-CN': { errors: inLocale(errors, 'zh-CN'), reasons: inLocale(reasons, 'zh-CN') },
  en: { errors: inLocale(errors, 'en'), reasons: inLocale(reasons, 'en') },
};
const textsByLocale = { 'zh-CN': inLocale(texts, 'zh-CN'), en: inLocale(texts, 'en') };

/** Picks zh-CN unless the Accept-Language header prefers English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/** An error's message; a few name values of the case (e.g. when a window may close). */
export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params?: Record<string, string | number>,
): string {
  return fillTemplate(byLocale[locale].errors[code], params);
}

/** A field problem's reason in words; reason keys may carry {params}. */
export function reasonText(
  reason: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const table: Record<string, string> = byLocale[locale].reasons;
  return fillTemplate(table[reason] ?? reason, params);
}

/** One of the rules' texts in words, its {params} filled. */
export function ruleText(
  code: TextCode,
  locale: Locale,
  params?: Record<string, string | number>,
): string {
  return fillTemplate(textsByLocale[locale][code], params);
}
