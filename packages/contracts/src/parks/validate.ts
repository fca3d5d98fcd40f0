/**
 * Checks of an agreement's phases that need the park (its parties) or its other phases. Each
 * problem names the field as the request sends it, so the answer is a 400 naming the field.
 */
import { MAX_SHAPLEY_PARTIES, missingCoalitions } from './shapley';
import { type PhaseLike, percentTotal, type SplitRule } from './split';

export interface PhaseProblem {
  field: string;
  code:
    | 'parks.ratios_sum'
    | 'parks.not_a_party'
    | 'parks.party_missing'
    | 'parks.duplicate_item'
    | 'parks.to_city_required'
    | 'parks.equity_required'
    | 'parks.coalitions_missing'
    | 'parks.too_many_parties'
    | 'parks.phase_overlap'
    | 'parks.phase_dates';
  params?: Record<string, string | number>;
}

/** Problems of one rule on its own (no park needed): used by the request schema too. */
export function ruleShapeProblems(rule: SplitRule, at: string): PhaseProblem[] {
  const out: PhaseProblem[] = [];
  if (rule.method === 'split' && percentTotal(rule.ratios) !== 10_000)
    out.push({
      field: `${at}.ratios`,
      code: 'parks.ratios_sum',
      params: { total: percentTotal(rule.ratios) / 100 },
    });
  if (rule.method === 'to_party' && !rule.toCity)
    out.push({ field: `${at}.toCity`, code: 'parks.to_city_required' });
  return out;
}

/** Problems of a phase's own content: dates, one rule per item, ratios and equity to 100 %. */
export function phaseShapeProblems(phase: PhaseLike): PhaseProblem[] {
  const out: PhaseProblem[] = [];
  if (phase.endsOn !== null && phase.endsOn < phase.startsOn)
    out.push({ field: 'endsOn', code: 'parks.phase_dates' });
  if (phase.equity.length > 0 && percentTotal(phase.equity) !== 10_000)
    out.push({
      field: 'equity',
      code: 'parks.ratios_sum',
      params: { total: percentTotal(phase.equity) / 100 },
    });
  const seen = new Set<string>();
  phase.rules.forEach((rule, i) => {
    if (seen.has(rule.item)) out.push({ field: `rules.${i}.item`, code: 'parks.duplicate_item' });
    seen.add(rule.item);
    out.push(...ruleShapeProblems(rule, `rules.${i}`));
    if (rule.method === 'by_equity' && phase.equity.length === 0)
      out.push({ field: `rules.${i}.method`, code: 'parks.equity_required' });
  });
  return out;
}

/** Problems against the park's parties: every city named must be a party, every party named. */
export function phasePartyProblems(phase: PhaseLike, parties: readonly string[]): PhaseProblem[] {
  const out: PhaseProblem[] = [];
  const isParty = (c: string) => parties.includes(c);
  const named = (list: { cityCode: string }[], at: string) => {
    list.forEach((r, j) => {
      if (!isParty(r.cityCode))
        out.push({ field: `${at}.${j}.cityCode`, code: 'parks.not_a_party' });
    });
    const missing = parties.filter((c) => !list.some((r) => r.cityCode === c));
    if (missing.length)
      out.push({ field: at, code: 'parks.party_missing', params: { cities: missing.join('、') } });
  };
  if (phase.equity.length > 0) named(phase.equity, 'equity');
  phase.rules.forEach((rule, i) => {
    if (rule.method === 'split') named(rule.ratios, `rules.${i}.ratios`);
    if (rule.method === 'to_party' && rule.toCity && !isParty(rule.toCity))
      out.push({ field: `rules.${i}.toCity`, code: 'parks.not_a_party' });
    if (rule.method === 'shapley') {
      if (parties.length > MAX_SHAPLEY_PARTIES)
        out.push({
          field: `rules.${i}.method`,
          code: 'parks.too_many_parties',
          params: { max: MAX_SHAPLEY_PARTIES },
        });
      else {
        const missing = missingCoalitions(parties, rule.coalitions);
        if (missing.length)
          out.push({
            field: `rules.${i}.coalitions`,
            code: 'parks.coalitions_missing',
            params: { coalitions: missing.join('、') },
          });
      }
    }
  });
  return out;
}

/** Phases of one agreement may not overlap (an open end reaches forever). */
export function overlapProblem(
  phase: { startsOn: string; endsOn: string | null },
  others: readonly { id: number; startsOn: string; endsOn: string | null }[],
): PhaseProblem | null {
  const end = phase.endsOn ?? '9999-12-31';
  const clash = others.find(
    (o) => o.startsOn <= end && (o.endsOn ?? '9999-12-31') >= phase.startsOn,
  );
  return clash
    ? {
        field: 'startsOn',
        code: 'parks.phase_overlap',
        params: { from: clash.startsOn, to: clash.endsOn ?? '—' },
      }
    : null;
}
