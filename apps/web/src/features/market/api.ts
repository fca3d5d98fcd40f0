import type {
  Achievement,
  AchievementInput,
  AchievementUpdate,
  Demand,
  DemandInput,
  DemandUpdate,
  ImportReport,
  OpenCall,
  Page,
  SearchResult,
  ShowcaseItem,
} from '@corridor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, download, type QueryParams, request } from '../../app/api';

export type MarketKind = 'achievements' | 'demands';

export const marketKeys = {
  all: ['market'] as const,
  search: (kind: MarketKind, q: QueryParams) => ['market', kind, 'search', q] as const,
  list: (kind: MarketKind, q: QueryParams) => ['market', kind, 'list', q] as const,
  detail: (kind: MarketKind, id: number) => ['market', kind, 'detail', id] as const,
  showcase: (q: QueryParams) => ['market', 'showcase', q] as const,
  openCalls: (q: QueryParams) => ['market', 'open-calls', q] as const,
};

/** GET /market/{kind}/search: full-text search with facets (server-side paging). */
export function useMarketSearch(kind: MarketKind, query: QueryParams) {
  return useQuery({
    queryKey: marketKeys.search(kind, query),
    queryFn: ({ signal }) => api.get<SearchResult>(`/api/v1/market/${kind}/search`, query, signal),
    placeholderData: keepPreviousData,
    // A 503 (busy) is worth one quiet retry; other errors are shown at once.
    retry: (count, error) => error instanceof ApiError && error.status === 503 && count < 1,
  });
}

/** GET /market/{kind}?scope=mine|city: own organisation's records or an official's city. */
export function useMarketList<T extends Achievement | Demand>(
  kind: MarketKind,
  query: QueryParams,
) {
  return useQuery({
    queryKey: marketKeys.list(kind, query),
    queryFn: ({ signal }) => api.get<Page<T>>(`/api/v1/market/${kind}`, query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAchievement(id: number) {
  return useQuery({
    queryKey: marketKeys.detail('achievements', id),
    queryFn: ({ signal }) =>
      api.get<Achievement>(`/api/v1/market/achievements/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useDemand(id: number) {
  return useQuery({
    queryKey: marketKeys.detail('demands', id),
    queryFn: ({ signal }) => api.get<Demand>(`/api/v1/market/demands/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

function useRefresh(kind: MarketKind) {
  const queryClient = useQueryClient();
  return (record: { id: number }) => {
    queryClient.setQueryData(marketKeys.detail(kind, record.id), record);
    void queryClient.invalidateQueries({ queryKey: ['market', kind, 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['market', kind, 'search'] });
  };
}

/** POST (create) or PATCH (edit, with the version read) an achievement. */
export function useSaveAchievement(id: number | null) {
  const refresh = useRefresh('achievements');
  return useMutation({
    mutationFn: (body: AchievementInput | AchievementUpdate) =>
      id
        ? api.patch<Achievement>(`/api/v1/market/achievements/${id}`, body)
        : api.post<Achievement>('/api/v1/market/achievements', body),
    onSuccess: refresh,
  });
}

export function useSaveDemand(id: number | null) {
  const refresh = useRefresh('demands');
  return useMutation({
    mutationFn: (body: DemandInput | DemandUpdate) =>
      id
        ? api.patch<Demand>(`/api/v1/market/demands/${id}`, body)
        : api.post<Demand>('/api/v1/market/demands', body),
    onSuccess: refresh,
  });
}

/** A workflow step: POST /market/{kind}/:id/{step} with the version read (409 when stale). */
export function useMarketStep<T extends Achievement | Demand>(kind: MarketKind, id: number) {
  const refresh = useRefresh(kind);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: string; body: Record<string, unknown> }) =>
      api.post<T>(`/api/v1/market/${kind}/${id}/${step}`, body),
    onSuccess: refresh,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: marketKeys.detail(kind, id) });
      }
    },
  });
}

/** Public: featured achievements and open calls (no sign-in). */
export function useShowcase(query: QueryParams) {
  return useQuery({
    queryKey: marketKeys.showcase(query),
    queryFn: ({ signal }) => api.get<Page<ShowcaseItem>>('/api/v1/market/showcase', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOpenCalls(query: QueryParams) {
  return useQuery({
    queryKey: marketKeys.openCalls(query),
    queryFn: ({ signal }) => api.get<Page<OpenCall>>('/api/v1/market/open-calls', query, signal),
    placeholderData: keepPreviousData,
  });
}

export type ImportOutcome =
  | { kind: 'created'; created: number }
  | { kind: 'rejected'; message: string; problems: ApiError['details'] };

export function useMarketImport(kind: MarketKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<ImportOutcome> => {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const res = await request('POST', `/api/v1/market/${kind}/import`, { body: form });
        return { kind: 'created', created: ((await res.json()) as ImportReport).created };
      } catch (error) {
        if (error instanceof ApiError && error.code === 'import.rejected') {
          return { kind: 'rejected', message: error.message, problems: error.details };
        }
        throw error;
      }
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: marketKeys.all }),
  });
}

export const downloadMarketTemplate = (kind: MarketKind) =>
  download(`/api/v1/market/${kind}/import-template`, undefined, `${kind}-template.xlsx`);

export const downloadMarketExport = (kind: MarketKind, query: QueryParams) =>
  download(`/api/v1/market/${kind}/export`, query, `${kind}.xlsx`);
