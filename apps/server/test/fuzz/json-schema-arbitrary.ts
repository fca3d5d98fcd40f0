/**
 * JSON Schema (as `z.toJSONSchema` writes it for a route's zod schema) → fast-check arbitraries:
 * `valid` builds values the schema's JSON form admits (zod refinements such as "no markup" or
 * "a real calendar date" are not in JSON Schema, so some of them are still refused: that is
 * fine, they are answered 400 and the handler's own checks get the rest), and `mutated` breaks
 * one thing at a time: a wrong type, a missing required field, an extra field, a huge or odd
 * string, a prototype-pollution key.
 *
 * Hand-written because the packages that do this target zod 3 (zod-fast-check) or are
 * unmaintained drafts (json-schema-fast-check); the subset zod 4 emits is small.
 */
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
};

type Root = { $defs?: Record<string, JsonSchema> };
/** Replaces the generator of an object property by name (e.g. ids of records the user may reach). */
export type Hint = (key: string, schema: JsonSchema) => fc.Arbitrary<unknown> | undefined;
const noHint: Hint = () => undefined;
const MAX_DEPTH = 4;

function resolve(schema: JsonSchema, root: Root): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace(/^#\/\$defs\//, '');
  return root.$defs?.[name] ?? {};
}

function typesOf(s: JsonSchema): string[] {
  if (s.type) return [s.type].flat();
  if (s.properties) return ['object'];
  if (s.items || s.prefixItems) return ['array'];
  return [];
}

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  // Keep valid strings short: length limits are probed by the mutations.
  const max = Math.min(s.maxLength ?? 40, Math.max(min, 40));
  if (s.format === 'date') return fc.date({ noInvalidDate: true }).map(isoDate);
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uri' || s.format === 'url') return fc.webUrl();
  // The calendar-date pattern: real dates (a random match of \d{4}-\d{2}-\d{2} rarely is one).
  if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return fc.date({ noInvalidDate: true }).map(isoDate);
  if (s.pattern) {
    let re: RegExp;
    try {
      re = new RegExp(s.pattern, 'u');
    } catch {
      re = new RegExp(s.pattern);
    }
    return fc
      .stringMatching(re, { size: 'xsmall' })
      .filter((v) => v.length >= min && v.length <= (s.maxLength ?? Number.MAX_SAFE_INTEGER));
  }
  // Mostly plain text that free-text refinements (no markup, no control characters) admit, so
  // valid bodies get past validation into the handler; odd strings are the mutations' job.
  return fc.oneof(
    { arbitrary: plainText(min, max), weight: 4 },
    { arbitrary: fc.string({ minLength: min, maxLength: max }), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }), weight: 1 },
  );
}

const WORDS = [
  '光纤',
  '传感',
  '芯片',
  '封装',
  '检测',
  '系统',
  '武汉',
  '光谷',
  '材料',
  '研发',
  'AI',
  '2026',
];
function plainText(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...WORDS), { minLength: Math.ceil(min / 2) + 1, maxLength: 12 })
    .map((words) => words.join('').slice(0, max))
    .filter((v) => v.length >= min);
}

