import type {
  Deal,
  Negotiation,
  NegotiationAbandon,
  NegotiationContract,
  NegotiationDetail,
  NegotiationMessageInput,
  NegotiationOpen,
  NegotiationStatus,
} from '@corridor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

/** GET /negotiations: the threads the caller takes part in. */
export function useNegotiations(status?: NegotiationStatus) {
  return useQuery({
    queryKey: ['negotiations', 'list', status ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<{ items: Negotiation[] }>('/api/v1/negotiations', { status }, signal),
  });
}

export function useNegotiation(id: number) {
  return useQuery({
    queryKey: ['negotiations', 'one', id],
    queryFn: ({ signal }) =>
      api.get<NegotiationDetail>(`/api/v1/negotiations/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
    // The other party writes too: a thread refreshes while it is open on screen.
    refetchInterval: 15_000,
  });
}

export function useOpenNegotiation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NegotiationOpen) =>
      api.post<NegotiationDetail>('/api/v1/negotiations', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['negotiations'] });
      void queryClient.invalidateQueries({ queryKey: ['market'] });
    },
  });
}

type Step =
  | { step: 'entries'; body: Partial<NegotiationMessageInput> }
  | { step: 'accept'; body: { entryId: number; version: number } }
  | { step: 'abandon'; body: NegotiationAbandon };

/** A step inside a thread: write, accept the latest offer, abandon. */
export function useNegotiationStep(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: Step) =>
      api.post<NegotiationDetail>(`/api/v1/negotiations/${id}/${s.step}`, s.body),
    onSuccess: (detail) => {
      queryClient.setQueryData(['negotiations', 'one', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['negotiations', 'list'] });
    },
  });
}

/** The agreed terms become a contract draft (deals). */
export function useNegotiationContract(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NegotiationContract) =>
      api.post<{ negotiation: NegotiationDetail; deal: Deal }>(
        `/api/v1/negotiations/${id}/contract`,
        body,
      ),
    onSuccess: (r) => {
      queryClient.setQueryData(['negotiations', 'one', id], r.negotiation);
      void queryClient.invalidateQueries({ queryKey: ['negotiations', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}
