import {
  CITY_CODES,
  checkCreditCode,
  DateSchema,
  NAME_PATTERN,
  ORG_TYPES,
  type OrgInput,
  OrgInputSchema,
} from '@corridor/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITY_PROFILES, FORBIDDEN_IN_NAMES, INDUSTRY_NAME_WORDS, WORD_PRODUCTS } from './names';
import { type DemoOrg, generateOrgBatches, generateOrgs } from './orgs';
import { createRandom } from './random';

const BIG = 100_000;
let all: DemoOrg[] = [];
beforeAll(() => {
  all = Array.from(generateOrgs({ scale: BIG }));
});

const first = (n: number, seed?: number): DemoOrg[] =>
  Array.from(generateOrgs({ scale: n, ...(seed === undefined ? {} : { seed }) }));

describe('seeded random', () => {
  it('repeats for a seed and stays within bounds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const xs = Array.from({ length: 1000 }, () => a.int(3, 9));
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.int(3, 9)));
    expect(Math.min(...xs)).toBe(3);
    expect(Math.max(...xs)).toBe(9);
    expect(createRandom(8).next()).not.toBe(createRandom(7).next());
  });
  it('weighs its picks', () => {
    const rng = createRandom(1);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8_700);
    expect(heavy).toBeLessThan(9_300);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});

describe('generateOrgs', () => {
  it('is deterministic: same seed → same orgs, other seed → other orgs', () => {
    expect(first(100, 42)).toEqual(first(100, 42));
    expect(first(100)).toEqual(all.slice(0, 100));
    const other = first(100, 43);
    expect(other.map((o) => o.name)).not.toEqual(first(100, 42).map((o) => o.name));
    expect(other.map((o) => o.creditCode)).not.toEqual(first(100, 42).map((o) => o.creditCode));
  });

  it('extends a smaller run: the first n orgs do not depend on the scale', () => {
    expect(first(2_000).slice(0, 500)).toEqual(first(500));
  });

  it(`generates ${BIG.toLocaleString('en')} orgs`, () => {
    // Speed is measured by `npm run bench` (the seed step), not asserted here.
    expect(all).toHaveLength(BIG);
  });

  it('gives valid, unique credit codes whose prefix and region fit the org', () => {
    const regionsOf = new Map(
      CITY_PROFILES.map((c) => [c.code, new Set([c.code, ...c.districts.map((d) => d.code)])]),
    );
    const bad: string[] = [];
    for (const org of all) {
      const prefix = org.creditCode.slice(0, 2);
      const prefixOk =
        org.type === 'government_department'
          ? prefix === '11'
          : org.type === 'university' || org.type === 'institute'
            ? prefix === '12'
            : prefix === '91' || prefix === '12';
      const regionOk = regionsOf.get(org.regionCode)?.has(org.creditCode.slice(2, 8)) ?? false;
      if (checkCreditCode(org.creditCode) !== null || !prefixOk || !regionOk) {
        bad.push(`${org.creditCode} ${org.type} ${org.regionCode}`);
      }
    }
    expect(bad).toEqual([]);
    expect(new Set(all.map((o) => o.creditCode)).size).toBe(BIG);
  });

  it('gives unique, well-formed, fictional names', () => {
    const forbidden = new RegExp(FORBIDDEN_IN_NAMES.join('|'), 'u');
    const bad = all
      .map((o) => o.name)
      .filter((n) => n.length < 2 || n.length > 80 || !NAME_PATTERN.test(n) || forbidden.test(n));
    expect(bad).toEqual([]);
    expect(new Set(all.map((o) => o.name)).size).toBe(BIG);
  });

  it('spreads orgs over the five cities with Wuhan the largest, about half', () => {
    const perCity = new Map<string, number>();
    for (const org of all) perCity.set(org.regionCode, (perCity.get(org.regionCode) ?? 0) + 1);
    expect([...perCity.keys()].sort()).toEqual([...CITY_CODES].sort());
    const wuhan = perCity.get('420100') ?? 0;
    for (const [code, n] of perCity) if (code !== '420100') expect(n).toBeLessThan(wuhan / 2);
    expect(wuhan / BIG).toBeGreaterThan(0.4);
    expect(wuhan / BIG).toBeLessThan(0.6);
    // Even a tiny run has every city and every type.
    const tiny = first(11);
    expect(new Set(tiny.map((o) => o.regionCode)).size).toBe(5);
    expect(new Set(tiny.map((o) => o.type))).toEqual(new Set(ORG_TYPES));
  });

  it('is mostly enterprises, with every other type present', () => {
    const perType = new Map<string, number>();
    for (const org of all) perType.set(org.type, (perType.get(org.type) ?? 0) + 1);
    for (const type of ORG_TYPES) expect(perType.get(type) ?? 0, type).toBeGreaterThan(0);
    expect((perType.get('enterprise') ?? 0) / BIG).toBeGreaterThan(0.8);
  });

  it("follows each city's division of labour", () => {
    for (const profile of CITY_PROFILES) {
      const allowed = new Set<string | null>([null, ...profile.industries.map(([i]) => i)]);
      const orgs = all.filter((o) => o.regionCode === profile.code);
      expect(orgs.filter((o) => !allowed.has(o.industry))).toEqual([]);
      const counts = new Map<string, number>();
      for (const o of orgs)
        if (o.industry) counts.set(o.industry, (counts.get(o.industry) ?? 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      expect(top).toBe(profile.industries[0]?.[0]);
    }
  });

  it('knows what every business word makes, for the descriptions', () => {
    const words = new Set(Object.values(INDUSTRY_NAME_WORDS).flat());
    for (const city of CITY_PROFILES)
      for (const w of Object.values(city.localWords)) for (const x of w) words.add(x);
    expect([...words].filter((w) => !WORD_PRODUCTS[w]?.length)).toEqual([]);
  });

  it('fills contact, date, address and description fields plausibly', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const org of all.slice(0, 5_000)) {
      expect(org.contactPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(DateSchema.safeParse(org.foundedOn).success, org.foundedOn).toBe(true);
      expect(org.foundedOn <= today).toBe(true);
      expect(org.address.startsWith('湖北省')).toBe(true);
      expect(org.description.length).toBeGreaterThan(10);
      expect(NAME_PATTERN.test(org.contactName), org.contactName).toBe(true);
    }
  });

  it('passes the API validation (OrgInputSchema) unchanged', () => {
    for (const org of all.slice(0, 2_000)) {
      const asInput: OrgInput = org;
      expect(OrgInputSchema.parse(org)).toEqual(asInput);
    }
  });

  it('yields the same orgs in batches', () => {
    const batches = Array.from(generateOrgBatches({ scale: 2_500, batchSize: 1_000 }));
    expect(batches.map((b) => b.length)).toEqual([1_000, 1_000, 500]);
    expect(batches.flat()).toEqual(all.slice(0, 2_500));
  });

  it('refuses a bad scale', () => {
    expect(() => first(-1)).toThrow(RangeError);
    expect(() => first(1.5)).toThrow(RangeError);
    expect(first(0)).toEqual([]);
  });
});
