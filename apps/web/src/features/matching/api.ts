import type {
  EnterpriseMatchList,
  Feedback,
  Introduction,
  IntroductionAnswer,
  IntroductionInput,
  MatchList,
} from '@corridor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export type MatchSource = 'demands' | 'achievements';

export const matchingKeys = {
  matches: (source: MatchSource, id: number) => ['matching', source, id] as const,
  feedback: (id: number) => ['matching', 'feedback', id] as const,
  introductions: ['matching', 'introductions'] as const,
};

/**
 * Achievements for a demand, or published demands for an achievement. Only for accounts that
 * hold 'matching.read' (MatchSection decides before it renders the card that calls this).
 */
export function useMatches(source: MatchSource, id: number) {
  const target = source === 'demands' ? 'achievements' : 'demands';
  return useQuery({
    queryKey: matchingKeys.matches(source, id),
    queryFn: ({ signal }) =>
      api.get<MatchList>(`/api/v1/matching/${source}/${id}/${target}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Decline counts of an achievement: only its owners and officials get them (others 403). */
export function useFeedback(id: number, enabled: boolean) {
  return useQuery({
    queryKey: matchingKeys.feedback(id),
    queryFn: ({ signal }) =>
      api.get<Feedback>(`/api/v1/matching/achievements/${id}/feedback`, undefined, signal),
    enabled: enabled && Number.isInteger(id) && id > 0,
    retry: false,
  });
}

/** A broker's own introductions, or those made to the owner's organisation. */
export function useIntroductions(enabled = true) {
  return useQuery({
    queryKey: matchingKeys.introductions,
    queryFn: ({ signal }) =>
      api.get<{ items: Introduction[] }>('/api/v1/matching/introductions', undefined, signal),
    enabled,
  });
}

export function useIntroduce() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntroductionInput) =>
      api.post<Introduction>('/api/v1/matching/introductions', body),
    // Also on a refusal: a 409 means the pair was introduced meanwhile, which the list shows.
    onSettled: () => queryClient.invalidateQueries({ queryKey: matchingKeys.introductions }),
  });
}

export function useAnswer(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntroductionAnswer) =>
      api.post<Introduction>(`/api/v1/matching/introductions/${id}/answer`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['matching'] }),
  });
}

/** Enterprises whose published demands this achievement could serve, each with its best demand. */
export function useEnterpriseMatches(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['matching', 'enterprises', id],
    queryFn: ({ signal }) =>
      api.get<EnterpriseMatchList>(
        `/api/v1/matching/achievements/${id}/enterprises`,
        undefined,
        signal,
      ),
    enabled: enabled && Number.isInteger(id) && id > 0,
  });
}
