import type {
  CityCode,
  FieldProblem,
  ImportReport,
  IndustryCode,
  Org,
  OrgInput,
  OrgType,
  OrgUpdate,
  Page,
} from '@corridor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, download, request } from '../../app/api';

export interface OrgFilters {
  city?: CityCode;
  type?: OrgType;
  industry?: IndustryCode;
  q?: string;
}
export interface OrgListQuery extends OrgFilters {
  page: number;
  pageSize: number;
}

export const orgKeys = {
  all: ['orgs'] as const,
  list: (q: OrgListQuery) => ['orgs', 'list', q] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
};

/** GET /orgs (server-side filters and paging). */
export function useOrgs(query: OrgListQuery) {
  return useQuery({
    queryKey: orgKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Org>>('/api/v1/orgs', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** GET /orgs/:id */
export function useOrg(id: number) {
  return useQuery({
    queryKey: orgKeys.detail(id),
    queryFn: ({ signal }) => api.get<Org>(`/api/v1/orgs/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** POST /orgs → 201 Org */
export function useCreateOrg() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgInput) => api.post<Org>('/api/v1/orgs', input),
    onSuccess: (org) => {
      queryClient.setQueryData(orgKeys.detail(org.id), org);
      void queryClient.invalidateQueries({ queryKey: ['orgs', 'list'] });
    },
  });
}

/** PATCH /orgs/:id with the version read (409 org.version_conflict when stale). */
export function useUpdateOrg(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: OrgUpdate) => api.patch<Org>(`/api/v1/orgs/${id}`, patch),
    onSuccess: (org) => {
      queryClient.setQueryData(orgKeys.detail(id), org);
      void queryClient.invalidateQueries({ queryKey: ['orgs', 'list'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'org.version_conflict') {
        void queryClient.invalidateQueries({ queryKey: orgKeys.detail(id) });
      }
    },
  });
}

/** The outcome of an upload: written, or refused with a row-level report (nothing written). */
export type ImportOutcome =
  | { kind: 'created'; created: number; problems: ImportReport['problems'] }
  | { kind: 'rejected'; message: string; problems: FieldProblem[] };

/** POST /orgs/import (multipart, field `file`). */
export function useImportOrgs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File): Promise<ImportOutcome> => {
      const form = new FormData();
      form.append('file', file, file.name);
      try {
        const res = await request('POST', '/api/v1/orgs/import', { body: form });
        const report = (await res.json()) as ImportReport;
        return { kind: 'created', created: report.created, problems: report.problems ?? [] };
      } catch (error) {
        if (error instanceof ApiError && error.code === 'import.rejected') {
          return { kind: 'rejected', message: error.message, problems: error.details };
        }
        throw error;
      }
    },
    onSuccess: (outcome) => {
      if (outcome.kind === 'created') void queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
  });
}

export function downloadOrgExport(filters: OrgFilters) {
  return download('/api/v1/orgs/export', { ...filters }, 'orgs.xlsx');
}

export function downloadImportTemplate() {
  return download('/api/v1/orgs/import-template', undefined, 'orgs-template.xlsx');
}
