/// <reference types="node" />
/**
 * The contracts' catalogue: every message in both languages with the same placeholders, each key
 * in the domain file that owns its prefix, every error code and every reason or text code the
 * sources use has words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../errors';
import { VERIFY_FAILURES } from '../rankings/api';
import { TIER_GAP_CODES } from '../tiers/result-types';
import { CONTRACT_MESSAGES, errorMessage, keyPrefix, placeholders, reasonText, ruleText } from '.';

const SECTIONS = ['errors', 'reasons', 'texts'] as const;
const REPO = join(import.meta.dirname, '../../../..');

function keysOf(section: (typeof SECTIONS)[number]): string[] {
  return Object.values(CONTRACT_MESSAGES).flatMap((d) => Object.keys(d[section]?.messages ?? {}));
}

/** Non-test TypeScript sources under a folder of the repository. */
function sources(folder: string): { path: string; text: string }[] {
  const root = join(REPO, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes('node_modules'))
    .map((f) => ({ path: `${folder}/${f}`, text: readFileSync(join(root, f), 'utf8') }));
}

const CODE = '([a-z_]+(?:\\.[a-z_]+)*)';
const DOTTED = '([a-z_]+\\.[a-z_.]+)';
/** Where a literal reason code is written, and in which sources. */
const REASON_SITES: { where: string[]; pattern: RegExp }[] = [
  // zod refinements carry their reason as the message; fieldError and reasonText take one
  {
    where: ['packages/contracts/src', 'apps/server/src', 'apps/web/src'],
    pattern: new RegExp(`\\bmessage: '${CODE}'`, 'g'),
  },
  { where: ['apps/server/src'], pattern: new RegExp(`\\bfieldError\\([^,()]+, '${CODE}'`, 'g') },
  {
    where: ['apps/server/src', 'apps/web/src'],
    pattern: new RegExp(`\\breasonText\\('${CODE}'`, 'g'),
  },
  // problems the server builds ({ field, code }), and the codes the pure checks return
  { where: ['apps/server/src'], pattern: new RegExp(`\\bcode: '${CODE}'`, 'g') },
  { where: ['packages/contracts/src'], pattern: new RegExp(`\\bcode: '${DOTTED}'`, 'g') },
  { where: ['packages/contracts/src'], pattern: new RegExp(`\\breason: '${DOTTED}'`, 'g') },
  { where: ['packages/contracts/src'], pattern: new RegExp(`\\breturn '${DOTTED}'`, 'g') },
];
/** Reason keys built at run time: each prefix with every value it can take. */
const DYNAMIC_REASONS: Record<string, readonly string[]> = {
  'ranking.verify.': ['ok', ...VERIFY_FAILURES],
};

describe('contracts catalogue', () => {
  it('has every message in zh-CN and en, with the same placeholders', () => {
    for (const [domain, d] of Object.entries(CONTRACT_MESSAGES)) {
      for (const section of SECTIONS) {
        for (const [key, m] of Object.entries(d[section]?.messages ?? {})) {
          const where = `${domain} ${section} '${key}'`;
          expect(m.zh.trim(), where).not.toBe('');
          expect(m.en.trim(), where).not.toBe('');
          expect(placeholders(m.en), where).toEqual(placeholders(m.zh));
        }
      }
    }
  });

  it('keeps each key in the domain file that owns its prefix, each prefix in one file', () => {
    const owner = new Map<string, string>();
    for (const [domain, d] of Object.entries(CONTRACT_MESSAGES)) {
      for (const section of SECTIONS) {
        const set = d[section];
        if (!set) continue;
        for (const prefix of set.prefixes) {
          expect(owner.get(prefix) ?? domain, `prefix '${prefix}'`).toBe(domain);
          owner.set(prefix, domain);
        }
        for (const key of Object.keys(set.messages))
          expect(set.prefixes, `${domain} '${key}'`).toContain(keyPrefix(key));
      }
    }
  });

  it('defines no key twice', () => {
    for (const section of SECTIONS) {
      const keys = keysOf(section);
      expect(
        keys.filter((k, i) => keys.indexOf(k) !== i),
        section,
      ).toEqual([]);
    }
  });

  it('has a message for every error code, and none for a code that does not exist', () => {
    expect(keysOf('errors').sort()).toEqual(Object.keys(ERROR_STATUS).sort());
    expect(errorMessage('org.not_found', 'en')).toBe('No such organisation, or you may not see it');
  });

  it('has zh-CN and en text for every tier gap code', () => {
    for (const code of TIER_GAP_CODES) {
      const key = `tiers.gap.${code}` as const;
      expect(keysOf('texts'), key).toContain(key);
      expect(ruleText(key, 'zh-CN')).not.toBe(ruleText(key, 'en'));
    }
  });

  it('has words for every reason code the sources use', () => {
    const reasons = new Set(keysOf('reasons'));
    const missing: string[] = [];
    let seen = 0;
    for (const { where, pattern } of REASON_SITES) {
      for (const folder of where) {
        for (const file of sources(folder)) {
          for (const m of file.text.matchAll(pattern)) {
            seen++;
            if (!reasons.has(m[1]!)) missing.push(`${file.path}: '${m[1]}'`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    expect(seen).toBeGreaterThan(50); // the patterns still find the sites
  });

  it('has words for every reason key built at run time', () => {
    const reasons = new Set(keysOf('reasons'));
    const built = /\breasonText\(\s*`([^`$]*)\$\{/g;
    for (const folder of ['apps/server/src', 'apps/web/src']) {
      for (const file of sources(folder)) {
        for (const m of file.text.matchAll(built)) {
          const values = DYNAMIC_REASONS[m[1]!];
          expect(
            values,
            `${file.path}: add the values of \`${m[1]}…\` to DYNAMIC_REASONS`,
          ).toBeDefined();
          for (const v of values ?? []) expect(reasons, `${m[1]}${v}`).toContain(`${m[1]}${v}`);
        }
      }
    }
    expect(reasonText('ranking.verify.ok', 'en')).not.toBe('ranking.verify.ok');
  });
});
