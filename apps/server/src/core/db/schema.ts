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
  /** TOTP secret, encrypted (core/auth/mfa.ts); null until enrolled. */
  mfaSecret: string | null;
  mfaPendingSecret: string | null;
  mfaEnabledAt: string | null;
  /** The TOTP time step last accepted: a code is good once. */
  mfaLastStep: number | null;
  /** Where e-mail notifications go; null: in-app only (no screen sets it yet). */
  email: Generated<string | null>;
  /** Administrative changes only (sign-ins do not move it). */
  version: Generated<number>;
  /** 1 while the password is one an administrator set: the owner must change it first. */
  passwordSetByOther: Generated<number>;
  /** 1: the organisation's account manager (creates and disables its colleagues' accounts). */
  orgManager: Generated<number>;
}

/** An enterprise's application for its first account; the city admin decides it. */
export interface RegistrationsTable {
  id: Generated<number>;
  status: 'pending' | 'approved' | 'rejected';
  username: string;
  displayName: string;
  email: string;
  phone: string | null;
  /** argon2id of the password the applicant chose; null once the application is decided. */
  passwordHash: string | null;
  creditCode: string;
  /** The directory's organisation with that code, when it was there at submission. */
  orgId: number | null;
  orgName: string;
  orgIndustry: string | null;
  orgAddress: string | null;
  /** The city that decides: the directory organisation's, else the one applied for. */
  regionCode: string;
  accountId: number | null;
  decidedBy: number | null;
  decidedAt: string | null;
  reason: string | null;
  createdAt: string;
  version: Generated<number>;
}

