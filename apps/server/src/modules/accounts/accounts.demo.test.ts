import {
  CITY_BOUND_ROLES,
  CITY_CODES,
  CreateAccountBodySchema,
  checkRoleSet,
  ORG_BOUND_ROLES,
  PROVINCE_BOUND_ROLES,
  PROVINCE_CODE,
  passwordProblems,
  ROLES,
  USERNAME_PATTERN,
} from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { generateOrgs } from '../../core/demo/orgs';
import type { OrgRef } from '../../core/demo/seeder';
import { DEMO_PASSWORD, demoAccounts } from './accounts.demo';

describe('demoAccounts', () => {
  const refs: OrgRef[] = Array.from(generateOrgs({ scale: 2_000 }), (o, i) => ({
    id: i + 1,
    type: o.type,
    regionCode: o.regionCode,
  }));
  const accounts = demoAccounts(refs);
  const byId = new Map(refs.map((r) => [r.id, r]));

  it('has an account for every role and a city admin for every city', () => {
    const roles = new Set(accounts.flatMap((a) => a.roles));
    expect([...roles].sort()).toEqual([...ROLES].sort());
    const cityAdmins = accounts.filter((a) => a.roles.includes('city_admin'));
    expect(cityAdmins.map((a) => a.regionCode).sort()).toEqual([...CITY_CODES].sort());
    expect(accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining([
        'province.admin',
        'wuhan.admin',
        'ezhou.admin',
        'huangshi.admin',
        'huanggang.admin',
        'xianning.admin',
        'auditor',
        'security',
        'enterprise',
        'university',
        'talent',
        'investor',
        'broker',
        'publisher',
      ]),
    );
  });

  it('creates accounts the API accepts, with the demo password', () => {
    expect(passwordProblems(DEMO_PASSWORD)).toBeNull();
    expect(new Set(accounts.map((a) => a.username)).size).toBe(accounts.length);
    for (const { orgManager: _duty, ...a } of accounts) {
      expect(a.username).toMatch(USERNAME_PATTERN);
      expect(checkRoleSet(a.roles)).toBeNull();
      expect(() => CreateAccountBodySchema.parse({ ...a, password: DEMO_PASSWORD })).not.toThrow();
    }
  });

  it('binds roles to the right scope and organisation', () => {
    const orgTypeOf = {
      enterprise: 'enterprise',
      university: 'university',
      investor: 'financial_institution',
    };
    for (const a of accounts) {
      const role = a.roles[0];
      if (PROVINCE_BOUND_ROLES.includes(role)) expect(a.regionCode).toBe(PROVINCE_CODE);
      if (CITY_BOUND_ROLES.includes(role)) expect(CITY_CODES).toContain(a.regionCode);
      if (ORG_BOUND_ROLES.includes(role)) {
        const org = byId.get(a.orgId ?? -1);
        expect(org?.type, role).toBe(orgTypeOf[role as keyof typeof orgTypeOf]);
        expect(a.regionCode).toBe(org?.regionCode);
      } else {
        expect(a.orgId, role).toBeNull();
      }
    }
    for (const role of ['province_admin', 'auditor', 'security_admin'] as const) {
      expect(accounts.find((a) => a.roles[0] === role)?.regionCode).toBe(PROVINCE_CODE);
    }
  });

  it('has a broker in every city, so each city sub-market lists one', () => {
    const brokerCities = accounts.filter((a) => a.roles[0] === 'broker').map((a) => a.regionCode);
    expect([...new Set(brokerCities)].sort()).toEqual([...CITY_CODES].sort());
  });

  it('is stable and says which organisation is missing', () => {
    expect(demoAccounts(refs)).toEqual(accounts);
    const noUniversity = refs.filter((r) => r.type !== 'university');
    expect(() => demoAccounts(noUniversity)).toThrow(/university/);
  });
});
