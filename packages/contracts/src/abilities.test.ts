import { describe, expect, it } from 'vitest';
import { ABILITIES, type Ability, can, DUTY_ABILITIES, ROLE_ABILITIES } from './abilities';
import { MeSchema } from './auth';
import { ROLES } from './roles';

describe('abilities', () => {
  it('grants every listed ability to at least one role, bar the duties', () => {
    const granted = new Set(Object.values(ROLE_ABILITIES).flat());
    expect(ABILITIES.filter((a) => !granted.has(a))).toEqual([...DUTY_ABILITIES]);
  });

  it('lists each ability once and each role grants only listed abilities, once', () => {
    expect(new Set(ABILITIES).size).toBe(ABILITIES.length);
    const listed = new Set<string>(ABILITIES);
    for (const role of ROLES) {
      const own = ROLE_ABILITIES[role];
      expect(
        own.filter((a) => !listed.has(a)),
        role,
      ).toEqual([]);
      expect(new Set(own).size, role).toBe(own.length);
    }
  });

  it('can() answers from the account’s abilities; a visitor can nothing', () => {
    const me = { abilities: ['orgs.read', 'market.read'] as Ability[] };
    expect(can(me, 'orgs.read')).toBe(true);
    expect(can(me, 'orgs.create')).toBe(false);
    expect(can(null, 'orgs.read')).toBe(false);
    expect(can(undefined, 'orgs.read')).toBe(false);
  });

  it('the Me schema refuses an ability that is not in the list', () => {
    const me = {
      id: 1,
      username: 'u',
      displayName: 'U',
      roles: ['talent'],
      regionCode: '420100',
      orgId: null,
      orgName: null,
      csrfToken: 't',
      abilities: ['orgs.read'],
      passwordExpired: false,
      mfaEnabled: false,
      mfaSetupRequired: false,
    };
    expect(MeSchema.safeParse(me).success).toBe(true);
    const bad = MeSchema.safeParse({ ...me, abilities: ['orgs.raed'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['abilities', 0]);
  });

  // Type-level proof, checked by `npm run typecheck` (packages/contracts/tsconfig.json covers
  // test files): if a misspelt ability stopped being a type error, these directives would be
  // unused and the typecheck would fail.
  it('a misspelt ability does not typecheck', () => {
    const me = { abilities: ['orgs.read'] as Ability[] };
    // @ts-expect-error 'orgs.raed' is not an Ability
    expect(can(me, 'orgs.raed')).toBe(false);
    // @ts-expect-error an account's abilities are Ability values, not any string
    expect(can({ abilities: ['orgs.read' as string] }, 'orgs.read')).toBe(true);
    const table: Partial<typeof ROLE_ABILITIES> = {
      // @ts-expect-error a role cannot be granted an unlisted ability
      talent: ['market.raed'],
    };
    expect(table.talent).toHaveLength(1);
  });
});
