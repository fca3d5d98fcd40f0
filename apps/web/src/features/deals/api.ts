import type { Deal, DealInput, DealStatus, Page } from '@corridor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export interface DealListQuery {
  page: number;
  pageSize: number;
  status?: DealStatus;
}

/** GET /deals: the contracts the caller may see (the server applies the scope). */
export function useDeals(query: DealListQuery) {
  return useQuery({
    queryKey: ['deals', 'list', query],
    queryFn: ({ signal }) => api.get<Page<Deal>>('/api/v1/deals', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** POST /deals/:id/sign (the caller's side confirms) or /register (the seller city registers). */
export function useDealStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      version,
      step,
    }: {
      id: number;
      version: number;
      step: 'sign' | 'register';
    }) => api.post<Deal>(`/api/v1/deals/${id}/${step}`, { version }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['deals'] }),
  });
}

/** POST /deals/:id/refuse: the caller's organisation declines to sign, with its reason. */
export function useRefuseDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, reason }: { id: number; version: number; reason: string }) =>
      api.post<Deal>(`/api/v1/deals/${id}/refuse`, { version, reason }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['deals'] }),
  });
}

/** POST /deals: a contract draft entered directly (parties by credit code). */
export function useCreateDeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DealInput) => api.post<Deal>('/api/v1/deals', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['deals'] }),
  });
}

/** GET /deals/:id: one contract with its scans. */
export function useDeal(id: number) {
  return useQuery({
    queryKey: ['deals', 'one', id],
    queryFn: ({ signal }) => api.get<Deal>(`/api/v1/deals/${id}`, undefined, signal),
  });
}

/** POST /deals/:id/scans: attaches an uploaded scan of the contract. */
export function useAttachScan(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: number) => api.post<Deal>(`/api/v1/deals/${id}/scans`, { fileId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['deals'] }),
  });
}
