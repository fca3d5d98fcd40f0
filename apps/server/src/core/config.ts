import { isAbsolute, relative, resolve } from 'node:path';
import { DEFAULT_MIN_CORRECTION_DAYS } from '@corridor/contracts';
import { z } from 'zod';

/** Environment variables the server reads; anything invalid stops the start with a clear message. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      message: 'must start with postgres:// (leave unset for SQLite)',
    })
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Secrets (checkpoint signing key …): a directory OUTSIDE DATA_DIR, so a copy of the data lacks them. */
  KEYS_DIR: z.string().min(1).default('./keys'),
  /** Signed checkpoints of the audit chain: outside DATA_DIR too (another disk, or a mounted share). */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).default('./audit-checkpoints'),
  /** Also send each checkpoint to a syslog collector (RFC 5424 over UDP): udp://host:port. */
  AUDIT_SYSLOG: z
    .string()
    .regex(/^udp:\/\/[^/:]+:\d{1,5}$/, 'must look like udp://host:514')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(30).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(12),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  /** MLPS 8.1.4.1a: privileged accounts (the three duties) change their password this often. */
  /** AUTH-07: second factor for the three duties; required by default in production. */
  MFA_PRIVILEGED: z.enum(['required', 'optional']).optional(),
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  SEED_SCALE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Origins allowed to send state-changing requests besides the server's own. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** Market search load protection: searches at once, waiting, time budget, matches walked. */
  MARKET_SEARCH_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(4),
  MARKET_SEARCH_QUEUE: z.coerce.number().int().min(0).max(10_000).default(8),
  MARKET_SEARCH_BUDGET_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  MARKET_SEARCH_WINDOW: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** Places (running + waiting) one account or address may hold; default a quarter of all. */
  MARKET_SEARCH_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Shortest correction window (公示期) of a ranking edition, in days, before it may close. */
  RANKING_MIN_CORRECTION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(90)
    .default(DEFAULT_MIN_CORRECTION_DAYS),
  /** Outgoing mail server for notification e-mails (smtp:// or smtps://); unset: none are sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.email().default('noreply@corridor.local'),
  /** The address people open the platform at, so links in e-mails are whole (e.g. https://…). */
  PUBLIC_URL: z.url().optional(),
});

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  keysDir: string;
  /** Signed checkpoints of the audit chain are appended here (every 5 minutes, at start and stop). */
  audit: { checkpointDir: string; syslog: { host: string; port: number } | null };
  logLevel: string;
  trustProxy: boolean;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginRatePerMinute: number;
  passwordMaxAgeMs: number;
  mfaPrivileged: 'required' | 'optional';
  seedScale: number;
  allowedOrigins: string[];
  marketSearch: {
    concurrency: number;
    queue: number;
    budgetMs: number;
    window: number;
    perClient?: number;
  };
  /** Ranking editions: the correction window runs at least this many days (0: no minimum). */
  rankings: { minCorrectionDays: number };
  /** Notification e-mail: no smtpUrl means the outbox is kept but nothing is sent (demo). */
  mail: { smtpUrl: string | undefined; from: string; publicUrl: string | undefined };
}

export class ConfigError extends Error {}

/** A directory that must not lie inside DATA_DIR (whoever copies the data must not get it too). */
function outside(dataDir: string, dir: string, name: string): string {
  const rel = relative(resolve(dataDir), resolve(dir));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    throw new ConfigError(
      `Invalid configuration:\n  ${name}: must be outside DATA_DIR (${dataDir})`,
    );
  }
  return dir;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (FOO=) means "not set", as shells and CI files often write it.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    keysDir: outside(e.DATA_DIR, e.KEYS_DIR, 'KEYS_DIR'),
    audit: {
      checkpointDir: outside(e.DATA_DIR, e.AUDIT_CHECKPOINT_DIR, 'AUDIT_CHECKPOINT_DIR'),
      syslog: e.AUDIT_SYSLOG
        ? {
            host: new URL(e.AUDIT_SYSLOG).hostname,
            port: Number(new URL(e.AUDIT_SYSLOG).port),
          }
        : null,
    },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    passwordMaxAgeMs: e.PASSWORD_MAX_AGE_DAYS * 86_400_000,
    mfaPrivileged: e.MFA_PRIVILEGED ?? (e.NODE_ENV === 'production' ? 'required' : 'optional'),
    seedScale: e.SEED_SCALE,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    marketSearch: {
      concurrency: e.MARKET_SEARCH_CONCURRENCY,
      queue: e.MARKET_SEARCH_QUEUE,
      budgetMs: e.MARKET_SEARCH_BUDGET_MS,
      window: e.MARKET_SEARCH_WINDOW,
      ...(e.MARKET_SEARCH_PER_CLIENT ? { perClient: e.MARKET_SEARCH_PER_CLIENT } : {}),
    },
    rankings: { minCorrectionDays: e.RANKING_MIN_CORRECTION_DAYS },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, publicUrl: e.PUBLIC_URL },
  };
}
