/**
 * The platform's demo accounts: one for every role, an admin and a broker in every city, each
 * organisation-bound account acting for an organisation of the matching type. Modules whose
 * journeys need more actors add their own accounts from their seeders (`demo.ensureAccount`).
 */
import { CITIES, type CityCode, type OrgType, PROVINCE_CODE, type Role } from '@corridor/contracts';
import { CITY_PROFILES } from '../../core/demo/names';
import type { DemoAccount, DemoSeeder, OrgRef } from '../../core/demo/seeder';

/** Password of every demo account: 13 characters, four character classes. */
export const DEMO_PASSWORD = 'Corridor#2026';
/** The demo's first account: where it exists, the installation runs with the demo data. */
export const DEMO_MARKER_ACCOUNT = 'province.admin';

const CITY_ADMIN_NAMES: Record<CityCode, string> = {
  '420100': '汪立成',
  '420700': '柯文静',
  '420200': '费振华',
  '421100': '童雪梅',
  '421200': '甘志强',
};

/** Brokers of the cities other than Ezhou (whose broker is the demo account `broker`). */
const CITY_BROKERS: [CityCode, string][] = [
  ['420100', '柳青禾'],
  ['420200', '岑思远'],
  ['421100', '詹雨桐'],
  ['421200', '蒲文韬'],
];

/** First org of that type, preferring Wuhan (the demo's home city). */
function orgFor(orgs: readonly OrgRef[], type: OrgType, role: Role): OrgRef {
  const candidates = orgs.filter((o) => o.type === type);
  const org = candidates.find((o) => o.regionCode === '420100') ?? candidates[0];
  if (!org) throw new Error(`demoAccounts: no ${type} organisation for the ${role} account`);
  return org;
}

function boundAccount(username: string, displayName: string, role: Role, org: OrgRef): DemoAccount {
  return {
    username,
    displayName,
    roles: [role],
    regionCode: org.regionCode as CityCode,
    orgId: org.id,
  };
}

/**
 * One demo account for every role (a city admin for each city). Enterprise, university and
 * investor accounts act for an organisation of the matching type from `orgs`.
 */
export function demoAccounts(orgs: readonly OrgRef[]): DemoAccount[] {
  const province = (username: string, displayName: string, role: Role): DemoAccount => ({
    username,
    displayName,
    roles: [role],
    regionCode: PROVINCE_CODE,
    orgId: null,
  });
  const slugOf = new Map(CITY_PROFILES.map((c) => [c.code, c.slug]));
  return [
    province(DEMO_MARKER_ACCOUNT, '沈知远', 'province_admin'),
    ...CITIES.map(
      (c): DemoAccount => ({
        username: `${slugOf.get(c.code) ?? c.en.toLowerCase()}.admin`,
        displayName: CITY_ADMIN_NAMES[c.code],
        roles: ['city_admin'],
        regionCode: c.code,
        orgId: null,
      }),
    ),
    province('auditor', '包清源', 'auditor'),
    province('security', '祁守一', 'security_admin'),
    // The enterprise's account manager: it adds and disables its colleagues' accounts.
    {
      ...boundAccount(
        'enterprise',
        '贺晨光',
        'enterprise',
        orgFor(orgs, 'enterprise', 'enterprise'),
      ),
      orgManager: true,
    },
    boundAccount('university', '骆思齐', 'university', orgFor(orgs, 'university', 'university')),
    {
      username: 'talent',
      displayName: '尹若溪',
      roles: ['talent'],
      regionCode: '420100',
      orgId: null,
    },
    boundAccount(
      'investor',
      '邝嘉禾',
      'investor',
      orgFor(orgs, 'financial_institution', 'investor'),
    ),
    {
      username: 'broker',
      displayName: '欧阳新桥',
      roles: ['broker'],
      regionCode: '420700',
      orgId: null,
    },
    // A broker in each of the other cities too, so every city's sub-market shows its brokers.
    ...CITY_BROKERS.map(
      ([code, displayName]): DemoAccount => ({
        username: `${slugOf.get(code) ?? code}.broker`,
        displayName,
        roles: ['broker'],
        regionCode: code,
        orgId: null,
      }),
    ),
    province('publisher', '鲁明澈', 'ranking_publisher'),
  ];
}

export const accountsDemoSeeder: DemoSeeder = {
  name: 'accounts',
  async seed(demo) {
    for (const account of demoAccounts(demo.orgRefs())) await demo.ensureAccount(account);
  },
};
