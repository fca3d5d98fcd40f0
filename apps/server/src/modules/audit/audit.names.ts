import type { AuditObjectType } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { accountNames } from '../accounts/accounts.service';
import { dealNames } from '../deals/deals.service';
import { demandNames } from '../market/market.demand.service';
import { achievementNames } from '../market/market.service';
import { introductionNames } from '../matching/matching.intro.service';
import { negotiationNames } from '../negotiations/negotiations.service';
import { findOrgFactsByIds } from '../orgs/orgs.service';
import { methodNames } from '../rankings/rankings.methods.service';
import { editionNames } from '../rankings/rankings.service';

/**
 * The audit log stores an object as type and id ("org 32"); the auditor reads its name. Each
 * type's owner says what its objects are called, asked once per page and type. Names are what
 * the registry shows anyway (an organisation's, a contract's project, an account's user name),
 * never a person's name.
 */
type Names = (ctx: Ctx, ids: readonly number[]) => Promise<{ id: number; name: string }[]>;

const orgNames: Names = (ctx, ids) => findOrgFactsByIds(ctx, [...ids]);

const NAMES: Partial<Record<AuditObjectType, Names>> = {
  account: accountNames,
  org: orgNames,
  market_achievement: achievementNames,
  market_demand: demandNames,
  matching_introduction: introductionNames,
  negotiation: negotiationNames,
  deal: dealNames,
  ranking_edition: editionNames,
  ranking_method: methodNames,
};

/** Objects named through the organisation in their detail (a year of figures, a certificate). */
const BY_ORG: Partial<Record<AuditObjectType, true>> = { indicator_year: true, certificate: true };

interface Named {
  objectType: string | null;
  objectId: string | null;
  detail: string;
}

function idOf(text: string | null): number | null {
  return text && /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2 ** 31 - 1 ? Number(text) : null;
}

function orgIdOf(detail: string): number | null {
  try {
    const orgId = (JSON.parse(detail) as { orgId?: unknown }).orgId;
    return typeof orgId === 'number' ? idOf(String(orgId)) : null;
  } catch {
    return null;
  }
}

/** The name of each event's object, in the order of the events (null: none known). */
export async function objectNames(ctx: Ctx, events: readonly Named[]): Promise<(string | null)[]> {
  const refs = events.map((e): { type: AuditObjectType; id: number } | null => {
    const type = e.objectType as AuditObjectType | null;
    if (!type) return null;
    if (BY_ORG[type]) {
      const orgId = orgIdOf(e.detail);
      return orgId ? { type: 'org', id: orgId } : null;
    }
    const id = idOf(e.objectId);
    return id && NAMES[type] ? { type, id } : null;
  });
  const wanted = new Map<AuditObjectType, Set<number>>();
  for (const r of refs) if (r) wanted.set(r.type, (wanted.get(r.type) ?? new Set()).add(r.id));
  const found = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      for (const row of await NAMES[type]!(ctx, [...ids])) found.set(`${type}:${row.id}`, row.name);
    }),
  );
  return refs.map((r) => (r ? (found.get(`${r.type}:${r.id}`) ?? null) : null));
}
