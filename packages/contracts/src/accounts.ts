import { z } from 'zod';
import { PageQuerySchema, pageOf, properName, queryText, RowVersionSchema } from './common';
import { SCOPE_CODES } from './regions';
import { ROLES } from './roles';

export const AccountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  regionCode: z.enum(SCOPE_CODES),
  orgId: z.number().int().nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  /** Signs in with a second factor (TOTP). */
  mfaEnabled: z.boolean(),
  /** Where e-mail (notifications, reset links) goes; null: none. */
  email: z.string().nullable(),
  /** The organisation's account manager (adds and disables its colleagues). */
  orgManager: z.boolean(),
  /** Signs in with a password someone else set (must change it first). */
  passwordSetByOther: z.boolean(),
  /** Moves with every administrative change (roles, disabling, unlocking, factor reset). */
  version: z.number().int(),
});
export type Account = z.infer<typeof AccountSchema>;
export const AccountPageSchema = pageOf(AccountSchema);

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,63}$/;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'email.format' }));

export const CreateAccountBodySchema = z.strictObject({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, { message: 'username.format' }),
  displayName: properName(40),
  password: z.string().min(1).max(512),
  roles: z.array(z.enum(ROLES)).min(1).max(4),
  regionCode: z.enum(SCOPE_CODES),
  orgId: z.number().int().min(1).nullable().default(null),
  email: EmailSchema.nullable().default(null),
});
export type CreateAccountBody = z.infer<typeof CreateAccountBodySchema>;

/**
 * 双人授权: a province-level auditor (not the account changed) signs in at the security admin's
 * screen to approve disabling, demoting or resetting an account of the audit duty.
 */
export const DutyApprovalSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(128),
  otp: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
export type DutyApproval = z.infer<typeof DutyApprovalSchema>;

export const UpdateAccountBodySchema = z.strictObject({
  roles: z.array(z.enum(ROLES)).min(1).max(4).optional(),
  disabled: z.boolean().optional(),
  unlock: z.literal(true).optional(),
  email: EmailSchema.nullable().optional(),
  /** Only for an enterprise account of an organisation: it manages its colleagues' accounts. */
  orgManager: z.boolean().optional(),
  /** Needed (and only read) when the change would disable or demote an auditor. */
  approval: DutyApprovalSchema.optional(),
  version: RowVersionSchema,
});

export const MfaResetBodySchema = z.strictObject({
  version: RowVersionSchema,
  /** Needed (and only read) when the account holds the audit duty. */
  approval: DutyApprovalSchema.optional(),
});

/**
 * The security administrator sets a temporary password (a user who lost theirs and has no
 * e-mail): it must be changed at first sign-in, and every session of the account ends.
 */
export const AdminPasswordResetBodySchema = z.strictObject({
  version: RowVersionSchema,
  password: z.string().min(1).max(512),
  /** Needed (and only read) when the account holds the audit duty. */
  approval: DutyApprovalSchema.optional(),
});

export const AccountQuerySchema = PageQuerySchema.extend({
  q: queryText(64).optional(),
  role: z.enum(ROLES).optional(),
});
