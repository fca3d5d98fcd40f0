import type { Notification, Page } from '@corridor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

const KEY = ['notifications'] as const;

/** The unread count behind the bell, refreshed every 30 s (other people's acts arrive so). */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: ({ signal }) =>
      api.get<{ unread: number }>('/api/v1/notifications/unread-count', undefined, signal),
    refetchInterval: 30_000,
  });
}

export function useNotifications(page: number, pageSize: number, unreadOnly: boolean) {
  return useQuery({
    queryKey: [...KEY, 'list', page, pageSize, unreadOnly],
    queryFn: ({ signal }) =>
      api.get<Page<Notification>>(
        '/api/v1/notifications',
        { page, pageSize, unread: unreadOnly ? 'true' : undefined },
        signal,
      ),
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<Notification>(`/api/v1/notifications/${id}/read`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    /** Up to the newest notification shown: one arriving meanwhile stays unread. */
    mutationFn: (upToId: number | undefined) =>
      api.post<{ marked: number }>('/api/v1/notifications/read-all', upToId ? { upToId } : {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