/** A password-reset link: only the SHA-256 of its token is kept. */
export interface PasswordResetsTable {
  id: Generated<number>;
  accountId: number;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** An e-mail to an address, not to an inbox (applicants, reset links). */
export interface DirectEmailsTable {
  id: Generated<number>;
  address: string;
  type: string;
  params: string;
  /** Erased once sent when it carries a secret (then stored sealed, link_sealed = 1). */
  link: string | null;
  linkSealed: Generated<number>;
  createdAt: string;
  sentAt: string | null;
  attempts: Generated<number>;
  lastError: string | null;
}

/** Failed sign-ins per (account, client address); see modules/accounts/accounts.throttle.ts. */
export interface LoginThrottleTable {
  accountId: number;
  client: string;
  failures: number;
  locks: number;
  lockedUntil: string | null;
  updatedAt: string;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  accountId: number;
  passwordHash: string;
  replacedAt: string;
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
/** A contiguous run of events moved to an archive file (core/audit/archive.ts). */
export interface AuditArchivesTable {
  id: number;
  firstId: number;
  lastId: number;
  /** Hash of the last archived event: the remaining chain's first prev_hash. */
  lastHash: string;
  fileName: string;
  fileSm3: string;
  archivedAt: string;
}

export interface AuditHeadTable {
  id: number;
  lastId: number;
  lastHash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** Cockpit: organisations per city × type × industry ('' = none) × month registered. */
export interface CockpitOrgCountsTable {
  regionCode: string;
  type: string;
  industry: string;
  createdMonth: string;
  n: number;
}

/** Cockpit: cross-city flows per kind × month × from → to × field ('' = none), yuan. */
export interface CockpitFlowStatsTable {
  kind: string;
  ym: string;
  fromCity: string;
  toCity: string;
  field: string;
  n: number;
  amountYuan: number;
}

/** Cockpit: figures entered by province officials, each with its source and date. */
export interface CockpitOfficialKpisTable {
  id: Generated<number>;
  code: string;
  value: number;
  asOf: string;
  source: string;
  note: string | null;
  version: number;
  enteredAt: string;
  enteredBy: number | null;
  updatedAt: string;
  updatedBy: number | null;
}

/** Indicators: one enterprise, one fiscal year (JSON columns hold lists and maps as text). */
export interface IndicatorYearsTable {
  id: Generated<number>;
  orgId: number;
  year: number;
  revenue: number;
  mainRevenue: number | null;
  totalIncome: number | null;
  highTechIncome: number | null;
  rdSpend: number;
  rdSpendDomestic: number | null;
  totalCosts: number | null;
  totalAssets: number;
  liabilities: number | null;
  netAssets: number | null;
  staff: number;
  scienceStaff: number;
  rdStaff: number | null;
  conversions: number | null;
  foundedOn: string | null;
  ip: string | null;
  /** Contract field ipClassI…: spelt with a digit so the snake_case mapping round-trips. */
  ipClass1OwnDeveloped: number | null;
  ipClass1HighValue: number | null;
  ipClass1InUse: number | null;
  ipObtainedBy: string | null;
  valuation: number | null;
  listing: string | null;
  equity: string | null;
  awards: string | null;
  rdInstitutions: string | null;
  standards: string | null;
  violations: string | null;
  highTechField: string | null;
  profile: string | null;
  yearsInNiche: number | null;
  yearsInField: number | null;
  globalMarketRank: number | null;
  assessments: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: number | null;
}

/** Indicators: provenance of every value (old and new value as JSON text). */
export interface IndicatorChangesTable {
  id: Generated<number>;
  orgId: number;
  year: number;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: string;
  changedBy: number | null;
  changedByName: string | null;
  changedAt: string;
  note: string | null;
}

/** Indicators: recognitions actually held (高企 certificate, 专精特新 …). */
export interface OrgCertificatesTable {
  id: Generated<number>;
  orgId: number;
  regionCode: string;
  kind: string;
  number: string;
  issuedOn: string;
  expiresOn: string | null;
  issuer: string | null;
  createdAt: string;
  createdBy: number | null;
}

/** Indicators: stored tier evaluation per org × year × tier, aggregated by the statistics. */
export interface TierResultsTable {
  orgId: number;
  year: number;
  tier: string;
  regionCode: string;
  eligible: number;
  via: string | null;
  withinReach: number;
  total: number | null;
  gapCount: number;
  ruleSetId: string;
  evaluatedAt: string;
}

/** Rankings: one SM2 key pair per publisher account (production: HSM/KMS instead). */
export interface RankingKeysTable {
  id: Generated<number>;
  accountId: number;
  algorithm: string;
  publicKey: string;
  privateKey: string;
  createdAt: string;
}

export interface RankingMethodsTable {
  id: Generated<number>;
  code: string;
  version: number;
  name: string;
  description: string | null;
  normalisation: string;
  /** JSON: RankingIndicator[]. */
  indicators: string;
  status: string;
  ownerId: number;
  /** Edits of the draft; `version` numbers the method's published versions. */
  revision: Generated<number>;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface RankingEditionsTable {
  id: Generated<number>;
  methodId: number;
  title: string;
  year: number;
  city: string | null;
  industry: string | null;
  status: string;
  ownerId: number;
  publisherName: string;
  entryCount: number;
  frozenInputsSm3: string;
  finalInputsSm3: string | null;
  windowOpenedAt: string | null;
  windowClosesOn: string | null;
  windowClosedAt: string | null;
  publishedAt: string | null;
  previousEditionId: number | null;
  canonicalSm3: string | null;
  signature: string | null;
  publicKey: string | null;
  keyId: number | null;
  createdAt: string;
  updatedAt: string;
  version: Generated<number>;
}

export interface RankingInputsTable {
  editionId: number;
  orgId: number;
  creditCode: string;
  name: string;
  regionCode: string;
  industry: string | null;
  /** JSON: indicator key → number | null. */
  inputValues: string;
  /** JSON: indicator key → Provenance. */
  provenance: string;
}

export interface RankingCorrectionsTable {
  id: Generated<number>;
  editionId: number;
  orgId: number;
  field: string;
  previousValue: number | null;
  claimedValue: number;
  reason: string;
  evidence: string;
  status: string;
  decisionReason: string | null;
  filedBy: number;
  filedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  version: Generated<number>;
}

export interface RankingEntriesTable {
  editionId: number;
  orgId: number;
  rank: number;
  creditCode: string;
  name: string;
  regionCode: string;
  industry: string | null;
  total: number;
  previousRank: number | null;
  movement: number | null;
  /** JSON: ScoredIndicator[]. */
  breakdown: string;
}

export interface RankingEditionDocumentsTable {
  editionId: number;
  canonicalJson: string;
}

/** Technology market (modules/market). JSON columns hold arrays as text. */
export interface MarketAchievementsTable {
  id: Generated<number>;
  orgId: number;
  regionCode: string;
  title: string;
  abstract: string;
  keywords: string;
  field: string;
  industry: string | null;
  trl: number;
  stage: string;
  ipItems: string;
  inventors: string;
  transferModes: string;
  priceWan: number | null;
  attachments: string;
  status: string;
  showcase: number;
  /** Set while listed: the record's row id in the full-text index (modules/search/search.key.ts). */
  searchKey: number | null;
  reviewNote: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  curatedAt: string | null;
  curatedBy: number | null;
  publishedAt: string | null;
  createdBy: number | null;
  updatedBy: number | null;
}

export interface MarketDemandsTable {
  id: Generated<number>;
  orgId: number;
  regionCode: string;
  title: string;
  description: string;
  field: string;
  industry: string | null;
  budgetWan: number | null;
  deadline: string;
  status: string;
  openCall: number;
  searchKey: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  createdBy: number | null;
  updatedBy: number | null;
}

export interface MarketCountersTable {
  name: string;
  value: number;
}

/** PostgreSQL only (SQLite keeps the index in FTS5 tables, reached through raw SQL). */
export interface MarketSearchTable {
  searchKey: number;
  tsv: string;
  /** Latin-letter lexemes (pinyin, English): modules/search/search.expr.ts. */
  tsvPy: string;
}

/** Technology contracts; parties are snapshotted as entered (the 登记表 shows them as signed). */
export interface DealsTable {
  id: Generated<number>;
  type: string;
  status: string;
  projectName: string;
  sellerOrgId: number;
  sellerName: string;
  sellerCreditCode: string;
  sellerType: string;
  sellerCity: string;
  buyerOrgId: number;
  buyerName: string;
  buyerCreditCode: string;
  buyerType: string;
  buyerCity: string;
  achievementId: number | null;
  totalAmountWan: number;
  techAmountWan: number;
  signedOn: string;
  signedYear: number;
  validFrom: string;
  validTo: string;
  field: string;
  expectedNewInvestmentWan: number | null;
  expectedNewOutputWan: number | null;
  registrationNo: string | null;
  registrationRegion: string | null;
  registeredAt: string | null;
  registeredBy: number | null;
  /** Each party's confirmation that it signed (account id and time). */
  sellerSignedAt: string | null;
  sellerSignedBy: number | null;
  buyerSignedAt: string | null;
  buyerSignedBy: number | null;
  refusedAt: string | null;
  refusedBy: number | null;
  refusedSide: string | null;
  refusalReason: string | null;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** Last serial of 合同登记编号 per registration year and city. */
export interface DealRegistrationSeqTable {
  yearRegion: string;
  last: number;
}

/** A broker's introduction of a demand to an achievement (matching module). */
export interface MatchingIntroductionsTable {
  id: Generated<number>;
  achievementId: number;
  achievementOrgId: number;
  demandId: number;
  demandOrgId: number;
  achievementTitle: string;
  demandTitle: string;
  regionCode: string;
  brokerId: number;
  note: string;
  status: string;
  reason: string | null;
  reasonText: string | null;
  answeredBy: number | null;
  answeredAt: string | null;
  createdAt: string;
  version: Generated<number>;
}

export interface NegotiationsTable {
  id: Generated<number>;
  achievementId: number;
  achievementTitle: string;
  introductionId: number | null;
  sellerOrgId: number;
  sellerName: string;
  sellerCity: string;
  buyerOrgId: number;
  buyerName: string;
  buyerCity: string;
  brokerId: number | null;
  brokerName: string | null;
  status: string;
  agreedEntryId: number | null;
  dealId: number | null;
  version: Generated<number>;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
}

export interface NegotiationEntriesTable {
  id: Generated<number>;
  negotiationId: number;
  kind: string;
  side: string;
  authorId: number;
  authorName: string;
  text: string;
  offerType: string | null;
  offerTotalWan: number | null;
  offerTechWan: number | null;
  reason: string | null;
  createdAt: string;
}

export interface IdempotencyKeysTable {
  actorId: number;
  key: string;
  fingerprint: string;
  /** 'pending' while the first request runs, 'done' once its answer is stored. */
  state: 'pending' | 'done';
  statusCode: number | null;
  response: string | null;
  createdAt: string;
}

/** Uploaded files (core/files, modules/files): the bytes are in the file store under storageKey. */
export interface FilesTable {
  id: Generated<number>;
  ownerOrgId: number | null;
  uploadedBy: number;
  /** As the uploader named it: shown and offered as the download name, never used as a path. */
  originalName: string;
  /** Detected from the content. */
  mimeType: string;
  sizeBytes: number;
  sm3: string;
  storageKey: string;
  createdAt: string;
  /** The record it is attached to (FILE_LINK_TYPES), both null while unattached. */
  linkedType: string | null;
  linkedId: number | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  recipientId: number;
  /** A NotificationType code; the sentence is rendered from it where it is read. */
  type: string;
  /** JSON of the values the sentence is filled with. */
  params: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  notificationId: number;
  address: string;
  createdAt: string;
  sentAt: string | null;
  attempts: Generated<number>;
  lastError: string | null;
}

/** One scheduled (or run-now) slot of a job; unique per (jobName, slot). */
export interface JobRunsTable {
  id: Generated<number>;
  jobName: string;
  /** ISO time of the scheduled slot (for a run-now: the time it was asked for). */
  slot: string;
  status: 'running' | 'succeeded' | 'failed';
  attempt: number;
  trigger: 'schedule' | 'manual';
  startedAt: string;
  /** A 'running' row past this is taken to have died with its process and may be retaken. */
  leaseUntil: string;
  finishedAt: string | null;
  /** A failed attempt to be tried again from this time (null: no more attempts). */
  retryAt: string | null;
  summary: string | null;
  error: string | null;
}

/** Co-built parks (共建园区): the park, its parties, phases, yearly figures and payments. */
export interface ParksTable {
  id: Generated<number>;
  name: string;
  hostCity: string;
  areaKm2: number | null;
  establishedOn: string;
  termEndsOn: string | null;
  agreementTitle: string | null;
  description: string | null;
  version: number;
  createdAt: string;
  createdBy: number | null;
  updatedAt: string;
  updatedBy: number | null;
}
export interface ParkPartiesTable {
  parkId: number;
  cityCode: string;
  role: string;
}
export interface ParkPhasesTable {
  id: Generated<number>;
  parkId: number;
  startsOn: string;
  endsOn: string | null;
  governance: string;
  /** JSON: [{cityCode, percent}] */
  equity: string;
  /** JSON: the phase's sharing rules */
  rules: string;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface ParkFiguresTable {
  id: Generated<number>;
  parkId: number;
  year: number;
  item: string;
  valueWan: number;
  incentivesWan: number;
  reportedBy: string;
  note: string | null;
  version: number;
  createdAt: string;
  createdBy: number | null;
  updatedAt: string;
  updatedBy: number | null;
}
export interface ParkPaymentsTable {
  id: Generated<number>;
  parkId: number;
  year: number;
  item: string;
  payerCity: string;
  payeeCity: string;
  amountWan: number;
  paidOn: string;
  note: string | null;
  createdAt: string;
  createdBy: number | null;
}

export interface Database {
  parks: ParksTable;
  parkParties: ParkPartiesTable;
  parkPhases: ParkPhasesTable;
  parkFigures: ParkFiguresTable;
  parkPayments: ParkPaymentsTable;
  accounts: AccountsTable;
  registrations: RegistrationsTable;
  passwordResets: PasswordResetsTable;
  directEmails: DirectEmailsTable;
  accountRoles: AccountRolesTable;
  loginThrottle: LoginThrottleTable;
  passwordHistory: PasswordHistoryTable;
  sessions: SessionsTable;
  orgs: OrgsTable;
  auditEvents: AuditEventsTable;
  auditHead: AuditHeadTable;
  auditArchives: AuditArchivesTable;
  settings: SettingsTable;
  rankingKeys: RankingKeysTable;
  rankingMethods: RankingMethodsTable;
  rankingEditions: RankingEditionsTable;
  rankingInputs: RankingInputsTable;
  rankingCorrections: RankingCorrectionsTable;
  rankingEntries: RankingEntriesTable;
  rankingEditionDocuments: RankingEditionDocumentsTable;
  indicatorYears: IndicatorYearsTable;
  indicatorChanges: IndicatorChangesTable;
  orgCertificates: OrgCertificatesTable;
  tierResults: TierResultsTable;
  cockpitOrgCounts: CockpitOrgCountsTable;
  cockpitFlowStats: CockpitFlowStatsTable;
  cockpitOfficialKpis: CockpitOfficialKpisTable;
  marketAchievements: MarketAchievementsTable;
  marketDemands: MarketDemandsTable;
  marketCounters: MarketCountersTable;
  marketAchievementSearch: MarketSearchTable;
  marketDemandSearch: MarketSearchTable;
  deals: DealsTable;
  dealRegistrationSeq: DealRegistrationSeqTable;
  matchingIntroductions: MatchingIntroductionsTable;
  negotiations: NegotiationsTable;
  negotiationEntries: NegotiationEntriesTable;
  idempotencyKeys: IdempotencyKeysTable;
  files: FilesTable;
  notifications: NotificationsTable;
  emailOutbox: EmailOutboxTable;
  jobRuns: JobRunsTable;
}
