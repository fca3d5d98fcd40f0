import { cityName, type Role } from '@corridor/contracts';
import { type Deps, systemCtx } from '../../core/context';
import { accountExists, createAccountAsSystem, firstAccounts } from '../accounts/accounts.service';
import { seedDeals } from '../deals/deals.seed';
import { seedDemoIndicators } from '../indicators/indicators.load.service';
import { seedMarket } from '../market/market.bulk';
import { seedDemoIntroductions } from '../matching/matching.seed';
import { seedDemoNegotiations } from '../negotiations/negotiations.seed';
import { bulkInsertOrgs, findOrgRefsByCreditCodes } from '../orgs/orgs.service';
import { seedDemoRankings } from '../rankings/rankings.seed';
import { DEMO_PASSWORD, type DemoAccount, demoAccounts, generateOrgBatches } from './seed.generate';

const ROLE_LABELS: Record<Role, string> = {
  province_admin: '省级管理员',
  city_admin: '市级管理员',
  auditor: '审计员',
  security_admin: '安全管理员',
  enterprise: '企业用户',
  university: '高校院所用户',
  talent: '人才',
  investor: '投资/金融机构',
  broker: '技术经纪人',
  ranking_publisher: '第三方榜单发布方',
};

export interface SeedResult {
  orgs: number;
  password: string;
  accounts: { username: string; label: string }[];
}

/**
 * Loads the deterministic demo data. Safe to run again: organisations already present (same
 * credit code) and accounts already present (same user name) are skipped, so a larger --scale
 * extends a smaller one.
 */
export async function seedDemoData(deps: Deps, scale: number): Promise<SeedResult> {
  const ctx = systemCtx(deps);
  let inserted = 0;
  let firstBatchCodes: string[] = [];
  for (const batch of generateOrgBatches({ scale, batchSize: 5_000 })) {
    if (firstBatchCodes.length === 0)
      firstBatchCodes = batch.slice(0, 200).map((o) => o.creditCode);
    const existing = new Set(
      (
        await findOrgRefsByCreditCodes(
          ctx,
          batch.map((o) => o.creditCode),
        )
      ).map((r) => r.creditCode),
    );
    const fresh = batch.filter((o) => !existing.has(o.creditCode));
    if (fresh.length > 0) await bulkInsertOrgs(ctx, fresh);
    inserted += fresh.length;
  }
  // Yearly indicators and certificates of the enterprises (skipped where already loaded).
  await seedDemoIndicators(ctx, scale);
  // Technology-market achievements and demands of the organisations (first seed only).
  await seedMarket(deps, scale);
  // Registered technology contracts between the cities, feeding the cockpit's flows.
  await seedDeals(deps, scale);
  const refs = await findOrgRefsByCreditCodes(ctx, firstBatchCodes);
  const accounts = [];
  let publisher: (DemoAccount & { id: number }) | null = null;
  const created = new Map<string, DemoAccount & { id: number }>();
  for (const account of demoAccounts(refs)) {
    if (!(await accountExists(deps, account.username))) {
      const id = await createAccountAsSystem(ctx, { ...account, password: DEMO_PASSWORD });
      created.set(account.username, { ...account, id });
      // Demo ranking lists, by the demo publisher, made when that account is first created.
      if (account.roles[0] === 'ranking_publisher') publisher = { ...account, id };
    }
    const role = account.roles[0];
    accounts.push({
      username: account.username,
      label: `${ROLE_LABELS[role]} · ${cityName(account.regionCode)}`,
    });
  }
  if (publisher) await seedDemoRankings(deps, publisher);
  // Demo negotiations of the demo enterprise (with the Ezhou broker), when it is first created.
  const enterprise = created.get('enterprise');
  if (enterprise) {
    const broker = created.get('broker');
    await seedDemoNegotiations(deps, enterprise, broker ?? null);
  }
  // Each city's broker has introduced a few listings, so the sub-markets show their work.
  const brokers = [...created.values()].filter((a) => a.roles[0] === 'broker');
  if (brokers.length > 0) await seedDemoIntroductions(deps, brokers);
  return { orgs: inserted, password: DEMO_PASSWORD, accounts };
}

/** First start: an empty database gets the demo data; later starts just list the accounts. */
export async function ensureDemoData(deps: Deps, scale: number): Promise<SeedResult> {
  const empty = !(await deps.db.selectFrom('accounts').select('id').limit(1).executeTakeFirst());
  if (empty) return seedDemoData(deps, scale);
  const accounts = (await firstAccounts(deps, 20)).map((a) => ({
    username: a.username,
    label: `${a.roles.map((r) => ROLE_LABELS[r]).join('/')} · ${cityName(a.regionCode)}`,
  }));
  return { orgs: 0, password: `${DEMO_PASSWORD} (unless changed since)`, accounts };
}
