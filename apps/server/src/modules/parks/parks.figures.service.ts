/** Yearly figures of a park, their split per party and the corridor totals. */
import {
  CITY_CODES,
  corridorTotals,
  type Figure,
  type FigureInput,
  type FigurePatch,
  fromCents,
  type ParkSplit,
  type ParkTotals,
  phaseForYear,
  SHARED_ITEMS,
  type SharedItem,
  type SplitResult,
  splitFigure,
  toCents,
} from '@corridor/contracts';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { claimVersion } from '../../core/db/row-version';
import { AppError, fieldError } from '../../core/errors';
import { canEnterFigure, listScope } from './parks.policy';
import { phaseOf, presentFigure, type StoredPhase } from './parks.present';
import * as repo from './parks.repo';
import { type LoadedPark, loadPark } from './parks.service';

export async function listFigures(ctx: Ctx, parkId: number): Promise<{ items: Figure[] }> {
  await loadPark(ctx, parkId);
  return { items: (await repo.figuresOf(ctx.deps.db, [parkId])).map(presentFigure) };
}

/** A figure may be entered only for a year some phase of the agreement reaches. */
export function assertYearInAgreement(park: LoadedPark, year: number) {
  if (!phaseForYear(park.phases, year)) throw fieldError('year', 'parks.year_outside');
}

export async function addFigure(ctx: Ctx, parkId: number, input: FigureInput): Promise<Figure> {
  const park = await loadPark(ctx, parkId);
  const reportedBy = input.reportedBy ?? park.row.hostCity;
  if (!park.cities.includes(reportedBy)) throw fieldError('reportedBy', 'parks.not_a_party');
  if (!canEnterFigure(ctx.actor!, { parties: park.cities }, reportedBy))
    throw new AppError('permission.denied');
  assertYearInAgreement(park, input.year);
  if (await repo.findFigureByKey(ctx.deps.db, parkId, input.year, input.item))
    throw new AppError('park.figure_exists');
  const now = new Date().toISOString();
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const figureId = await repo.insertFigure(trx, {
      parkId,
      year: input.year,
      item: input.item,
      valueWan: input.valueWan,
      incentivesWan: input.incentivesWan,
      reportedBy,
      note: input.note,
      version: 1,
      createdAt: now,
      createdBy: ctx.actor!.id,
      updatedAt: now,
      updatedBy: ctx.actor!.id,
    });
    await writeAudit(trx, ctx, {
      action: 'park.figure.create',
      objectType: 'park_figure',
      objectId: figureId,
      regionCode: reportedBy,
      detail: {
        parkId,
        year: input.year,
        item: input.item,
        valueWan: input.valueWan,
        incentivesWan: input.incentivesWan,
      },
    });
    return figureId;
  });
  return presentFigure((await repo.findFigure(ctx.deps.db, parkId, id))!);
}

export async function updateFigure(
  ctx: Ctx,
  parkId: number,
  figureId: number,
  patch: FigurePatch,
): Promise<Figure> {
  const park = await loadPark(ctx, parkId);
  const row = await repo.findFigure(ctx.deps.db, parkId, figureId);
  if (!row) throw new AppError('park.figure_not_found');
  if (!canEnterFigure(ctx.actor!, { parties: park.cities }, row.reportedBy))
    throw new AppError('permission.denied');
  const { version, ...fields } = patch;
  const value = fields.valueWan ?? row.valueWan;
  const incentives = fields.incentivesWan ?? row.incentivesWan;
  if (incentives > value)
    throw fieldError(
      fields.incentivesWan !== undefined ? 'incentivesWan' : 'valueWan',
      'parks.incentives_exceed',
    );
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'parkFigures', figureId, version);
    await repo.updateFigure(trx, figureId, {
      ...set,
      updatedAt: new Date().toISOString(),
      updatedBy: ctx.actor!.id,
    });
    await writeAudit(trx, ctx, {
      action: 'park.figure.update',
      objectType: 'park_figure',
      objectId: figureId,
      regionCode: row.reportedBy,
      detail: { parkId, year: row.year, item: row.item, fromVersion: version, ...set },
    });
  });
  return presentFigure((await repo.findFigure(ctx.deps.db, parkId, figureId))!);
}

/** Every figure of a park shared by the rule of its year's phase; the rest listed as unshared. */
export function computeSplits(
  cities: readonly string[],
  phases: readonly StoredPhase[],
  figures: readonly repo.FigureRow[],
): ParkSplit {
  const out: ParkSplit = { splits: [], unshared: [] };
  for (const f of figures) {
    const item = f.item as SharedItem;
    const phase = phaseForYear(phases, f.year);
    if (!phase) {
      out.unshared.push({ year: f.year, item, reason: 'no_phase' });
      continue;
    }
    const s = splitFigure(
      {
        year: f.year,
        item,
        valueWan: f.valueWan,
        incentivesWan: f.incentivesWan,
        reportedBy: f.reportedBy,
      },
      phase,
      cities,
    );
    if (s) out.splits.push({ ...s, phaseId: phase.id });
    else out.unshared.push({ year: f.year, item, reason: 'no_rule' });
  }
  return out;
}

export async function getSplit(ctx: Ctx, parkId: number): Promise<ParkSplit> {
  const park = await loadPark(ctx, parkId);
  return computeSplits(park.cities, park.phases, await repo.figuresOf(ctx.deps.db, [parkId]));
}

/**
 * What each city reports from every park it is a party to, and the corridor total, for a year:
 * a double-counted figure is in full in each party's line and once in the corridor's.
 */
export async function getTotals(ctx: Ctx, year: number): Promise<ParkTotals> {
  if (listScope(ctx.actor!) === null) throw new AppError('permission.denied');
  const db = ctx.deps.db;
  const figures = await repo.figuresOfYear(db, year);
  const ids = [...new Set(figures.map((f) => f.parkId))];
  const [parties, phases] = await Promise.all([repo.partiesOf(db, ids), repo.phasesOf(db, ids)]);
  const all: SplitResult[] = [];
  for (const id of ids) {
    const cities = parties.filter((p) => p.parkId === id).map((p) => p.cityCode);
    const own = phases.filter((p) => p.parkId === id).map(phaseOf);
    all.push(
      ...computeSplits(
        cities,
        own,
        figures.filter((f) => f.parkId === id),
      ).splits,
    );
  }
  return { year, items: totalsByItem(all) };
}

export function totalsByItem(splits: readonly SplitResult[]): ParkTotals['items'] {
  return SHARED_ITEMS.flatMap((item) => {
    const of = splits.filter((s) => s.item === item);
    if (of.length === 0) return [];
    const t = corridorTotals(of);
    const byCity = CITY_CODES.filter((c) => t.byCity[c] !== undefined).map((cityCode) => ({
      cityCode,
      valueWan: t.byCity[cityCode]!,
    }));
    const citiesSum = byCity.reduce((a, c) => a + toCents(c.valueWan), 0);
    return [{ item, byCity, corridorWan: t.corridorWan, citiesSumWan: fromCents(citiesSum) }];
  });
}
