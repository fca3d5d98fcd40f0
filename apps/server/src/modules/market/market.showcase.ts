import type { OpenCall, Page, ShowcaseItem } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { isListed } from './market.policy';
import { presentOpenCall, presentShowcase } from './market.present';
import * as repo from './market.repo';

/**
 * What anyone may read without signing in: achievements an official featured (and that are
 * still listed), and demands published as open calls. Public views carry no personal data.
 */
interface ShowcaseFilter {
  page: number;
  pageSize: number;
  field?: string | undefined;
  city?: string | undefined;
}

function filterOf(q: ShowcaseFilter) {
  return { ...(q.field ? { field: q.field } : {}), ...(q.city ? { city: q.city } : {}) };
}

export async function listShowcase(ctx: Ctx, q: ShowcaseFilter): Promise<Page<ShowcaseItem>> {
  const { total, rows } = await repo.showcaseRows(ctx.deps.db, filterOf(q), q.page, q.pageSize);
  return { items: rows.map(presentShowcase), total, page: q.page, pageSize: q.pageSize };
}

export async function getShowcaseItem(ctx: Ctx, id: number): Promise<ShowcaseItem> {
  const row = await repo.findAchievement(ctx.deps.db, id);
  if (row?.showcase !== 1 || !isListed(row.status)) {
    throw new AppError('market.achievement_not_found');
  }
  return presentShowcase(row);
}

export async function listOpenCalls(ctx: Ctx, q: ShowcaseFilter): Promise<Page<OpenCall>> {
  const { total, rows } = await repo.openCallRows(ctx.deps.db, filterOf(q), q.page, q.pageSize);
  return { items: rows.map(presentOpenCall), total, page: q.page, pageSize: q.pageSize };
}
