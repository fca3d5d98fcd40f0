import type { Account, CreateAccountBody, DutyApproval, Page, Role } from '@corridor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export interface AccountListQuery {
  q?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export interface AccountPatch {
  roles?: Role[];
  disabled?: boolean;
  unlock?: true;
  /** A second person's approval, when the change would silence an auditor. */
  approval?: DutyApproval;
  /** The version of the account as listed: 409 when someone changed it since. */
  version: number;
}

/** GET /accounts */
export function useAccounts(query: AccountListQuery) {
  return useQuery({
    queryKey: ['accounts', 'list', query],
    queryFn: ({ signal }) => api.get<Page<Account>>('/api/v1/accounts', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** POST /accounts → 201 Account */
export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccountBody) => api.post<Account>('/api/v1/accounts', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** PATCH /accounts/:id {roles?, disabled?, unlock?} */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: AccountPatch }) =>
      api.patch<Account>(`/api/v1/accounts/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** POST /accounts/:id/mfa/reset: a lost phone; the user sets up two-factor sign-in again. */
export function useResetMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      approval,
    }: Pick<Account, 'id' | 'version'> & { approval?: DutyApproval }) =>
      api.post<Account>(`/api/v1/accounts/${id}/mfa/reset`, {
        version,
        ...(approval ? { approval } : {}),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}
