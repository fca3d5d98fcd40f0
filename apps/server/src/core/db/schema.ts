import type { Generated } from 'kysely';

/** Table types as the application sees them (camelCase; CamelCasePlugin maps to snake_case). */
export interface AccountsTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  regionCode: string;
  orgId: number | null;
  disabled: number;
  failedLogins: number;
  lockedUntil: string | null;
  passwordChangedAt: string;
  createdAt: string;
}

export interface AccountRolesTable {
  accountId: number;
  role: string;
}

export interface SessionsTable {
  tokenHash: string;
  accountId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  sourceIp: string | null;
}

export interface OrgsTable {
  id: Generated<number>;
  creditCode: string;
  name: string;
  pinyinInitials: string;
  pinyinFull: string;
  type: string;
  regionCode: string;
  industry: string | null;
  address: string | null;
  foundedOn: string | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
  updatedBy: number | null;
}

export interface AuditEventsTable {
  id: number;
  occurredAt: string;
  actorId: number | null;
  actorName: string | null;
  actorRoles: string;
  regionCode: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  sourceIp: string | null;
  outcome: string;
  detail: string;
  prevHash: string;
  hash: string;
}

/** One row: the chain's head, so appends lock one row and deletions at the tail are seen. */
export interface AuditHeadTable {
  id: number;
  lastId: number;
  lastHash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  accounts: AccountsTable;
  accountRoles: AccountRolesTable;
  sessions: SessionsTable;
  orgs: OrgsTable;
  auditEvents: AuditEventsTable;
  auditHead: AuditHeadTable;
  settings: SettingsTable;
}
