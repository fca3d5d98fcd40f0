import type {
  CityCode,
  CityDetail,
  OfficialKpiEntry,
  OfficialKpiInput,
  OfficialKpiPatch,
  PublicCockpit,
} from '@corridor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export const cockpitKeys = {
  all: ['cockpit'] as const,
  public: (year: number) => ['cockpit', 'public', year] as const,
  city: (city: string, year: number) => ['cockpit', 'city', city, year] as const,
  official: ['cockpit', 'official'] as const,
};

/** GET /cockpit/public: aggregates only, no session needed. Refreshed every minute on screens. */
export function usePublicCockpit(year: number) {
  return useQuery({
    queryKey: cockpitKeys.public(year),
    queryFn: ({ signal }) => api.get<PublicCockpit>('/api/v1/cockpit/public', { year }, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

/** GET /cockpit/leaders/cities/:city (province any city, a city admin their own). */
export function useCityDetail(city: CityCode | null, year: number) {
  return useQuery({
    queryKey: cockpitKeys.city(city ?? '', year),
    queryFn: ({ signal }) =>
      api.get<CityDetail>(`/api/v1/cockpit/leaders/cities/${city}`, { year }, signal),
    enabled: city !== null,
    staleTime: 30_000,
  });
}

/** GET /cockpit/kpis/official: entries with their source and date, latest first. */
export function useOfficialKpis(enabled: boolean) {
  return useQuery({
    queryKey: cockpitKeys.official,
    queryFn: ({ signal }) =>
      api.get<{ items: OfficialKpiEntry[] }>('/api/v1/cockpit/kpis/official', undefined, signal),
    enabled,
  });
}

export function useEnterKpi() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OfficialKpiInput) =>
      api.post<OfficialKpiEntry>('/api/v1/cockpit/kpis/official', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cockpitKeys.all }),
  });
}

export function useUpdateKpi(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: OfficialKpiPatch) =>
      api.patch<OfficialKpiEntry>(`/api/v1/cockpit/kpis/official/${id}`, patch),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cockpitKeys.all }),
  });
}
