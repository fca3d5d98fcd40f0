import type { CityCode, OrgType } from '@corridor/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export interface CityOverview {
  code: CityCode;
  orgCount: number;
  byType: Partial<Record<OrgType, number>>;
}

/** GET /public/overview: open to everyone, no session needed. */
export interface PublicOverview {
  totals: { orgs: number };
  cities: CityOverview[];
  updatedAt: string;
}

export function usePublicOverview() {
  return useQuery({
    queryKey: ['public', 'overview'],
    queryFn: ({ signal }) => api.get<PublicOverview>('/api/v1/public/overview', undefined, signal),
    staleTime: 60_000,
  });
}
