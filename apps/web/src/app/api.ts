import type { ErrorBody, FieldProblem } from '@corridor/contracts';
import { getLocale, translate } from '../i18n';

/** An error answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The text to show for any error: the server's localised message when there is one. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return translate('error.unknown');
}

let csrfToken: string | null = null;

/** Set from the Me object (login, GET /auth/me); sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: QueryParams): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Writes carry an Idempotency-Key: the same write sent again within a few seconds (a double
 * click, a retried request) reuses the key, so the server runs it once and answers the repeat
 * with the first answer.
 */
const REPEAT_WINDOW_MS = 10_000;
const recentWrites = new Map<string, { key: string; at: number }>();
function idempotencyKey(method: string, path: string, body: string): string {
  const now = Date.now();
  for (const [print, entry] of recentWrites)
    if (now - entry.at > REPEAT_WINDOW_MS) recentWrites.delete(print);
  const print = `${method} ${path} ${body}`;
  const known = recentWrites.get(print);
  if (known) return known.key;
  const key = crypto.randomUUID();
  recentWrites.set(print, { key, at: now });
  return key;
}

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  const code = typeof body?.code === 'string' ? body.code : `http.${res.status}`;
  const message =
    typeof body?.message === 'string' && body.message
      ? body.message
      : translate('error.http', { status: res.status });
  const details = Array.isArray(body?.details) ? body.details : [];
  return new ApiError(res.status, code, message, details);
}

export async function request(method: string, path: string, opts: RequestOptions = {}) {
  const headers: Record<string, string> = {
    Accept: opts.accept ?? 'application/json',
    'Accept-Language': getLocale() === 'en' ? 'en' : 'zh-CN',
  };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (method !== 'GET' && typeof body === 'string')
    headers['Idempotency-Key'] = idempotencyKey(method, withQuery(path, opts.query), body);
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', translate('error.network'));
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function json<T>(method: string, path: string, opts?: RequestOptions): Promise<T> {
  const res = await request(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    json<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, { body }),
  patch: <T>(path: string, body?: unknown) => json<T>('PATCH', path, { body }),
};

function fileNameOf(res: Response, fallback: string): string {
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** GETs a file (Excel export, template) and hands it to the browser as a download. */
export async function download(path: string, query: QueryParams | undefined, fallbackName: string) {
  const res = await request('GET', path, { query, accept: '*/*' });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
