import type { ZodType } from 'zod';
import type { Actor, Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { problemsFromZodIssues } from '../../core/http/zod-problems';
import { getOrgSummary } from '../orgs/orgs.service';
import { canCreateFor, canEdit, canUseMarket, type OwnedRecord } from './market.policy';

/**
 * The rules achievements and demands share while they are drafts: who files one (a user of an
 * organisation that may list), who edits it (its own users, drafts only, at the version read),
 * and how a partial edit is validated (merged into the stored values, checked as a whole).
 */

/** The caller's organisation, which will own a new record; 403 when it may not list. */
export async function creatorOrg(ctx: Ctx) {
  const actor = ctx.actor;
  if (!actor || !canUseMarket(actor)) throw new AppError('permission.denied');
  const org = actor.orgId ? await getOrgSummary(ctx, actor.orgId) : null;
  if (!org || !canCreateFor(actor, org)) throw new AppError('permission.denied');
  return { actor, org };
}

/**
 * The fields a patch really changes, after the edit rules; null when it changes nothing
 * (the record is answered as it is).
 */
export function draftChanges<P extends { version: number }>(
  actor: Actor,
  row: OwnedRecord & { version: number },
  patch: P,
): { version: number; changed: Record<string, unknown> } | null {
  if (!canEdit(actor, row)) throw new AppError('permission.denied');
  if (row.status !== 'draft') throw new AppError('market.not_editable');
  const { version, ...fields } = patch;
  if (version !== row.version) throw new AppError('market.version_conflict');
  const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return Object.keys(changed).length === 0 ? null : { version, changed };
}

/** The stored values with the changes, validated whole (400 naming the fields otherwise). */
export function mergedValues<T>(
  schema: ZodType<T>,
  base: object,
  changed: Record<string, unknown>,
): T {
  const parsed = schema.safeParse({ ...base, ...changed });
  if (!parsed.success)
    throw new AppError('validation.failed', problemsFromZodIssues(parsed.error.issues));
  return parsed.data;
}
