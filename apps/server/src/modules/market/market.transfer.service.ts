import {
  ACHIEVEMENT_SHEET_COLUMNS,
  AchievementInputSchema,
  DEMAND_SHEET_COLUMNS,
  DemandInputSchema,
  type ImportReport,
  type MarketListQuery,
} from '@corridor/contracts';
import { writeAudit, writeAuditAlone } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError, type ProblemInput } from '../../core/errors';
import { assertSafeXlsx } from '../../core/excel/guard';
import { problemsFromZodIssues } from '../../core/http/zod-problems';
import { findOrgRefsByCreditCodes, getOrgSummary } from '../orgs/orgs.service';
import {
  ACHIEVEMENT_SHEET,
  achievementCandidate,
  achievementExport,
  columnLetter,
  DEMAND_SHEET,
  demandCandidate,
  demandExport,
  readSheet,
} from './market.excel';
import { isOfficialOf, isOwnerMember, OWNER_ORG_TYPES } from './market.policy';
import { presentAchievement, presentDemand } from './market.present';
import * as repo from './market.repo';
import { auditDetail, columnsOf, listFilter, requireMarketUser } from './market.service';

/**
 * Excel import (as drafts; all rows or none, every bad row reported with row, column, reason)
 * and export (the caller's list scope, audited). Owners import for their own organisation;
 * officials for organisations of their city, named by credit code.
 */
export const MAX_EXPORT_ROWS = 50_000;
type Kind = 'achievement' | 'demand';

interface OrgRef {
  id: number;
  type: string;
  regionCode: string;
}

async function resolveOrgs(ctx: Ctx, codes: string[]) {
  const refs = await findOrgRefsByCreditCodes(ctx, codes);
  return new Map(refs.map((r) => [r.creditCode, r]));
}

export async function importRecords(
  ctx: Ctx,
  kind: Kind,
  buffer: Buffer,
  fileName: string,
): Promise<ImportReport> {
  const actor = requireMarketUser(ctx);
  await assertSafeXlsx(buffer);
  const columns = kind === 'achievement' ? ACHIEVEMENT_SHEET_COLUMNS : DEMAND_SHEET_COLUMNS;
  const sheet = kind === 'achievement' ? ACHIEVEMENT_SHEET : DEMAND_SHEET;
  const { rows, problems } = await readSheet(buffer, columns, sheet);
  const codes = [...new Set(rows.map((r) => r.raw.orgCreditCode?.toUpperCase()).filter(Boolean))];
  const orgs = await resolveOrgs(ctx, codes as string[]);
  const own = actor.orgId ? await findOrgIdRef(ctx, actor.orgId) : null;

  const ready: { org: OrgRef; values: Record<string, unknown> }[] = [];
  for (const { row, raw } of rows) {
    const problem = (field: string, code: string): ProblemInput => ({
      row,
      column: columnLetter(columns, field),
      field,
      code,
    });
    const code = raw.orgCreditCode?.toUpperCase();
    let org: OrgRef | undefined;
    if (!code) {
      if (own && isOwnerMember(actor, own.id)) org = own;
      else problems.push(problem('orgCreditCode', 'required'));
    } else {
      org = orgs.get(code);
      if (!org) problems.push(problem('orgCreditCode', 'market.org_unknown'));
      else if (!isOwnerMember(actor, org.id) && !isOfficialOf(actor, org.regionCode)) {
        problems.push(problem('orgCreditCode', 'market.org_not_allowed'));
        org = undefined;
      } else if (!OWNER_ORG_TYPES.includes(org.type)) {
        problems.push(problem('orgCreditCode', 'market.org_type'));
        org = undefined;
      }
    }
    const parsed =
      kind === 'achievement'
        ? AchievementInputSchema.safeParse(achievementCandidate(raw))
        : DemandInputSchema.safeParse(demandCandidate(raw));
    if (!parsed.success) {
      // One reason per field and code (a date can fail its pattern and its calendar check).
      const seen = new Set<string>();
      for (const p of problemsFromZodIssues(parsed.error.issues)) {
        if (seen.has(`${p.field}|${p.code}`)) continue;
        seen.add(`${p.field}|${p.code}`);
        problems.push({ ...p, row, column: columnLetter(columns, p.field) });
      }
    } else if (org) ready.push({ org, values: parsed.data });
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ row: 2, column: 'B', field: 'title', code: 'required' });
  }
  const action = `market.${kind}.import` as const;
  if (problems.length > 0) {
    problems.sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''),
    );
    await writeAuditAlone(ctx, {
      action,
      outcome: 'failure',
      objectType: `market_${kind}`,
      detail: { file: fileName.slice(0, 100), rows: rows.length, problems: problems.length },
    });
    throw new AppError('import.rejected', problems.slice(0, 1000));
  }

  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    for (const { org, values } of ready) {
      const common = {
        orgId: org.id,
        regionCode: org.regionCode,
        status: 'draft',
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.id,
        updatedBy: actor.id,
      };
      const id =
        kind === 'achievement'
          ? await repo.insertAchievement(trx, {
              ...columnsOf(values as Parameters<typeof columnsOf>[0]),
              attachments: '[]',
              ...common,
              showcase: 0,
            })
          : await repo.insertDemand(trx, {
              ...(values as {
                title: string;
                description: string;
                field: string;
                industry: string | null;
                budgetWan: number | null;
                deadline: string;
              }),
              ...common,
              openCall: 0,
            });
      await writeAudit(trx, ctx, {
        action: `market.${kind}.create`,
        objectType: `market_${kind}`,
        objectId: id,
        regionCode: org.regionCode,
        detail:
          kind === 'achievement'
            ? { via: 'import', ...auditDetail(ctx, values as Parameters<typeof auditDetail>[1]) }
            : { via: 'import', title: values.title },
      });
    }
    await writeAudit(trx, ctx, {
      action,
      objectType: `market_${kind}`,
      detail: { file: fileName.slice(0, 100), created: ready.length },
    });
  });
  return { created: ready.length, problems: [] };
}

async function findOrgIdRef(ctx: Ctx, id: number): Promise<OrgRef | null> {
  const org = await getOrgSummary(ctx, id);
  return org ? { id: org.id, type: org.type, regionCode: org.regionCode } : null;
}

/** Exports the caller's list (own organisation, or an official's city), audited. */
export async function exportRecords(
  ctx: Ctx,
  kind: Kind,
  q: Pick<MarketListQuery, 'scope' | 'status' | 'city'>,
): Promise<Buffer> {
  const actor = requireMarketUser(ctx);
  const filter = listFilter(actor, q);
  let buffer: Buffer;
  let count = 0;
  if (kind === 'achievement') {
    const rows = filter
      ? (await repo.listAchievementRows(ctx.deps.db, filter, 1, MAX_EXPORT_ROWS)).rows
      : [];
    count = rows.length;
    const codes = new Map(rows.map((r) => [r.orgId, r.orgCreditCode]));
    buffer = await achievementExport(
      rows.map((r) => presentAchievement(actor, r)),
      codes,
    );
  } else {
    const rows = filter
      ? (await repo.listDemandRows(ctx.deps.db, filter, 1, MAX_EXPORT_ROWS)).rows
      : [];
    count = rows.length;
    const codes = new Map(rows.map((r) => [r.orgId, r.orgCreditCode]));
    buffer = await demandExport(
      rows.map((r) => presentDemand(actor, r)),
      codes,
    );
  }
  await writeAuditAlone(ctx, {
    action: `market.${kind}.export`,
    objectType: `market_${kind}`,
    detail: { filter: q, rows: count },
  });
  return buffer;
}
