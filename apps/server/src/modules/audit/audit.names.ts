import { AUDIT_DETAIL_REFERENCES, type AuditObjectType } from '@corridor/contracts';
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
interface Ref {
  type: AuditObjectType;
  id: number;
}

function idOf(value: unknown): number | null {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 2 ** 31 - 1
    ? Number(text)
    : null;
}

function parsed(detail: string): Record<string, unknown> {
  try {
    const d: unknown = JSON.parse(detail);
    return typeof d === 'object' && d !== null && !Array.isArray(d)
      ? (d as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function objectRef(e: Named, detail: Record<string, unknown>): Ref | null {
  const type = e.objectType as AuditObjectType | null;
  if (!type) return null;
  if (BY_ORG[type]) {
    const orgId = idOf(detail.orgId);
    return orgId ? { type: 'org', id: orgId } : null;
  }
  const id = idOf(e.objectId);
  return id && NAMES[type] ? { type, id } : null;
}

/** The objects a detail refers to (its achievementId, orgId …), by detail key. */
function detailRefs(detail: Record<string, unknown>): [string, Ref][] {
  const out: [string, Ref][] = [];
  for (const [key, type] of Object.entries(AUDIT_DETAIL_REFERENCES)) {
    const id = idOf(detail[key]);
    if (id && NAMES[type]) out.push([key, { type, id }]);
  }
  return out;
}

/**
 * For each event (in order): the name of its object (null: none known) and the names of the
 * objects its detail refers to. One query per type for the whole page.
 */
export async function objectNames(
  ctx: Ctx,
  events: readonly Named[],
): Promise<{ objectName: string | null; detailNames: Record<string, string> }[]> {
  const refs = events.map((e) => {
    const detail = parsed(e.detail);
    return { object: objectRef(e, detail), details: detailRefs(detail) };
  });
  const wanted = new Map<AuditObjectType, Set<number>>();
  const want = (r: Ref) => wanted.set(r.type, (wanted.get(r.type) ?? new Set()).add(r.id));
  for (const r of refs) {
    if (r.object) want(r.object);
    for (const [, ref] of r.details) want(ref);
  }
  const found = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      for (const row of await NAMES[type]!(ctx, [...ids])) found.set(`${type}:${row.id}`, row.name);
    }),
  );
  const nameOf = (r: Ref) => found.get(`${r.type}:${r.id}`);
  return refs.map((r) => ({
    objectName: r.object ? (nameOf(r.object) ?? null) : null,
    detailNames: Object.fromEntries(
      r.details.flatMap(([key, ref]) => {
        const name = nameOf(ref);
        return name ? [[key, name]] : [];
      }),
    ),
  }));
}
