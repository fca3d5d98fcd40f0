import { cityName, type Role } from '@corridor/contracts';
import { type Deps, seedCtxAs, systemCtx } from '../../core/context';
import { createRandom } from '../../core/demo/random';
import type { DemoContext, OrgRef, SeededAccount } from '../../core/demo/seeder';
import { DEMO_MARKER_ACCOUNT, DEMO_PASSWORD } from '../accounts/accounts.demo';
import {
  accountIdByUsername,
  createAccountAsSystem,
  firstAccounts,
} from '../accounts/accounts.service';
import { DEMO_SEEDERS } from './seeders';

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

const DEMO_SEED = 20_261_203;

export interface SeedResult {
  orgs: number;
  password: string;
  accounts: { username: string; label: string }[];
}

/** FNV-1a: a stable number per label, so each module's random stream is its own. */
function labelSeed(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return (h ^ DEMO_SEED) >>> 0;
}

function demoContext(deps: Deps, scale: number): DemoContext {
  const system = systemCtx(deps);
  let refs: readonly OrgRef[] = [];
  const ensured = new Map<string, SeededAccount>();
  return {
    deps,
    system,
    scale,
    orgRefs: () => refs,
    setOrgRefs: (r) => {
      refs = r;
    },
    async ensureAccount(account) {
      const known = ensured.get(account.username);
      if (known) return known;
      const existing = await accountIdByUsername(deps, account.username);
      const seeded: SeededAccount =
        existing !== null
          ? { ...account, id: existing, fresh: false }
          : {
              ...account,
              id: await createAccountAsSystem(system, { ...account, password: DEMO_PASSWORD }),
              fresh: true,
            };
      ensured.set(account.username, seeded);
      return seeded;
    },
    account: (username) => ensured.get(username),
    accounts: () => [...ensured.values()],
    as: (account) => seedCtxAs(deps, account),
    random: (label) => createRandom(labelSeed(label)),
  };
}

const label = (roles: readonly Role[], regionCode: string) =>
  `${roles.map((r) => ROLE_LABELS[r]).join('/')} · ${cityName(regionCode)}`;

/**
 * Loads the deterministic demo data: each module's seeder in order (`seeders.ts`). Safe to run
 * again: what is present is skipped, so a larger --scale extends a smaller one.
 */
export async function seedDemoData(deps: Deps, scale: number): Promise<SeedResult> {
  const before = await deps.db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const demo = demoContext(deps, scale);
  for (const seeder of DEMO_SEEDERS) await seeder.seed(demo);
  const after = await deps.db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    orgs: Number(after.n) - Number(before.n),
    password: DEMO_PASSWORD,
    accounts: demo
      .accounts()
      .map((a) => ({ username: a.username, label: label(a.roles, a.regionCode) })),
  };
}

/** First start: an empty database gets the demo data; later starts just list the accounts. */
export async function ensureDemoData(deps: Deps, scale: number): Promise<SeedResult> {
  // SEED_SCALE=0: an installation without demo data (production, or a test of the bare server).
  if (scale === 0) return { orgs: 0, password: '', accounts: [] };
  const empty = !(await deps.db.selectFrom('accounts').select('id').limit(1).executeTakeFirst());
  if (empty) return seedDemoData(deps, scale);
  const accounts = (await firstAccounts(deps, 20)).map((a) => ({
    username: a.username,
    label: label(a.roles, a.regionCode),
  }));
  return { orgs: 0, password: `${DEMO_PASSWORD} (unless changed since)`, accounts };
}

/**
 * Whether this installation runs with the demo data (its accounts were printed in the server
 * console at start): demo seeding is on and the demo's first account exists.
 */
export async function runsWithDemoData(deps: Deps): Promise<boolean> {
  if (deps.config.seedScale === 0) return false;
  return (await accountIdByUsername(deps, DEMO_MARKER_ACCOUNT)) !== null;
}
