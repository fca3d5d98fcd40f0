/**
 * The web's messages, merged at start from one file per domain (features/<domain>/messages.ts,
 * app/messages.ts for the shell). A new module adds its messages file and one line here;
 * catalogue.test.ts checks prefixes, both languages and that every key the code uses exists.
 */
import { inLocale, type Locale } from '@corridor/contracts';
import { appMessages } from '../app/messages';
import { accountsMessages } from '../features/accounts/messages';
import { auditMessages } from '../features/audit/messages';
import { authMessages } from '../features/auth/messages';
import { cockpitMessages } from '../features/cockpit/messages';
import { dealsMessages } from '../features/deals/messages';
import { filesMessages } from '../features/files/messages';
import { homeMessages } from '../features/home/messages';
import { indicatorsMessages } from '../features/indicators/messages';
import { jobsMessages } from '../features/jobs/messages';
import { marketMessages } from '../features/market/messages';
import { matchingMessages } from '../features/matching/messages';
import { negotiationsMessages } from '../features/negotiations/messages';
import { notificationsMessages } from '../features/notifications/messages';
import { orgsMessages } from '../features/orgs/messages';
import { parksMessages } from '../features/parks/messages';
import { rankingsMessages } from '../features/rankings/messages';
import { workbenchMessages } from '../features/workbench/messages';

/** Every domain's messages with the key prefixes it owns. */
export const WEB_MESSAGES = {
  app: appMessages,
  auth: authMessages,
  accounts: accountsMessages,
  audit: auditMessages,
  jobs: jobsMessages,
  orgs: orgsMessages,
  home: homeMessages,
  cockpit: cockpitMessages,
  indicators: indicatorsMessages,
  rankings: rankingsMessages,
  market: marketMessages,
  deals: dealsMessages,
  matching: matchingMessages,
  negotiations: negotiationsMessages,
  files: filesMessages,
  parks: parksMessages,
  notifications: notificationsMessages,
  workbench: workbenchMessages,
};

const messages = {
  ...appMessages.messages,
  ...authMessages.messages,
  ...workbenchMessages.messages,
  ...accountsMessages.messages,
  ...auditMessages.messages,
  ...jobsMessages.messages,
  ...orgsMessages.messages,
  ...homeMessages.messages,
  ...cockpitMessages.messages,
  ...indicatorsMessages.messages,
  ...rankingsMessages.messages,
  ...marketMessages.messages,
  ...dealsMessages.messages,
  ...matchingMessages.messages,
  ...negotiationsMessages.messages,
  ...filesMessages.messages,
  ...parksMessages.messages,
  ...notificationsMessages.messages,
};

export type MessageKey = keyof typeof messages;

export const catalogues: Record<Locale, Record<MessageKey, string>> = {
  'zh-CN': inLocale(messages, 'zh-CN'),
  en: inLocale(messages, 'en'),
};
