/** Parks and their agreements' phases: policy, validation, transaction with its audit event. */
import {
  overlapProblem,
  type Park,
  type ParkInput,
  type ParkPatch,
  type Party,
  type PhaseInput,
  type PhasePatch,
  type PhaseProblem,
  partiesProblem,
  phasePartyProblems,
  phaseShapeProblems,
} from '@corridor/contracts';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { claimVersion } from '../../core/db/row-version';
import { AppError, type ProblemInput } from '../../core/errors';
import { canCreatePark, canEditPark, canSeePark, listScope } from './parks.policy';
import { phaseOf, presentPark, type StoredPhase } from './parks.present';
import * as repo from './parks.repo';

export interface LoadedPark {
  row: repo.ParkRow;
  parties: repo.PartyRow[];
  cities: string[];
  phases: StoredPhase[];
}

const invalid = (problems: ProblemInput[]) => new AppError('validation.failed', problems);
const asProblems = (list: PhaseProblem[]): ProblemInput[] =>
  list.map((p) => ({ field: p.field, code: p.code, ...(p.params ? { params: p.params } : {}) }));

/** The park if the actor may see it; 404 otherwise (a non-party city learns nothing). */
export async function loadPark(ctx: Ctx, id: number): Promise<LoadedPark> {
  const db = ctx.deps.db;
  const row = await repo.findPark(db, id);
  if (!row) throw new AppError('park.not_found');
  const parties = await repo.partiesOf(db, [id]);
  const cities = parties.map((p) => p.cityCode);
  if (!canSeePark(ctx.actor!, { parties: cities })) throw new AppError('park.not_found');
  const phases = (await repo.phasesOf(db, [id])).map(phaseOf);
  return { row, parties, cities, phases };
}

const view = (ctx: Ctx, p: LoadedPark): Park =>
  presentPark(p.row, p.parties, p.phases, canEditPark(ctx.actor!, { parties: p.cities }));

export async function getPark(ctx: Ctx, id: number): Promise<Park> {
  return view(ctx, await loadPark(ctx, id));
}

export async function listParks(ctx: Ctx): Promise<{ items: Park[] }> {
  const scope = listScope(ctx.actor!);
  if (scope === null) throw new AppError('permission.denied');
  const db = ctx.deps.db;
  const rows = await repo.listParks(db, scope === 'all' ? null : scope);
  const ids = rows.map((r) => r.id);
  const [parties, phases] = await Promise.all([repo.partiesOf(db, ids), repo.phasesOf(db, ids)]);
  const partiesBy = groupBy(parties, (p) => p.parkId);
  const phasesBy = groupBy(phases, (p) => p.parkId);
  return {
    items: rows.map((row) => {
      const own = partiesBy.get(row.id) ?? [];
      return presentPark(
        row,
        own,
        (phasesBy.get(row.id) ?? []).map(phaseOf),
        canEditPark(ctx.actor!, { parties: own.map((p) => p.cityCode) }),
      );
    }),
  };
}

/** Rows by a key, in their order (one pass, not a filter per park). */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

const hostOf = (parties: readonly Party[]) => parties.find((p) => p.role === 'inflow')!.cityCode;

export async function createPark(ctx: Ctx, input: ParkInput): Promise<Park> {
  const actor = ctx.actor!;
  const cities = input.parties.map((p) => p.cityCode);
  if (!canCreatePark(actor, cities))
    throw invalid([{ field: 'parties', code: 'parks.own_city_party' }]);
  const now = new Date().toISOString();
  const { parties, ...fields } = input;
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const parkId = await repo.insertPark(trx, {
      ...fields,
      hostCity: hostOf(parties),
      version: 1,
      createdAt: now,
      createdBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
    });
    await repo.replaceParties(trx, parkId, parties);
    await writeAudit(trx, ctx, {
      action: 'park.create',
      objectType: 'park',
      objectId: parkId,
      regionCode: hostOf(parties),
      detail: { name: input.name, parties },
    });
    return parkId;
  });
  return getPark(ctx, id);
}

