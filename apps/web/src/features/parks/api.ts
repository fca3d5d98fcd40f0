import type {
  Figure,
  FigureInput,
  Park,
  ParkInput,
  ParkSplit,
  Payment,
  PaymentInput,
  PhaseInput,
  Statement,
} from '@corridor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, download, request } from '../../app/api';

const keys = {
  all: ['parks'] as const,
  park: (id: number) => ['parks', id] as const,
};

export const useParks = () =>
  useQuery({
    queryKey: keys.all,
    queryFn: ({ signal }) => api.get<{ items: Park[] }>('/api/v1/parks', undefined, signal),
  });

export const usePark = (id: number) =>
  useQuery({
    queryKey: keys.park(id),
    queryFn: ({ signal }) => api.get<Park>(`/api/v1/parks/${id}`, undefined, signal),
  });

const useSub = <T>(id: number, what: string) =>
  useQuery({
    queryKey: [...keys.park(id), what],
    queryFn: ({ signal }) => api.get<T>(`/api/v1/parks/${id}/${what}`, undefined, signal),
  });
export const useFigures = (id: number) => useSub<{ items: Figure[] }>(id, 'figures');
export const useSplit = (id: number) => useSub<ParkSplit>(id, 'split');
export const usePayments = (id: number) => useSub<{ items: Payment[] }>(id, 'payments');
export const useStatement = (id: number) => useSub<Statement>(id, 'statement');

/** Every write refreshes the park and what is computed from it. */
function useParkWrite<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export const useCreatePark = () =>
  useParkWrite((v: ParkInput) => api.post<Park>('/api/v1/parks', v));
export const useAddPhase = (id: number) =>
  useParkWrite((v: PhaseInput) => api.post<Park>(`/api/v1/parks/${id}/phases`, v));
export const useUpdatePhase = (id: number) =>
  useParkWrite(({ phaseId, ...v }: Partial<PhaseInput> & { phaseId: number; version: number }) =>
    api.patch<Park>(`/api/v1/parks/${id}/phases/${phaseId}`, v),
  );
export const useAddFigure = (id: number) =>
  useParkWrite((v: FigureInput) => api.post<Figure>(`/api/v1/parks/${id}/figures`, v));
export const useUpdateFigure = (id: number) =>
  useParkWrite(
    ({
      figureId,
      ...v
    }: {
      figureId: number;
      version: number;
      valueWan?: number;
      incentivesWan?: number;
      note?: string | null;
    }) => api.patch<Figure>(`/api/v1/parks/${id}/figures/${figureId}`, v),
  );
export const useRecordPayment = (id: number) =>
  useParkWrite((v: PaymentInput) => api.post<Payment>(`/api/v1/parks/${id}/payments`, v));

export type FigureImportOutcome =
  | { kind: 'done'; created: number; updated: number; unchanged: number }
  | { kind: 'rejected'; problems: ApiError['details'] };

export const useImportFigures = (id: number) =>
  useParkWrite(async (file: File): Promise<FigureImportOutcome> => {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const res = await request('POST', `/api/v1/parks/${id}/figures/import`, { body: form });
      return { kind: 'done', ...(await res.json()) };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'import.rejected')
        return { kind: 'rejected', problems: error.details };
      throw error;
    }
  });

export const exportFigures = (id: number) =>
  download(`/api/v1/parks/${id}/figures/export`, undefined, 'park-figures.xlsx');
