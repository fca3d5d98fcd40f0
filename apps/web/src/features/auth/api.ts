import type { Me } from '@corridor/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../app/api';
import { meKey, setSessionLost } from '../../app/auth';

export interface LoginInput {
  username: string;
  password: string;
}

/** POST /auth/login: on success the Me object becomes the session (and its CSRF token). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginInput) => api.post<Me>('/api/v1/auth/login', body),
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
