/**
 * Every error the API can answer with: a stable code and its HTTP status, in one place.
 * Messages live in the zh-CN and en catalogues (./i18n), keyed by the same codes.
 */
export const ERROR_STATUS = {
  'validation.failed': 400,
  'request.malformed': 400,
  'request.too_large': 413,
  'request.unsupported_media': 415,
  'route.not_found': 404,
  'method.not_allowed': 405,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.session_expired': 401,
  'auth.rate_limited': 429,
  'auth.password_policy': 400,
  'auth.password_common': 400,
  'auth.password_reused': 400,
  'auth.wrong_current_password': 400,
  'auth.password_expired': 403,
  'auth.mfa_setup_required': 403,
  'auth.mfa_not_pending': 409,
  'auth.otp_invalid': 400,
  'auth.reauth_required': 400,
  'auth.reauth_failed': 403,
  'csrf.failed': 403,
  'idempotency.key_invalid': 400,
  'idempotency.key_reused': 422,
  'idempotency.in_progress': 409,
  /** The record moved on since the writer read it (the body's `version` is stale). */
  'record.version_conflict': 409,
  'permission.denied': 403,
  'org.not_found': 404,
  'org.credit_code_taken': 409,
  'org.version_conflict': 409,
  'account.not_found': 404,
  'account.username_taken': 409,
  'account.roles_invalid': 400,
  'account.scope_invalid': 400,
  'account.cannot_change_self': 400,
  'account.audit_approval_required': 403,
  'account.audit_approval_invalid': 403,
  'account.org_manager_invalid': 400,
  'registration.not_found': 404,
  'registration.pending_exists': 409,
  'registration.org_has_accounts': 409,
  'registration.already_decided': 409,
  'auth.reset_link_invalid': 400,
  'import.not_excel': 400,
  'import.too_many_rows': 400,
  'import.zip_bomb': 400,
  'import.rejected': 400,
  'import.no_file': 400,
  'audit.not_found': 404,
  'jobs.not_found': 404,
  'park.not_found': 404,
  'park.phase_not_found': 404,
  'park.figure_not_found': 404,
  'park.figure_exists': 409,
  'cockpit.kpi_not_found': 404,
  'cockpit.kpi_version_conflict': 409,
  'indicator.not_found': 404,
  'indicator.version_conflict': 409,
  'indicator.not_enterprise': 400,
  'certificate.not_found': 404,
  'certificate.duplicate': 409,
  'ranking.method_not_found': 404,
  'ranking.method_immutable': 409,
  'ranking.method_not_published': 409,
  'ranking.edition_not_found': 404,
  'ranking.published_immutable': 409,
  'ranking.wrong_state': 409,
  'ranking.not_published': 409,
  'ranking.no_inputs': 409,
  'ranking.window_not_open': 409,
  'ranking.window_minimum': 409,
  'ranking.not_in_edition': 403,
  'ranking.correction_not_found': 404,
  'ranking.correction_decided': 409,
  'ranking.correction_pending': 409,
  'ranking.corrections_pending': 409,
  'db.unavailable': 503,
  'db.storage_full': 507,
  'platform.degraded': 503,
  'server.busy': 503,
  'market.achievement_not_found': 404,
  'market.demand_not_found': 404,
  'market.version_conflict': 409,
  'market.illegal_transition': 409,
  'market.not_editable': 409,
  'market.not_listed': 409,
  'market.deadline_passed': 409,
  'market.query_empty': 400,
  'deal.not_found': 404,
  'file.not_found': 404,
  'file.too_large': 413,
  'file.no_file': 400,
  'deal.illegal_transition': 409,
  'deal.already_confirmed': 409,
  'deal.not_party': 403,
  'matching.introduction_not_found': 404,
  'matching.not_listed': 409,
  'matching.already_answered': 409,
  'matching.already_introduced': 409,
  'matching.same_org': 409,
  'negotiation.not_found': 404,
  'notification.not_found': 404,
  'negotiation.not_open': 409,
  'negotiation.not_agreed': 409,
  'negotiation.not_latest_offer': 409,
  'negotiation.already_open': 409,
  'negotiation.not_listed': 409,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one input field, as returned in `details`. */
export interface FieldProblem {
  field: string;
  /** Stable reason key, e.g. `credit_code.check` or `too_long`. */
  code: string;
  /** The reason in the caller's language. */
  reason: string;
  /** Row number in an imported sheet (1-based, as Excel shows it). */
  row?: number;
  column?: string;
}

/** The body of every error response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldProblem[];
  requestId?: string;
}
