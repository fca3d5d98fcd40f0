import type { Job, JobRun } from '@corridor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

/** GET /jobs */
export function useJobs() {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: ({ signal }) => api.get<{ items: Job[] }>('/api/v1/jobs', undefined, signal),
  });
}

/** GET /jobs/:name/runs */
export function useJobRuns(name: string | null) {
  return useQuery({
    queryKey: ['jobs', name, 'runs'],
    enabled: name !== null,
    queryFn: ({ signal }) =>
      api.get<{ items: JobRun[] }>(`/api/v1/jobs/${name}/runs`, undefined, signal),
  });
}

/** POST /jobs/:name/run */
export function useRunJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<JobRun>(`/api/v1/jobs/${name}/run`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