export async function updatePark(ctx: Ctx, id: number, patch: ParkPatch): Promise<Park> {
  const actor = ctx.actor!;
  const park = await loadPark(ctx, id);
  if (!canEditPark(actor, { parties: park.cities })) throw new AppError('permission.denied');
  const { version, parties, ...fields } = patch;
  if (parties) {
    const problem = partiesProblem(parties);
    if (problem) throw invalid([problem]);
    const next = parties.map((p) => p.cityCode);
    if (!canCreatePark(actor, next))
      throw invalid([{ field: 'parties', code: 'parks.own_city_party' }]);
    // the agreement's rules must still name exactly the parties
    const clash = park.phases.flatMap((p) => phasePartyProblems(p, next));
    if (clash.length)
      throw invalid([
        {
          field: 'parties',
          code: clash[0]!.code,
          ...(clash[0]!.params ? { params: clash[0]!.params } : {}),
        },
      ]);
  }
  const established = fields.establishedOn ?? park.row.establishedOn;
  const termEnds = fields.termEndsOn === undefined ? park.row.termEndsOn : fields.termEndsOn;
  if (termEnds && termEnds < established)
    throw invalid([{ field: 'termEndsOn', code: 'parks.phase_dates' }]);
  const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'parks', id, version);
    await repo.updatePark(trx, id, {
      ...set,
      ...(parties ? { hostCity: hostOf(parties) } : {}),
      updatedAt: new Date().toISOString(),
      updatedBy: actor.id,
    });
    if (parties) await repo.replaceParties(trx, id, parties);
    await writeAudit(trx, ctx, {
      action: 'park.update',
      objectType: 'park',
      objectId: id,
      regionCode: park.row.hostCity,
      detail: {
        changed: Object.keys({ ...set, ...(parties ? { parties } : {}) }),
        fromVersion: version,
      },
    });
  });
  return getPark(ctx, id);
}

type PhaseValues = Omit<PhaseInput, never>;

function phaseProblems(
  phase: PhaseValues,
  park: LoadedPark,
  exceptId: number | null,
): ProblemInput[] {
  const problems = [...phaseShapeProblems(phase), ...phasePartyProblems(phase, park.cities)];
  const overlap = overlapProblem(
    phase,
    park.phases.filter((p) => p.id !== exceptId),
  );
  if (overlap) problems.push(overlap);
  return asProblems(problems);
}

const phaseColumns = (p: PhaseValues) => ({
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  governance: p.governance,
  equity: JSON.stringify(p.equity),
  rules: JSON.stringify(p.rules),
  note: p.note,
});

export async function addPhase(ctx: Ctx, parkId: number, input: PhaseInput): Promise<Park> {
  const park = await loadPark(ctx, parkId);
  if (!canEditPark(ctx.actor!, { parties: park.cities })) throw new AppError('permission.denied');
  const problems = phaseProblems(input, park, null);
  if (problems.length) throw invalid(problems);
  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    const phaseId = await repo.insertPhase(trx, {
      parkId,
      ...phaseColumns(input),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(trx, ctx, {
      action: 'park.phase.create',
      objectType: 'park_phase',
      objectId: phaseId,
      regionCode: park.row.hostCity,
      detail: {
        parkId,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        governance: input.governance,
        rules: input.rules,
      },
    });
  });
  return getPark(ctx, parkId);
}

export async function updatePhase(
  ctx: Ctx,
  parkId: number,
  phaseId: number,
  patch: PhasePatch,
): Promise<Park> {
  const park = await loadPark(ctx, parkId);
  if (!canEditPark(ctx.actor!, { parties: park.cities })) throw new AppError('permission.denied');
  const current = park.phases.find((p) => p.id === phaseId);
  if (!current) throw new AppError('park.phase_not_found');
  const { version, ...fields } = patch;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const next: PhaseValues = {
    startsOn: current.startsOn,
    endsOn: current.endsOn,
    governance: current.governance,
    equity: current.equity,
    rules: current.rules,
    note: current.note,
    ...given,
  } as PhaseValues;
  const problems = phaseProblems(next, park, phaseId);
  if (problems.length) throw invalid(problems);
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'parkPhases', phaseId, version);
    await repo.updatePhase(trx, phaseId, {
      ...phaseColumns(next),
      updatedAt: new Date().toISOString(),
    });
    await writeAudit(trx, ctx, {
      action: 'park.phase.update',
      objectType: 'park_phase',
      objectId: phaseId,
      regionCode: park.row.hostCity,
      detail: { parkId, changed: Object.keys(given), fromVersion: version, ...given },
    });
  });
  return getPark(ctx, parkId);
}
