import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

let onSessionLost: () => void = () => {};

/** Registered once at start-up: what to do when the server says the session is gone. */
export function setSessionLostHandler(handler: () => void): void {
  onSessionLost = handler;
}

/** A 401 other than a failed sign-in means the session expired or was revoked. */
function isSessionLoss(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 401 && error.code !== 'auth.invalid_credentials'
  );
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (isSessionLoss(error)) onSessionLost();
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isSessionLoss(error)) onSessionLost();
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
    mutations: { retry: false },
  },
});
