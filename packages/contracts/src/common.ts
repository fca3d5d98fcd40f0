import { z } from 'zod';

/** Paging query shared by every list route. */
export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** The one paging envelope of every list response. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const MARKUP = /[<>]/;

/** Free text: trimmed, bounded, no control characters and no markup brackets. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'text.control_chars' })
    .refine((s) => !MARKUP.test(s), { message: 'text.markup' });
}

/** Search text in a query string: bounded, no control characters (NUL breaks PostgreSQL). */
export function queryText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'text.control_chars' });
}

/**
 * A proper name (organisation, person): CJK, Latin letters, digits, spaces and the punctuation
 * real names use. Anything else (quotes, semicolons, angle brackets) is refused at the door.
 */
export const NAME_PATTERN = /^[\p{Script=Han}A-Za-z0-9 ·．.&（）()、,，\-—]+$/u;
export function properName(max: number) {
  return z.string().trim().min(2).max(max).regex(NAME_PATTERN, { message: 'name.characters' });
}

/** Calendar date as officials write it. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.invalid' })
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'date.invalid',
    },
  );

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
export type PatchShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>>;
};

/**
 * The PATCH form of a create schema: every field optional and without its create default, so a
 * field that is not sent stays absent (unchanged) and an explicit `null` clears it. Zod's own
 * `.partial()` keeps the defaults, which filled every unsent field with null or [] and so erased
 * it (issue 19 item 1).
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
    shape[key] = z.optional(inner as z.ZodType);
  }
  return z.strictObject(shape as PatchShape<S>);
}

/**
 * A record id in a path: a canonical positive decimal integer only. `0x10`, `1e3`, ` 1`, `01`
 * and `1.0` are refused (issue 19 item 4: coercion let them act on records 16, 1000 and 1).
 */
export const PathIdSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, { message: 'path.id_format' })
  .transform(Number)
  .refine((n) => n <= 2 ** 31 - 1, { message: 'path.id_format' });

/** A fiscal year in a path, written as four digits. */
export const PathYearSchema = z
  .string()
  .regex(/^(19|[2-9][0-9])[0-9]{2}$/, { message: 'path.year_format' })
  .transform(Number);

export const IdParamSchema = z.strictObject({ id: PathIdSchema });

/**
 * The version of a record the writer read (issue 19 item 2): every update and workflow step
 * carries it, and the server answers 409 when the record has moved on since.
 */
export const RowVersionSchema = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
/** Body of a workflow step that takes nothing but the version read. */
export const VersionOnlySchema = z.strictObject({ version: RowVersionSchema });

export const OkSchema = z.object({ ok: z.literal(true) });
