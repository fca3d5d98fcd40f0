/// <reference types="node" />
/**
 * The web's messages: every key in zh-CN and en with the same placeholders, each in the domain
 * file that owns its prefix, and every key the code asks for exists — literal `t('…')` calls,
 * and keys built from an enum (`t(\`deals.type.${d}\` as MessageKey)`), checked by enumerating
 * the enum. Literal keys written elsewhere are typed MessageKey, which the compiler checks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACHIEVEMENT_STATUSES,
  AUDIT_BREAK_CODES,
  AUDIT_OUTCOMES,
  AWARD_KINDS,
  AWARD_LEVELS,
  CITY_CODES,
  CORRECTION_STATUSES,
  DEAL_STATUSES,
  DEAL_TYPES,
  DECLINE_REASONS,
  DEMAND_STATUSES,
  DIRECTIONS,
  EDITION_STATUSES,
  FLOW_KINDS,
  INSTITUTION_LEVELS,
  INTRODUCTION_STATUSES,
  JOB_RUN_STATUSES,
  JOB_TRIGGERS,
  KPI_BASES,
  KPI_CODES,
  KPI_UNITS,
  keyPrefix,
  MATCH_REASON_CODES,
  METHOD_STATUSES,
  NEGOTIATION_ENTRY_KINDS,
  NEGOTIATION_SIDES,
  NEGOTIATION_STATUSES,
  NORMALISATIONS,
  PASSWORD_PROBLEMS,
  PROVENANCES,
  placeholders,
  ROLES,
  SEARCH_SORTS,
  STANDARD_LEVELS,
  STANDARD_ROLES,
  TIER_IDS,
} from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { TODO_KINDS } from '../features/workbench/todos';
import { catalogues, WEB_MESSAGES } from './catalogue';

const SRC = join(import.meta.dirname, '..');

/** Keys built at run time, as `prefix.*`, with every value the `*` can take. */
const BUILT: Record<string, readonly string[]> = {
  'audit.break.*': AUDIT_BREAK_CODES,
  'audit.outcome.*': AUDIT_OUTCOMES,
  'cockpit.basis.*': KPI_BASES,
  'cockpit.flow.*': FLOW_KINDS,
  'cockpit.kpi.*': KPI_CODES,
  'cockpit.tier.*': TIER_IDS,
  'cockpit.unitName.*': KPI_UNITS,
  'deals.status.*': DEAL_STATUSES,
  'deals.type.*': DEAL_TYPES,
  'jobs.status.*': JOB_RUN_STATUSES,
  'jobs.trigger.*': JOB_TRIGGERS,
  'home.park.*': CITY_CODES,
  'ind.award.*': AWARD_KINDS,
  'ind.level.*': [...INSTITUTION_LEVELS, ...AWARD_LEVELS, ...STANDARD_LEVELS],
  'ind.role.*': STANDARD_ROLES,
  'market.sort.*': SEARCH_SORTS,
  'market.status.*': [...ACHIEVEMENT_STATUSES, ...DEMAND_STATUSES],
  'matching.decline.*': DECLINE_REASONS,
  'matching.reason.*': MATCH_REASON_CODES,
  'matching.status.*': INTRODUCTION_STATUSES,
  'neg.kind.*': NEGOTIATION_ENTRY_KINDS,
  'neg.side.*': NEGOTIATION_SIDES,
  'neg.status.*': NEGOTIATION_STATUSES,
  'password.problem.*': PASSWORD_PROBLEMS,
  'workbench.todo.*': TODO_KINDS,
  'ranking.correction.*': CORRECTION_STATUSES,
  'ranking.direction.*': DIRECTIONS,
  'ranking.methodStatus.*': METHOD_STATUSES,
  'ranking.normalisation.*': NORMALISATIONS,
  'ranking.provenance.*': PROVENANCES,
  'ranking.status.*': EDITION_STATUSES,
  'role.*': ROLES,
  'tier.name.*': TIER_IDS,
};

