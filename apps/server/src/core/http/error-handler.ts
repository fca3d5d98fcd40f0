import {
  ERROR_STATUS,
  type ErrorBody,
  type ErrorCode,
  errorMessage,
  type FieldProblem,
  type Locale,
  pickLocale,
  reasonText,
} from '@corridor/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ProblemInput } from '../errors';
import { auditDenial } from './access';
import { problemsFromZodIssues } from './zod-problems';

/** Fastify's own error codes that are the caller's fault, and what we call them. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.malformed',
  FST_REQ_FILE_TOO_LARGE: 'request.too_large',
  FST_PARTS_LIMIT: 'request.too_large',
  FST_FILES_LIMIT: 'request.too_large',
  FST_FIELDS_LIMIT: 'request.too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'request.unsupported_media',
  FST_ERR_VALIDATION: 'validation.failed',
};

export function localiseProblems(problems: ProblemInput[], locale: Locale): FieldProblem[] {
  return problems.map(({ params, ...p }) => ({ ...p, reason: reasonText(p.code, locale, params) }));
}

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  problems?: ProblemInput[],
  params?: Record<string, string | number>,
) {
  const locale = request.ctx?.locale ?? pickLocale(request.headers['accept-language']);
  const message = errorMessage(code, locale, params);
  const body: ErrorBody = { code, message, requestId: request.id };
  if (problems?.length) body.details = localiseProblems(problems, locale);
  return reply.status(ERROR_STATUS[code]).type('application/json; charset=utf-8').send(body);
}

/** The one place where errors become HTTP answers. Nothing internal leaks to the caller. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      // Every refusal is recorded, whether the route or the object's policy refused.
      if (error.code === 'permission.denied' && request.ctx) await auditDenial(request);
      if (error.headers) reply.headers(error.headers);
      return sendError(reply, request, error.code, error.details, error.params);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        ...(v.params as object),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      }));
      return sendError(
        reply,
        request,
        'validation.failed',
        problemsFromZodIssues(issues, error.validationContext),
      );
    }
    if (error.statusCode === 429) {
      reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
      return sendError(reply, request, 'auth.rate_limited');
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendError(reply, request, mapped);
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode < 500)) {
      request.log.info({ err: error }, 'client error');
      return sendError(
        reply,
        request,
        error.statusCode === 413 ? 'request.too_large' : 'request.malformed',
      );
    }
    if (isBrokenMultipart(request, error)) {
      request.log.info({ err: error }, 'malformed multipart upload');
      return sendError(reply, request, 'request.malformed');
    }
    if (isValueRefusedByDatabase(error)) {
      request.log.warn({ err: error }, 'database refused an input value the schema let through');
      return sendError(reply, request, 'request.malformed');
    }
    if (isDatabaseDown(error)) {
      request.log.error({ err: error }, 'database unavailable');
      // The pool reconnects by itself once the database is back: a few seconds is a fair wait.
      reply.header('retry-after', '5');
      return sendError(reply, request, 'db.unavailable');
    }
    if (isStorageFull(error)) {
      request.log.error({ err: error }, 'storage full: a write was refused');
      return sendError(reply, request, 'db.storage_full');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, 'internal');
  });
}

/**
 * A multipart body the client got wrong: busboy throws plain Errors (no code, no status) for a
 * missing or over-long boundary and for a body that ends mid-part, and the file stream reports
 * a premature close. These are the caller's fault, so 400, not 500.
 */
function isBrokenMultipart(
  request: FastifyRequest,
  error: { code?: string; message?: string },
): boolean {
  if (!/^multipart\//i.test(String(request.headers['content-type'] ?? ''))) return false;
  if (error.code === 'ERR_STREAM_PREMATURE_CLOSE') return true;
  return /^Multipart: |unexpected end of multipart data|^The needle cannot/i.test(
    error.message ?? '',
  );
}

/**
 * PostgreSQL refusing a value that passed validation: a NUL character in text (22021, e.g. a
 * search term "%00"; SQLite accepts it) or a number outside the column's range (22003, e.g. an
 * id filter of 99999999999). The value came from the caller, so 400, not 500.
 */
function isValueRefusedByDatabase(error: { code?: string }): boolean {
  return ['22021', '22003', '22P05'].includes(error.code ?? '');
}

/**
 * PostgreSQL shutting down, restarting or unreachable (or SQLite locked past its timeout): a 503
 * the client may retry, not a 500. node-postgres reports a dropped connection and a connect
 * timeout by message only.
 */
const DOWN_CODES = ['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001'];
const DOWN_SYSCALLS = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'SQLITE_BUSY'];
const DOWN_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;
function isDatabaseDown(error: { code?: string; message?: string }): boolean {
  const code = error.code ?? '';
  return (
    DOWN_CODES.includes(code) ||
    DOWN_SYSCALLS.includes(code) ||
    DOWN_MESSAGES.test(error.message ?? '')
  );
}

/** No room left: SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100), the file store's ENOSPC. */
function isStorageFull(error: { code?: string }): boolean {
  return ['SQLITE_FULL', '53100', 'ENOSPC', 'EDQUOT'].includes(error.code ?? '');
}
