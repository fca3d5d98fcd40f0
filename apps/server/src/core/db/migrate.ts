import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Dialect } from './dialect';
import { m202611261900Foundation } from './migrations/202611261900_foundation';
import { m202611261930Indicators } from './migrations/202611261930_indicators';
import { m202611261940Rankings } from './migrations/202611261940_rankings';
import { m202611261950Cockpit } from './migrations/202611261950_cockpit';
import { m202611262000Market } from './migrations/202611262000_market';
import { m202611262010Deals } from './migrations/202611262010_deals';
import { m202611262020Matching } from './migrations/202611262020_matching';
import { m202611262030Negotiations } from './migrations/202611262030_negotiations';
import { m202611262040PasswordHistory } from './migrations/202611262040_password_history';
import { m202611262050Mfa } from './migrations/202611262050_mfa';
import { m202612021040Idempotency } from './migrations/202612021040_idempotency';
import { m202612031000RowVersions } from './migrations/202612031000_row_versions';
import { m202612031010PasswordSetByOther } from './migrations/202612031010_password_set_by_other';
import { m202612031020LoginThrottle } from './migrations/202612031020_login_throttle';
import { m202612031200Files } from './migrations/202612031200_files';
import { m202612031200JobRuns } from './migrations/202612031200_job_runs';
import { m202612031200Notifications } from './migrations/202612031200_notifications';
import { m202612041000AuditArchive } from './migrations/202612041000_audit_archive';
import { m202612041100DealConfirmations } from './migrations/202612041100_deal_confirmations';
import { m202612041200MatchingOpenPair } from './migrations/202612041200_matching_open_pair';
import { m202612041300SearchPinyinVector } from './migrations/202612041300_search_pinyin_vector';
import { m202612041330SelfServiceAccounts } from './migrations/202612041330_self_service_accounts';
import { m202612041340Parks } from './migrations/202612041340_parks';
import type { Database } from './schema';

/** Migrations in order; each is a factory so it can ask the dialect for its few differences. */
const MIGRATIONS: Record<string, (d: Dialect) => Migration> = {
  '202611261900_foundation': m202611261900Foundation,
  '202611261930_indicators': m202611261930Indicators,
  '202611261940_rankings': m202611261940Rankings,
  '202611261950_cockpit': m202611261950Cockpit,
  '202611262000_market': m202611262000Market,
  '202611262010_deals': m202611262010Deals,
  '202611262020_matching': m202611262020Matching,
  '202611262030_negotiations': m202611262030Negotiations,
  '202611262040_password_history': m202611262040PasswordHistory,
  '202611262050_mfa': m202611262050Mfa,
  '202612021040_idempotency': m202612021040Idempotency,
  '202612031000_row_versions': m202612031000RowVersions,
  '202612031010_password_set_by_other': m202612031010PasswordSetByOther,
  '202612031020_login_throttle': m202612031020LoginThrottle,
  '202612031200_files': m202612031200Files,
  '202612031200_notifications': m202612031200Notifications,
  '202612031200_job_runs': m202612031200JobRuns,
  '202612041000_audit_archive': m202612041000AuditArchive,
  '202612041100_deal_confirmations': m202612041100DealConfirmations,
  '202612041200_matching_open_pair': m202612041200MatchingOpenPair,
  '202612041300_search_pinyin_vector': m202612041300SearchPinyinVector,
  '202612041330_self_service_accounts': m202612041330SelfServiceAccounts,
  '202612041340_parks': m202612041340Parks,
};

export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(Object.entries(MIGRATIONS).map(([name, make]) => [name, make(dialect)])),
  };
  // biome-ignore lint/suspicious/noExplicitAny: the migrator works on an untyped database
  const migrator = new Migrator({ db: db as Kysely<any>, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** The names of the migrations this version of the code knows (a restore checks against them). */
export function migrationNames(): string[] {
  return Object.keys(MIGRATIONS);
}
