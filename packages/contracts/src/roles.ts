/** Roles of DOMAIN.md. `public` is the anonymous visitor and is never stored on an account. */
export const ROLES = [
  'province_admin',
  'city_admin',
  'auditor',
  'security_admin',
  'enterprise',
  'university',
  'talent',
  'investor',
  'broker',
  'ranking_publisher',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * 三权分立: platform administration, audit and security administration are separate duties.
 * No account may hold roles from two of these groups.
 */
export const DUTY_OF_ROLE: Partial<Record<Role, 'admin' | 'audit' | 'security'>> = {
  province_admin: 'admin',
  city_admin: 'admin',
  auditor: 'audit',
  security_admin: 'security',
};

/** Accounts holding one of the three duties: stricter rules (password age) apply to them. */
export function isPrivileged(roles: readonly Role[]): boolean {
  return roles.some((r) => DUTY_OF_ROLE[r] !== undefined);
}

/** Roles bound to one city; the others may be bound to the province or a city. */
export const CITY_BOUND_ROLES: readonly Role[] = ['city_admin'];
/** Roles that must be bound to the province as a whole. */
export const PROVINCE_BOUND_ROLES: readonly Role[] = ['province_admin'];
/** Roles that act for an organisation and must name it. */
export const ORG_BOUND_ROLES: readonly Role[] = ['enterprise', 'university', 'investor'];

export type RoleProblem = 'roles.empty' | 'roles.duties_combined' | 'roles.duplicate';

/** Returns the first reason a role set is not allowed, or null when it is. */
export function checkRoleSet(roles: readonly Role[]): RoleProblem | null {
  if (roles.length === 0) return 'roles.empty';
  if (new Set(roles).size !== roles.length) return 'roles.duplicate';
  const duties = new Set(roles.map((r) => DUTY_OF_ROLE[r]).filter(Boolean));
  if (duties.size > 1) return 'roles.duties_combined';
  // An admin/audit/security duty is held alone: no business role beside it either.
  if (duties.size === 1 && roles.some((r) => !DUTY_OF_ROLE[r])) return 'roles.duties_combined';
  return null;
}
