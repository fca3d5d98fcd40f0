import type { Me, MfaSetupBody, PublicConfig, RegistrationBody } from '@corridor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../app/api';
import { meKey, setSessionLost } from '../../app/auth';

export interface LoginInput {
  username: string;
  password: string;
  /** Only for accounts with a second factor. */
  otp?: string;
}

/** POST /auth/login: on success the Me object becomes the session (and its CSRF token). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ otp, ...rest }: LoginInput) =>
      api.post<Me>('/api/v1/auth/login', otp?.trim() ? { ...rest, otp: otp.trim() } : rest),
    onSuccess: (me) => {
      setSessionLost(false);
      setCsrfToken(me.csrfToken);
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** POST /auth/password: the server ends the session afterwards. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordInput) =>
      api.post<{ ok: true }>('/api/v1/auth/password', body),
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
    },
  });
}

/** POST /auth/mfa/setup: a new pending secret, shown as a QR code. */
export function useMfaSetup() {
  return useMutation({
    // Replacing a factor in use needs the password and a current code; a first set-up nothing.
    mutationFn: (proof: MfaSetupBody = {}) =>
      api.post<{ secret: string; uri: string }>('/api/v1/auth/mfa/setup', proof),
  });
}

/** POST /auth/mfa/enable: proves the secret with a code; the account then signs in with codes. */
export function useMfaEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (otp: string) => api.post<{ ok: true }>('/api/v1/auth/mfa/enable', { otp }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

/** GET /public/config: whether this is the demo install, whether e-mail is sent. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ['public', 'config'],
    queryFn: ({ signal }) => api.get<PublicConfig>('/api/v1/public/config', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** POST /auth/password/forgot: always answered alike (nothing says whether the account exists). */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (login: string) =>
      api.post<{ ok: true }>('/api/v1/auth/password/forgot', { login }),
  });
}

/** POST /auth/password/reset with the e-mailed link's token. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      api.post<{ ok: true }>('/api/v1/auth/password/reset', body),
  });
}

/** POST /registrations: an enterprise applies for its first account. */
export function useRegister() {
  return useMutation({
    mutationFn: (body: RegistrationBody) =>
      api.post<{ status: 'pending'; submittedAt: string }>('/api/v1/registrations', body),
  });
}
