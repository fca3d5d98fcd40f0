import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalInputsJson, canonicalJson, isCanonicalJson } from './canonical';

describe('canonical JSON (RFC 8785 for our values)', () => {
  it('sorts keys, drops whitespace, keeps array order', () => {
    expect(canonicalJson({ b: [3, 1, 2], a: { d: null, c: true } })).toBe(
      '{"a":{"c":true,"d":null},"b":[3,1,2]}',
    );
  });

  it('writes numbers in their shortest round-trip form, −0 as 0', () => {
    expect(canonicalJson([1.0, 0.1, -0, 1e21, 1e-7, 123.456, 2 ** 53])).toBe(
      '[1,0.1,0,1e+21,1e-7,123.456,9007199254740992]',
    );
  });

  it('matches the RFC 8785 sample of key ordering by UTF-16 code units', () => {
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew',
      '1': 'One',
      '\ud83d\ude00': 'Emoji',
      '\u0080': 'Control',
      '\u00f6': 'Latin',
    };
    expect(canonicalJson(value)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin","€":"Euro Sign","😀":"Emoji","\ufb33":"Hebrew"}',
    );
  });

  it('keeps Chinese text literal and escapes quotes and control characters', () => {
    expect(canonicalJson({ name: '光谷"芯"\n' })).toBe('{"name":"光谷\\"芯\\"\\n"}');
  });

  it('matches a plain member-by-member reference on random JSON, and is idempotent', () => {
    const reference = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        return `{${Object.keys(o)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${reference(o[k])}`)
          .join(',')}}`;
      }
      return JSON.stringify(v);
    };
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(text).toBe(reference(v));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe(
      '{"__proto__":{"x":1},"b":1}',
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson([Number.NaN])).toThrow(/non-finite/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(/non-finite/);
    expect(() => canonicalJson(() => 1)).toThrow(/function/);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/plain objects/);
  });

  it('recognises canonical text and nothing else', () => {
    const text = canonicalJson({ b: 1, a: [1, 2] });
    expect(isCanonicalJson(text)).toBe(true);
    expect(isCanonicalJson(`${text}\n`)).toBe(false);
    expect(isCanonicalJson('{"b":1,"a":[1,2]}')).toBe(false);
    expect(isCanonicalJson('{"a": [1,2],"b":1}')).toBe(false);
    expect(isCanonicalJson('{"a":[1,2],"b":1.0}')).toBe(false);
    expect(isCanonicalJson('{"a":[1,2],"a":[1,2],"b":1}')).toBe(false);
    expect(isCanonicalJson('\ufeff{"a":1}')).toBe(false);
    expect(isCanonicalJson('not json')).toBe(false);
  });

  it('fingerprints inputs independently of row order', () => {
    const rows: { creditCode: string; values: Record<string, number | null> }[] = [
      { creditCode: 'B', values: { x: 2 } },
      { creditCode: 'A', values: { x: 1, y: null } },
    ];
    const text = canonicalInputsJson(['x', 'y'], rows);
    expect(text).toBe(
      '[["A",[[1,"derived"],[null,"derived"]]],["B",[[2,"derived"],[null,"derived"]]]]',
    );
    expect(canonicalInputsJson(['x', 'y'], [...rows].reverse())).toBe(text);
  });
});
