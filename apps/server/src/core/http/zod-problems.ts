import type { ProblemInput } from '../errors';

/** The part of a Zod issue we read (kept structural so Zod's internal types don't leak in). */
interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  input?: unknown;
}

/** Turns Zod issues into field problems with stable reason codes. */
export function problemsFromZodIssues(issues: IssueLike[], where?: string): ProblemInput[] {
  const out: ProblemInput[] = [];
  for (const issue of issues) {
    const base = [where && where !== 'body' ? where : null, ...issue.path.map(String)]
      .filter(Boolean)
      .join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? [])
        out.push({ field: base ? `${base}.${key}` : key, code: 'unknown_field' });
      continue;
    }
    out.push({ field: base || '(body)', ...reasonOf(issue) });
  }
  return out;
}

function reasonOf(issue: IssueLike): Pick<ProblemInput, 'code' | 'params'> {
  // Our own refinements carry their reason key as the message (e.g. 'credit_code.check').
  if (issue.code === 'custom' || /^[a-z_]+\.[a-z_.]+$/.test(issue.message)) {
    return { code: issue.message };
  }
  if (issue.code === 'invalid_format' && /^[a-z_]+\.[a-z_]+$/.test(issue.message))
    return { code: issue.message };
  switch (issue.code) {
    case 'too_big':
      return issue.origin === 'string'
        ? { code: 'too_long', params: { max: Number(issue.maximum) } }
        : { code: 'too_big' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required' };
      return issue.origin === 'string'
        ? { code: 'too_short', params: { min: Number(issue.minimum) } }
        : { code: 'too_small' };
    case 'invalid_type':
      return { code: /received undefined/.test(issue.message) ? 'required' : 'invalid_type' };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'invalid_value' };
    case 'invalid_format':
      return { code: 'invalid_format' };
    default:
      return { code: 'invalid_value' };
  }
}
