import type { CityBrokerList, CityCode } from '@corridor/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

/** GET /matching/brokers?city=: a city's brokers and how their introductions fared. */
export function useCityBrokers(city: CityCode, enabled = true) {
  return useQuery({
    queryKey: ['matching', 'brokers', city] as const,
    queryFn: ({ signal }) => api.get<CityBrokerList>('/api/v1/matching/brokers', { city }, signal),
    enabled,
  });
}
