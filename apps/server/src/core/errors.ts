import type { ErrorCode, ReasonCode } from '@corridor/contracts';

/** One problem with one field; the error handler turns `code` into words for the caller. */
export interface ProblemInput {
  field: string;
  code: string;
  row?: number;
  column?: string;
  params?: Record<string, string | number>;
}

/** The one error type of the server: a stable code, mapped to HTTP status in the error handler. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: ProblemInput[],
    readonly headers?: Record<string, string>,
    /** Values the code's message names ({days}, {closableAt} …), in both languages alike. */
    readonly params?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** A refusal whose message names values of the case, e.g. when a window may close. */
export function errorWith(code: ErrorCode, params: Record<string, string | number>): AppError {
  return new AppError(code, undefined, undefined, params);
}

export function assertThat(condition: unknown, code: ErrorCode): asserts condition {
  if (!condition) throw new AppError(code);
}

/** A 400 naming one field and why (a reason the catalogue has words for). */
export function fieldError(
  field: string,
  code: ReasonCode,
  params?: Record<string, string | number>,
) {
  return new AppError('validation.failed', [{ field, code, ...(params ? { params } : {}) }]);
}
