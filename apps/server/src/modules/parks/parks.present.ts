/** Rows → API answers (explicit objects: the whitelist of what leaves the server). */
import {
  type CityPercent,
  type Coalition,
  type Figure,
  type GovernanceModel,
  type Park,
  type PartyRole,
  type Payment,
  type PhaseView,
  type RevenueType,
  type SharedItem,
  type SplitRule,
  shapley,
} from '@corridor/contracts';
import type { FigureRow, ParkRow, PartyRow, PaymentRow, PhaseRow } from './parks.repo';

export interface StoredPhase {
  id: number;
  version: number;
  startsOn: string;
  endsOn: string | null;
  governance: GovernanceModel;
  equity: CityPercent[];
  rules: SplitRule[];
  note: string | null;
}

export function phaseOf(row: PhaseRow): StoredPhase {
  return {
    id: row.id,
    version: row.version,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    governance: row.governance as GovernanceModel,
    equity: JSON.parse(row.equity) as CityPercent[],
    rules: JSON.parse(row.rules) as SplitRule[],
    note: row.note,
  };
}

export function presentPhase(p: StoredPhase, parties: readonly string[]): PhaseView {
  return {
    id: p.id,
    version: p.version,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    governance: p.governance,
    equity: p.equity.map((e) => ({ cityCode: e.cityCode, percent: e.percent })),
    note: p.note,
    rules: p.rules.map((r) => ({
      item: r.item,
      method: r.method,
      base: r.base,
      ratios: r.ratios.map((x) => ({ cityCode: x.cityCode, percent: x.percent })),
      toCity: r.toCity,
      coalitions: r.coalitions.map((c: Coalition) => ({ members: [...c.members], value: c.value })),
      ...(r.method === 'shapley' ? { shapley: shapley(parties, r.coalitions) } : {}),
    })),
  };
}

export function presentPark(
  row: ParkRow,
  parties: PartyRow[],
  phases: StoredPhase[],
  canEdit: boolean,
): Park {
  const cities = parties.map((p) => p.cityCode);
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    hostCity: row.hostCity,
    parties: parties.map((p) => ({ cityCode: p.cityCode, role: p.role as PartyRole })),
    areaKm2: row.areaKm2,
    establishedOn: row.establishedOn,
    termEndsOn: row.termEndsOn,
    agreementTitle: row.agreementTitle,
    description: row.description,
    updatedAt: row.updatedAt,
    phases: phases.map((p) => presentPhase(p, cities)),
    canEdit,
  };
}

export function presentFigure(row: FigureRow): Figure {
  return {
    id: row.id,
    version: row.version,
    year: row.year,
    item: row.item as SharedItem,
    valueWan: row.valueWan,
    incentivesWan: row.incentivesWan,
    reportedBy: row.reportedBy,
    note: row.note,
    updatedAt: row.updatedAt,
  };
}

export function presentPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    year: row.year,
    item: row.item as RevenueType,
    payerCity: row.payerCity,
    payeeCity: row.payeeCity,
    amountWan: row.amountWan,
    paidOn: row.paidOn,
    note: row.note,
    createdAt: row.createdAt,
  };
}
