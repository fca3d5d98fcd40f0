import type { FileLinkType } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { getDeal } from '../deals/deals.service';
import { getAchievement } from '../market/market.service';
import type { FileRow } from './files.repo';

/**
 * Who may download a file: whoever may read the record it is attached to, by that record's own
 * module policy (an achievement: its readers; a contract: its parties and the officials who see
 * it). An unattached file only its uploader. Everyone else gets 404, like a missing file.
 */
const READ_CHECKS: Record<FileLinkType, (ctx: Ctx, id: number) => Promise<unknown>> = {
  market_achievement: getAchievement,
  deal: getDeal,
};

export async function requireReadable(ctx: Ctx, row: FileRow | undefined): Promise<FileRow> {
  const actor = ctx.actor;
  if (!row || !actor) throw new AppError('file.not_found');
  if (row.linkedType === null || row.linkedId === null) {
    if (row.uploadedBy !== actor.id) throw new AppError('file.not_found');
    return row;
  }
  const check = READ_CHECKS[row.linkedType as FileLinkType];
  if (!check) throw new AppError('file.not_found');
  try {
    await check(ctx, row.linkedId);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('file.not_found');
    throw error;
  }
  return row;
}
