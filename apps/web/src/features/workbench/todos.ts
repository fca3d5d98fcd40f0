import {
  can,
  type Deal,
  type Introduction,
  type Me,
  type Negotiation,
  type Page,
} from '@corridor/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';

export const TODO_KINDS = [
  'dealsToSign',
  'dealsToRegister',
  'offersWaiting',
  'introsToAnswer',
  'reviews',
  'registrations',
] as const;

/** A to-do of the workbench: what waits for the user, how many, and where to act on it. */
export interface Todo {
  key: (typeof TODO_KINDS)[number];
  count: number;
  /** More than the first page holds (the count is a lower bound). */
  more: boolean;
  link: string;
}

const PAGE = 100;

/** Counts from the lists the user already reads (each scoped by the server), first page only. */
async function collect(me: Me, signal: AbortSignal): Promise<Todo[]> {
  const get = <T>(url: string, query?: Record<string, string | number>) =>
    api.get<T>(url, query, signal);
  const jobs: Promise<Todo | null>[] = [];
  if (can(me, 'deals.read')) {
    jobs.push(
      get<Page<Deal>>('/api/v1/deals', { status: 'draft', pageSize: PAGE }).then((p) => ({
        key: 'dealsToSign',
        count: p.items.filter((d) => d.abilities.sign).length,
        more: p.total > PAGE,
        link: '/app/deals?status=draft',
      })),
    );
    if (me.roles.includes('city_admin'))
      jobs.push(
        get<Page<Deal>>('/api/v1/deals', { status: 'signed', pageSize: PAGE }).then((p) => ({
          key: 'dealsToRegister',
          count: p.items.filter((d) => d.abilities.register).length,
          more: p.total > PAGE,
          link: '/app/deals?status=signed',
        })),
      );
  }
  if (can(me, 'deals.negotiate'))
    jobs.push(
      get<{ items: Negotiation[] }>('/api/v1/negotiations', { status: 'open' }).then((r) => ({
        key: 'offersWaiting',
        count: r.items.filter((n) => n.abilities.acceptEntryId !== null).length,
        more: false,
        link: '/app/negotiations',
      })),
    );
  // Introductions wait for the achievement's owner; a broker's own are waiting for others.
  if (can(me, 'market.own') && !me.roles.includes('broker'))
    jobs.push(
      get<{ items: Introduction[] }>('/api/v1/matching/introductions').then((r) => ({
        key: 'introsToAnswer',
        count: r.items.filter((i) => i.status === 'pending').length,
        more: false,
        link: '/app/market/introductions',
      })),
    );
  if (can(me, 'market.curate'))
    jobs.push(
      get<Page<unknown>>('/api/v1/market/achievements', {
        scope: 'city',
        status: 'submitted',
        pageSize: 1,
      }).then((p) => ({
        key: 'reviews',
        count: p.total,
        more: false,
        link: '/app/market/work?status=submitted',
      })),
    );
  if (can(me, 'registrations.review'))
    jobs.push(
      get<Page<unknown>>('/api/v1/registrations', { status: 'pending', pageSize: 1 }).then((p) => ({
        key: 'registrations',
        count: p.total,
        more: false,
        link: '/app/registrations',
      })),
    );
  return (await Promise.all(jobs)).filter((t): t is Todo => t !== null);
}

/** The user's to-dos; each list is asked only when the user's abilities open it. */
export function useTodos(me: Me | null | undefined) {
  return useQuery({
    queryKey: ['workbench', 'todos', me?.id],
    queryFn: ({ signal }) => collect(me!, signal),
    enabled: !!me,
  });
}

/** Whether the account has work that arrives from others (its landing page is the workbench). */
export function hasWorkbench(me: {
  readonly abilities: Me['abilities'] | readonly Me['abilities'][number][];
}): boolean {
  return (
    [
      'deals.read',
      'deals.negotiate',
      'market.own',
      'market.curate',
      'registrations.review',
    ] as const
  ).some((a) => can(me, a));
}
