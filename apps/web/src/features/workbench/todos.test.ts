import { ROLE_ABILITIES, type Role } from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { hasWorkbench } from './todos';

const of = (role: Role) => ({ abilities: ROLE_ABILITIES[role] });

describe('who lands on the workbench', () => {
  it('the roles whose work arrives from others, and only they', () => {
    const landing = (Object.keys(ROLE_ABILITIES) as Role[]).filter((r) => hasWorkbench(of(r)));
    expect(landing.sort()).toEqual(
      ['broker', 'city_admin', 'enterprise', 'investor', 'province_admin', 'university'].sort(),
    );
  });
});
