import type {
  CityCode,
  Deal,
  DealCitySummary,
  DealFlows,
  FieldCode,
  Page,
} from '@corridor/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

/**
 * Officials' statistics of registered contracts, and one city's contracts. Kept apart from
 * api.ts (the deals page's hooks); the keys sit under ['deals'] so a registration refreshes them.
 */
export const dealStatsKeys = {
  flows: (year: number, field: FieldCode | undefined) =>
    ['deals', 'flows', year, field ?? null] as const,
  citySummary: (city: CityCode, year: number) => ['deals', 'city-summary', city, year] as const,
  cityList: (city: CityCode, page: number, pageSize: number) =>
    ['deals', 'list', { city, page, pageSize }] as const,
};

/** GET /deals/flows: the 5×5 matrix of a signing year (and field). */
export function useDealFlows(year: number, field: FieldCode | undefined) {
  return useQuery({
    queryKey: dealStatsKeys.flows(year, field),
    queryFn: ({ signal }) => api.get<DealFlows>('/api/v1/deals/flows', { year, field }, signal),
    placeholderData: keepPreviousData,
  });
}

/** GET /deals/cities/:city/summary: the city as seller, as buyer, and within itself. */
export function useDealCitySummary(city: CityCode, year: number, enabled: boolean) {
  return useQuery({
    queryKey: dealStatsKeys.citySummary(city, year),
    queryFn: ({ signal }) =>
      api.get<DealCitySummary>(`/api/v1/deals/cities/${city}/summary`, { year }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** GET /deals?city=: contracts where the city sells or buys (within the caller's scope). */
export function useCityDeals(city: CityCode, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: dealStatsKeys.cityList(city, page, pageSize),
    queryFn: ({ signal }) => api.get<Page<Deal>>('/api/v1/deals', { city, page, pageSize }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}
