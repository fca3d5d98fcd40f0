import {
  type Ability,
  type AchievementStatus,
  can,
  type DemandStatus,
  type MatchingViewer,
  mayReadFeedback,
} from '@corridor/contracts';
import { isApiError } from '../../app/api';

/**
 * What the 匹配推荐 card of a market record shows this account, decided from the Me object before
 * anything is fetched: a page never asks for what the account's role may not have (a talent's
 * or a publisher's page asked for matches and showed a red 没有权限执行此操作).
 * The same abilities decide the server's route access ('matching.read' → MATCHING_READERS).
 */
export type MatchViewer = MatchingViewer & { readonly abilities: readonly Ability[] };

export type MatchRecord =
  | {
      kind: 'achievement';
      status: AchievementStatus;
      org: { id: number };
      regionCode: string;
    }
  | {
      kind: 'demand';
      status: DemandStatus;
      org: { id: number };
      regionCode: string;
    };

export interface MatchPanels {
  /** The card itself, with its list of matches (and, for an achievement, of enterprises). */
  matches: boolean;
  /** The 引荐 button beside each match. */
  introduce: boolean;
  /** The owner's decline counts (an achievement's owners and officials). */
  feedback: boolean;
}

/** Records that are matched: listed ones (an achievement in negotiation may still find more). */
function listed(record: MatchRecord): boolean {
  return record.kind === 'demand'
    ? record.status === 'published'
    : record.status === 'published' || record.status === 'in_negotiation';
}

export function matchPanels(me: MatchViewer | null | undefined, record: MatchRecord): MatchPanels {
  const matches = !!me && listed(record) && can(me, 'matching.read');
  return {
    matches,
    introduce: matches && can(me, 'matching.broker'),
    feedback: matches && record.kind === 'achievement' && mayReadFeedback(me!, record),
  };
}

/**
 * A refusal the page could not foresee (the role changed since the page loaded, a race): shown
 * as a polite info line, never as a red error.
 */
export function isRefusal(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}
