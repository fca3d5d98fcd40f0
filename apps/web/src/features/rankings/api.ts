import type {
  Correction,
  CorrectionDecision,
  CorrectionInput,
  Edition,
  EditionInput,
  Entry,
  InputRow,
  Page,
  RankingMethod,
  RankingMethodInput,
  VerifyResult,
} from '@corridor/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download } from '../../app/api';

const BASE = '/api/v1/rankings';

export interface EditionListQuery {
  status?: Edition['status'];
  year?: number;
  page: number;
  pageSize: number;
}
export interface RowQuery {
  city?: string;
  industry?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export const rankingKeys = {
  all: ['rankings'] as const,
  editions: (q: EditionListQuery) => ['rankings', 'editions', q] as const,
  edition: (id: number) => ['rankings', 'edition', id] as const,
  entries: (id: number, q: RowQuery) => ['rankings', 'entries', id, q] as const,
  inputs: (id: number, q: RowQuery) => ['rankings', 'inputs', id, q] as const,
  corrections: (id: number) => ['rankings', 'corrections', id] as const,
  methods: ['rankings', 'methods'] as const,
  verify: (id: number) => ['rankings', 'verify', id] as const,
};

/** GET /rankings/editions — the server shows each caller what it may see. */
export function useEditions(q: EditionListQuery) {
  return useQuery({
    queryKey: rankingKeys.editions(q),
    queryFn: ({ signal }) => api.get<Page<Edition>>(`${BASE}/editions`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEdition(id: number) {
  return useQuery({
    queryKey: rankingKeys.edition(id),
    queryFn: ({ signal }) => api.get<Edition>(`${BASE}/editions/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useEntries(id: number, q: RowQuery, enabled: boolean) {
  return useQuery({
    queryKey: rankingKeys.entries(id, q),
    queryFn: ({ signal }) =>
      api.get<Page<Entry>>(`${BASE}/editions/${id}/entries`, { ...q }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInputs(id: number, q: RowQuery, enabled: boolean) {
  return useQuery({
    queryKey: rankingKeys.inputs(id, q),
    queryFn: ({ signal }) =>
      api.get<Page<InputRow>>(`${BASE}/editions/${id}/inputs`, { ...q }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCorrections(id: number, enabled: boolean) {
  return useQuery({
    queryKey: rankingKeys.corrections(id),
    queryFn: ({ signal }) =>
      api.get<Page<Correction>>(
        `${BASE}/editions/${id}/corrections`,
        { page: 1, pageSize: 100 },
        signal,
      ),
    enabled,
  });
}

export function useVerify(id: number, enabled: boolean) {
  return useQuery({
    queryKey: rankingKeys.verify(id),
    queryFn: ({ signal }) =>
      api.get<VerifyResult>(`${BASE}/editions/${id}/verify`, undefined, signal),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMethod(id: number) {
  return useQuery({
    queryKey: [...rankingKeys.methods, id],
    queryFn: ({ signal }) => api.get<RankingMethod>(`${BASE}/methods/${id}`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY, // a published method never changes
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useMethods() {
  return useQuery({
    queryKey: rankingKeys.methods,
    queryFn: ({ signal }) =>
      api.get<Page<RankingMethod>>(`${BASE}/methods`, { page: 1, pageSize: 100 }, signal),
  });
}

/** Every write refreshes every rankings query: stages, counts and inputs move together. */
function useRankingMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: rankingKeys.all }),
  });
}

export const useCreateMethod = () =>
  useRankingMutation((input: RankingMethodInput) =>
    api.post<RankingMethod>(`${BASE}/methods`, input),
  );
export const usePublishMethod = () =>
  useRankingMutation(({ id, revision }: Pick<RankingMethod, 'id' | 'revision'>) =>
    api.post<RankingMethod>(`${BASE}/methods/${id}/publish`, { revision }),
  );
export const useCreateEdition = () =>
  useRankingMutation((input: EditionInput) => api.post<Edition>(`${BASE}/editions`, input));

/** open-window (with closing date), close-window, publish. */
export const useEditionStep = (id: number) =>
  useRankingMutation(({ step, version, body }: { step: string; version: number; body?: object }) =>
    api.post<Edition>(`${BASE}/editions/${id}/${step}`, { ...body, version }),
  );

export const useFileCorrection = (id: number) =>
  useRankingMutation((input: CorrectionInput) =>
    api.post<Correction>(`${BASE}/editions/${id}/corrections`, input),
  );
export const useDecideCorrection = () =>
  useRankingMutation(({ id, ...decision }: CorrectionDecision & { id: number }) =>
    api.post<Correction>(`${BASE}/corrections/${id}/decide`, decision),
  );

export function downloadEditionExcel(id: number, filter: { city?: string; industry?: string }) {
  return download(`${BASE}/editions/${id}/export`, filter, `ranking-edition-${id}.xlsx`);
}

/** The three files of the offline check, as plain links (no login needed). */
export function fileUrl(id: number, file: 'edition.json' | 'signature.hex' | 'publickey.hex') {
  return `${BASE}/editions/${id}/${file}`;
}
