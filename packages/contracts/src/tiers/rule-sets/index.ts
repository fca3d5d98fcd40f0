/** The default rule-set of every tier. */
import type { TierId, TierRuleSet } from '../rule-types';
import { GAZELLE_DEFAULT_2019 } from './gazelle';
import { HIGH_TECH_2016 } from './high-tech';
import { INNOVATIVE_SME_2022 } from './innovative-sme';
import { LITTLE_GIANT_2022 } from './little-giant';
import { SINGLE_CHAMPION_2022 } from './single-champion';
import { SPECIALISED_SME_2022 } from './specialised-sme';
import { TECH_SME_2017 } from './tech-sme';
import { POTENTIAL_UNICORN_2018, UNICORN_2018 } from './unicorn';

export * from './gazelle';
export * from './high-tech';
export * from './innovative-sme';
export * from './little-giant';
export * from './single-champion';
export * from './sme-size';
export * from './specialised-sme';
export * from './tech-sme';
export * from './unicorn';

export const DEFAULT_RULE_SETS: Record<TierId, TierRuleSet> = {
  techSme: TECH_SME_2017,
  highTech: HIGH_TECH_2016,
  gazelle: GAZELLE_DEFAULT_2019,
  potentialUnicorn: POTENTIAL_UNICORN_2018,
  unicorn: UNICORN_2018,
  innovativeSme: INNOVATIVE_SME_2022,
  specialisedSme: SPECIALISED_SME_2022,
  littleGiant: LITTLE_GIANT_2022,
  singleChampion: SINGLE_CHAMPION_2022,
};
