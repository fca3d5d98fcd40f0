import type {
  Account,
  Colleague,
  CreateAccountBody,
  CreateColleagueBody,
  DutyApproval,
  Page,
  Registration,
  RegistrationStatus,
  Role,
} from '@corridor/contracts';
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
  orgManager?: boolean;
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

/** POST /accounts/:id/password: a temporary password, changed at first sign-in. */
export function useAdminResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      password,
      approval,
    }: Pick<Account, 'id' | 'version'> & { password: string; approval?: DutyApproval }) =>
      api.post<Account>(`/api/v1/accounts/${id}/password`, {
        version,
        password,
        ...(approval ? { approval } : {}),
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** GET /registrations: the city admin's applications. */
export function useRegistrations(query: {
  status?: RegistrationStatus;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ['registrations', query],
    queryFn: ({ signal }) =>
      api.get<Page<Registration>>('/api/v1/registrations', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** POST /registrations/:id/approve | reject */
export function useDecideRegistration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      reason,
    }: Pick<Registration, 'id' | 'version'> & { reason?: string }) =>
      reason === undefined
        ? api.post<Registration>(`/api/v1/registrations/${id}/approve`, { version })
        : api.post<Registration>(`/api/v1/registrations/${id}/reject`, { version, reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['registrations'] });
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

/** GET /colleagues: the accounts of the manager's organisation. */
export function useColleagues() {
  return useQuery({
    queryKey: ['colleagues'],
    queryFn: ({ signal }) =>
      api.get<{ items: Colleague[] }>('/api/v1/colleagues', undefined, signal),
  });
}

export function useCreateColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateColleagueBody) => api.post<Colleague>('/api/v1/colleagues', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['colleagues'] }),
  });
}

export function useUpdateColleague() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, disabled }: Pick<Colleague, 'id' | 'version' | 'disabled'>) =>
      api.patch<Colleague>(`/api/v1/colleagues/${id}`, { version, disabled }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['colleagues'] }),
  });
}
