import type { AuditEvent, AuditVerify, Page } from '@corridor/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export interface AuditFilters {
  action?: string;
  outcome?: 'success' | 'failure' | 'denied';
  /** Part of the actor's user name. */
  actor?: string;
  objectType?: string;
  /** One object's history (with objectType). */
  objectId?: string;
  /** YYYY-MM-DD */
  from?: string;
  /** YYYY-MM-DD */
  to?: string;
}
export interface AuditListQuery extends AuditFilters {
  page: number;
  pageSize: number;
}

/** GET /audit/events */
export function useAuditEvents(query: AuditListQuery) {
  return useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: ({ signal }) =>
      api.get<Page<AuditEvent>>('/api/v1/audit/events', { ...query }, signal),
    placeholderData: keepPreviousData,
  });
}

/** GET /audit/verify: re-computes the hash chain on the server (run on demand). */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => api.get<AuditVerify>('/api/v1/audit/verify'),
  });
}
