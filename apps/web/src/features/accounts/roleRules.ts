import {
  CITY_BOUND_ROLES,
  checkRoleSet,
  errorMessage,
  isCityCode,
  type Locale,
  ORG_BOUND_ROLES,
  PROVINCE_BOUND_ROLES,
  PROVINCE_CODE,
  type Role,
} from '@corridor/contracts';
import type { FormRule } from 'antd';
import type { TFunction } from '../../i18n';

/**
 * 三权分立 and the other role-set rules of the contracts, as an antd rule. The message is the
 * server's own (account.roles_invalid), so the user reads the same words either way.
 */
export function roleSetRule(t: TFunction, locale: Locale): FormRule {
  return {
    validator: async (_, roles: Role[] | undefined) => {
      const problem = checkRoleSet(roles ?? []);
      if (problem === 'roles.empty') throw new Error(t('common.required'));
      if (problem) throw new Error(errorMessage('account.roles_invalid', locale));
    },
  };
}

/** The region must fit the roles: city admins belong to a city, province admins to the province. */
export function regionFitsRoles(
  t: TFunction,
  locale: Locale,
  getRoles: () => Role[] | undefined,
): FormRule {
  return {
    validator: async (_, region: string | undefined) => {
      if (!region) return;
      const roles = getRoles() ?? [];
      const scope = errorMessage('account.scope_invalid', locale);
      if (roles.some((r) => CITY_BOUND_ROLES.includes(r)) && !isCityCode(region)) {
        throw new Error(`${scope}: ${t('account.regionMustBeCity')}`);
      }
      if (roles.some((r) => PROVINCE_BOUND_ROLES.includes(r)) && region !== PROVINCE_CODE) {
        throw new Error(`${scope}: ${t('account.regionMustBeProvince')}`);
      }
    },
  };
}

/** Enterprise, university and investor accounts act for an organisation and must name it. */
export function orgFitsRoles(t: TFunction, getRoles: () => Role[] | undefined): FormRule {
  return {
    validator: async (_, orgId: number | null | undefined) => {
      const roles = getRoles() ?? [];
      if (!orgId && roles.some((r) => ORG_BOUND_ROLES.includes(r))) {
        throw new Error(t('account.orgRequired'));
      }
    },
  };
}
