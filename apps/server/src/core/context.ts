import type { Locale, Role, ScopeCode } from '@corridor/contracts';
import type { AppConfig } from './config';
import type { Db, Dialect } from './db/dialect';
import type { FileStore } from './files/store';
import type { KeyStore } from './keys/key-store';

/** What every service needs from the outside world, built once at start. */
export interface Deps {
  db: Db;
  dialect: Dialect;
  config: AppConfig;
  /** Key of the HMAC-SM3 that replaces personal data in audit details. */
  piKey: string;
  /** Where uploaded files live; a disk store under DATA_DIR/files when not set. */
  fileStore?: FileStore;
  /** Secrets kept outside the database and DATA_DIR (checkpoint signing key …). */
  keys: KeyStore;
  /** What the start-up integrity check found wrong; while not empty, writes are refused. */
  integrity: { problems: string[] };
}

/** The signed-in account acting in a request. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  regionCode: ScopeCode;
  orgId: number | null;
  sessionHash: string;
  csrfToken: string;
  /** A privileged account past its password age (only set for signed-in sessions). */
  passwordExpired?: boolean;
  /** Signs in with a second factor. */
  mfaEnabled?: boolean;
  /** A privileged account that must enrol a second factor before anything else. */
  mfaSetupRequired?: boolean;
  /** Its organisation's account manager (adds and disables colleagues' accounts). */
  orgManager?: boolean;
}

/** Per-request context handed to services: who acts, from where, in which language. */
export interface Ctx {
  deps: Deps;
  actor: Actor | null;
  ip: string | null;
  locale: Locale;
  requestId: string;
}

/** For commands and jobs that act as the system rather than as a person. */
export function systemCtx(deps: Deps): Ctx {
  return { deps, actor: null, ip: null, locale: 'zh-CN', requestId: 'system' };
}

/**
 * For the demo seed acting as one of the demo accounts, through the same services as the API
 * (so its records look and audit exactly like a user's).
 */
export function seedCtxAs(
  deps: Deps,
  a: Pick<Actor, 'id' | 'username' | 'displayName' | 'roles' | 'regionCode' | 'orgId'>,
): Ctx {
  return {
    deps,
    actor: { ...a, sessionHash: 'seed', csrfToken: 'seed' },
    ip: null,
    locale: 'zh-CN',
    requestId: 'seed',
  };
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && actor.roles.some((r) => roles.includes(r));
}