const isoDate = (d: Date) => {
  const y = Math.min(Math.max(d.getUTCFullYear(), 1990), 2099);
  return `${y}${d.toISOString().slice(4, 10)}`;
};

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum : s.minimum;
  const hi = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum : s.maximum;
  if (integer) {
    const min = Math.ceil((lo ?? -1e6) + (s.exclusiveMinimum !== undefined ? 1 : 0));
    const max = Math.floor((hi ?? 1e6) - (s.exclusiveMaximum !== undefined ? 1 : 0));
    return fc.integer({
      min: Math.max(min, Number.MIN_SAFE_INTEGER),
      max: Math.min(Math.max(min, max), Number.MAX_SAFE_INTEGER),
    });
  }
  return fc.double({
    min: lo ?? -1e6,
    max: hi ?? 1e6,
    minExcluded: s.exclusiveMinimum !== undefined,
    maxExcluded: s.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** Values the JSON form of the schema admits. */
export function valid(
  schema: JsonSchema,
  root: Root = schema,
  depth = 0,
  hint: Hint = noHint,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((u) => valid(u, root, depth + 1, hint)));
  if (s.allOf?.length) return valid(s.allOf[0]!, root, depth + 1, hint);
  const arbs = typesOf(s).map((type) => validOfType(type, s, root, depth, hint));
  if (arbs.length === 0) return fc.jsonValue({ maxDepth: 1 });
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function validOfType(
  type: string,
  s: JsonSchema,
  root: Root,
  depth: number,
  hint: Hint,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = Array.isArray(s.items) ? s.items[0] : s.items;
      if (s.prefixItems)
        return fc.tuple(...s.prefixItems.map((p) => valid(p, root, depth + 1, hint)));
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? 4, minLength + 4);
      if (depth > MAX_DEPTH) return fc.constant([]);
      return fc.array(item ? valid(item, root, depth + 1, hint) : fc.jsonValue({ maxDepth: 1 }), {
        minLength,
        maxLength,
      });
    }
    case 'object':
      return objectArb(s, root, depth, hint);
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function objectArb(s: JsonSchema, root: Root, depth: number, hint: Hint): fc.Arbitrary<unknown> {
  const props = s.properties ?? {};
  const required = new Set(s.required ?? []);
  if (depth > MAX_DEPTH) return fc.constant({});
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props))
    record[k] = hint(k, resolve(v, root)) ?? valid(v, root, depth + 1, hint);
  const fixed = fc.record(record, {
    requiredKeys: Object.keys(props).filter((k) => required.has(k)),
  });
  const extra = s.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(props).length === 0) {
    const key = s.propertyNames ? valid(s.propertyNames, root, depth + 1, hint) : fc.string();
    return fc.dictionary(key as fc.Arbitrary<string>, valid(extra, root, depth + 1, hint), {
      maxKeys: 4,
    });
  }
  return fixed;
}

const WEIRD_STRINGS = [
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '😀👍🏽👨‍👩‍👧',
  '𠮷野家',
  '\u0000',
  '\u202e',
  '\ud800',
  '\ufeff',
  ' ',
  '',
  '__proto__',
  '1e309',
  '99999999999999999999999',
];

/** Any value of another kind than the schema asks for (and some of the same kind, odd). */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WEIRD_STRINGS),
  fc
    .tuple(fc.constantFrom('a', '长', '😀', '<'), fc.integer({ min: 1_000, max: 30_000 }))
    .map(([c, n]) => c.repeat(n)),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, 0.5, true, false, null),
  fc.constantFrom([], {}, [null], { a: 1 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

const POLLUTION = ['__proto__', 'constructor', 'prototype'];

/**
 * A value the schema probably refuses: a valid object with one field broken (wrong type, odd
 * string, removed while required), an extra field, a pollution key; or something else entirely.
 */
export function mutated(
  schema: JsonSchema,
  root: Root = schema,
  hint: Hint = noHint,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  const props = Object.keys(s.properties ?? {});
  const base = valid(s, root, 0, hint);
  const options: fc.Arbitrary<unknown>[] = [wrongValue];
  if (props.length > 0) {
    const obj = base as fc.Arbitrary<Record<string, unknown>>;
    options.push(
      fc.tuple(obj, fc.constantFrom(...props), wrongValue).map(([o, k, v]) => ({ ...o, [k]: v })),
      fc.tuple(obj, fc.constantFrom(...props)).map(([o, k]) => {
        const copy = { ...o };
        delete copy[k];
        return copy;
      }),
      fc
        .tuple(obj, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
        .filter(([, k]) => !props.includes(k))
        .map(([o, k, v]) => ({ ...o, [k]: v })),
      fc
        .tuple(obj, fc.constantFrom(...props), fc.constantFrom(...POLLUTION))
        .map(([o, k, p]) => ({ ...o, [k]: { [p]: { polluted: true } } })),
    );
  }
  return fc.oneof(...options);
}
