import type {
  Certificate,
  CertificateInput,
  CertificateList,
  CityCode,
  FieldProblem,
  IndicatorChange,
  IndicatorCorrection,
  IndicatorImportReport,
  IndicatorYear,
  IndicatorYearInput,
  OrgTiers,
  TierStats,
} from '@corridor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, download, request } from '../../app/api';

export interface IndicatorYearList {
  orgId: number;
  years: IndicatorYear[];
  abilities: { edit: boolean; certificates: boolean; history: boolean };
}

export const indicatorKeys = {
  all: ['indicators'] as const,
  org: (orgId: number) => ['indicators', 'org', orgId] as const,
  years: (orgId: number) => ['indicators', 'org', orgId, 'years'] as const,
  history: (orgId: number, year: number) => ['indicators', 'org', orgId, 'history', year] as const,
  tiers: (orgId: number, year: number | undefined) =>
    ['indicators', 'org', orgId, 'tiers', year ?? 'latest'] as const,
  certificates: (orgId: number) => ['indicators', 'org', orgId, 'certificates'] as const,
  stats: (year: number) => ['indicators', 'stats', year] as const,
};

const base = (orgId: number) => `/api/v1/orgs/${orgId}`;

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await request(method, path, body === undefined ? {} : { body });
  return (await res.json()) as T;
}

/** GET /orgs/:id/indicators — every year with values and provenance (403 when not allowed). */
export function useIndicatorYears(orgId: number, enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.years(orgId),
    queryFn: ({ signal }) =>
      api.get<IndicatorYearList>(`${base(orgId)}/indicators`, undefined, signal),
    enabled,
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Anything about the org's indicators changed: years, tiers, certificates, history. */
function useInvalidateOrg(orgId: number) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: indicatorKeys.org(orgId) });
}

/** PUT /orgs/:id/indicators/:year (the whole year from the form). */
export function useSaveYear(orgId: number) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: ({ year, input }: { year: number; input: IndicatorYearInput }) =>
      send<IndicatorYear>('PUT', `${base(orgId)}/indicators/${year}`, input),
    onSuccess: () => invalidate(),
  });
}

/** PATCH /orgs/:id/indicators/:year (a correction with its reason). */
export function useCorrectYear(orgId: number) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: IndicatorCorrection }) =>
      send<IndicatorYear>('PATCH', `${base(orgId)}/indicators/${year}`, body),
    onSuccess: () => invalidate(),
  });
}

export function useIndicatorHistory(orgId: number, year: number | null) {
  return useQuery({
    queryKey: indicatorKeys.history(orgId, year ?? 0),
    queryFn: ({ signal }) =>
      api.get<{ items: IndicatorChange[] }>(
        `${base(orgId)}/indicators/${year}/history`,
        undefined,
        signal,
      ),
    enabled: year !== null,
  });
}

/** GET /orgs/:id/tiers?year= — the ladder evaluation. */
export function useOrgTiers(orgId: number, year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.tiers(orgId, year),
    queryFn: ({ signal }) => api.get<OrgTiers>(`${base(orgId)}/tiers`, { year }, signal),
    enabled,
  });
}

export function useCertificates(orgId: number, enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.certificates(orgId),
    queryFn: ({ signal }) =>
      api.get<CertificateList>(`${base(orgId)}/certificates`, undefined, signal),
    enabled,
  });
}

export function useAddCertificate(orgId: number) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: (input: CertificateInput) =>
      send<Certificate>('POST', `${base(orgId)}/certificates`, input),
    onSuccess: () => invalidate(),
  });
}

export function useRemoveCertificate(orgId: number) {
  const invalidate = useInvalidateOrg(orgId);
  return useMutation({
    mutationFn: (id: number) => send<{ ok: true }>('DELETE', `${base(orgId)}/certificates/${id}`),
    onSuccess: () => invalidate(),
  });
}

/** GET /tiers/stats?year= — per city × tier counts (officials). */
export function useTierStats(year: number) {
  return useQuery({
    queryKey: indicatorKeys.stats(year),
    queryFn: ({ signal }) => api.get<TierStats>('/api/v1/tiers/stats', { year }, signal),
  });
}

export type IndicatorImportOutcome =
  | ({ kind: 'done' } & IndicatorImportReport)
  | { kind: 'rejected'; message: string; problems: FieldProblem[] };

/** POST /indicators/import (multipart, field `file`); a refused file comes back as a report. */
export function useImportIndicators() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<IndicatorImportOutcome> => {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const res = await request('POST', '/api/v1/indicators/import', { body: form });
        return { kind: 'done', ...((await res.json()) as IndicatorImportReport) };
      } catch (error) {
        if (error instanceof ApiError && error.code === 'import.rejected') {
          return { kind: 'rejected', message: error.message, problems: error.details };
        }
        throw error;
      }
    },
    onSuccess: (outcome) => {
      if (outcome.kind === 'done')
        void queryClient.invalidateQueries({ queryKey: indicatorKeys.all });
    },
  });
}

export function downloadIndicatorTemplate() {
  return download('/api/v1/indicators/import-template', undefined, 'indicators-template.xlsx');
}

export function downloadIndicatorExport(year: number, city?: CityCode) {
  return download('/api/v1/indicators/export', { year, city }, `indicators-${year}.xlsx`);
}
