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

export const IdParamSchema = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

export const OkSchema = z.object({ ok: z.literal(true) });