/** Every .ts/.tsx source of the web app except tests, with its path under src/. */
function sources(): { path: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => ({ path: f, text: readFileSync(join(SRC, f), 'utf8') }));
}

/** The keys the code asks for: literal ones, and built ones as `prefix.*` patterns. */
function usedKeys(): { path: string; key: string }[] {
  const out: { path: string; key: string }[] = [];
  const literal = /\b(?:t|translate)\(\s*'([^']+)'/g;
  const built = [/\b(?:t|translate)\(\s*`([^`]*)`/g, /`([^`]*)`\s*as MessageKey\b/g];
  for (const { path, text } of sources()) {
    for (const m of text.matchAll(literal)) out.push({ path, key: m[1]! });
    for (const re of built)
      for (const m of text.matchAll(re))
        out.push({ path, key: m[1]!.replace(/\$\{[^}]*\}/g, '*') });
  }
  const seen = new Set<string>();
  return out.filter(({ path, key }) => !seen.has(`${path} ${key}`) && !!seen.add(`${path} ${key}`));
}

const allKeys = Object.values(WEB_MESSAGES).flatMap((d) => Object.keys(d.messages));

describe('web catalogue', () => {
  it('has every message in zh-CN and en, with the same placeholders', () => {
    for (const [domain, d] of Object.entries(WEB_MESSAGES)) {
      for (const [key, m] of Object.entries(d.messages)) {
        expect(m.zh.trim(), `${domain} '${key}'`).not.toBe('');
        expect(m.en.trim(), `${domain} '${key}'`).not.toBe('');
        expect(placeholders(m.en), `${domain} '${key}'`).toEqual(placeholders(m.zh));
      }
    }
  });

  it('keeps each key in the domain file that owns its prefix, each prefix in one file', () => {
    const owner = new Map<string, string>();
    for (const [domain, d] of Object.entries(WEB_MESSAGES)) {
      for (const prefix of d.prefixes) {
        expect(owner.get(prefix) ?? domain, `prefix '${prefix}'`).toBe(domain);
        owner.set(prefix, domain);
      }
      for (const key of Object.keys(d.messages))
        expect(d.prefixes, `${domain} '${key}'`).toContain(keyPrefix(key));
    }
  });

  it('defines no key twice (a later domain would silently win the merge)', () => {
    expect(allKeys.filter((k, i) => allKeys.indexOf(k) !== i)).toEqual([]);
    expect(Object.keys(catalogues.en).length).toBe(allKeys.length);
  });

  it('has one messages file per feature folder, each merged into the catalogue', () => {
    const features = readdirSync(join(SRC, 'features'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(Object.keys(WEB_MESSAGES).sort()).toEqual(['app', ...features].sort());
    for (const f of features)
      expect(existsSync(join(SRC, 'features', f, 'messages.ts')), f).toBe(true);
  });

  it('has every key the code uses, literal or built from an enum', () => {
    const known = new Set(allKeys);
    const used = usedKeys();
    const missing: string[] = [];
    for (const { path, key } of used) {
      if (!key.includes('*')) {
        if (!known.has(key)) missing.push(`${path}: '${key}'`);
        continue;
      }
      const values = BUILT[key];
      if (!values) {
        missing.push(`${path}: \`${key}\` is built at run time: add its enum to BUILT`);
        continue;
      }
      for (const v of values) {
        const full = key.replace('*', v);
        if (!known.has(full)) missing.push(`${path}: '${full}'`);
      }
    }
    expect(missing).toEqual([]);
    expect(used.length).toBeGreaterThan(500); // the scan still finds the calls
    // no stale entry: each built pattern is still built somewhere
    const patterns = new Set(used.map((u) => u.key));
    expect(Object.keys(BUILT).filter((p) => !patterns.has(p))).toEqual([]);
  });
});
