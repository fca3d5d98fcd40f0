import { z } from 'zod';
import { EmailSchema, USERNAME_PATTERN } from './accounts';
import {
  PageQuerySchema,
  pageOf,
  plainText,
  properName,
  queryText,
  RowVersionSchema,
} from './common';
import { CreditCodeSchema, INDUSTRY_CODES, PhoneSchema } from './orgs';
import { CITY_CODES } from './regions';

/**
 * Accounts people get and recover themselves (issue 10 item 13): an enterprise's
 * self-registration (decided by the city admin of the organisation's city), the colleagues an
 * organisation's account manager adds, and the forgotten-password reset by an e-mailed link.
 */

const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, { message: 'username.format' });

const PasswordInput = z.string().min(1).max(512);

/** What an enterprise sends to apply: its organisation and its first user (the manager). */
export const RegistrationBodySchema = z.strictObject({
  creditCode: CreditCodeSchema,
  orgName: properName(80),
  /** The organisation's city; a directory organisation's own city is used when it is listed. */
  regionCode: z.enum(CITY_CODES, { message: 'region.not_corridor' }),
  industry: z.enum(INDUSTRY_CODES).nullable().default(null),
  address: plainText(200).nullable().default(null),
  username: UsernameSchema,
  displayName: properName(40),
  email: EmailSchema,
  phone: PhoneSchema.nullable().default(null),
  password: PasswordInput,
});
export type RegistrationBody = z.infer<typeof RegistrationBodySchema>;

/** The applicant's receipt: nothing about the organisation or other applications. */
export const RegistrationReceiptSchema = z.object({
  status: z.literal('pending'),
  submittedAt: z.string(),
});

export const REGISTRATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const RegistrationSchema = z.object({
  id: z.number().int(),
  status: z.enum(REGISTRATION_STATUSES),
  username: z.string(),
  displayName: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  creditCode: z.string(),
  orgName: z.string(),
  industry: z.enum(INDUSTRY_CODES).nullable(),
  address: z.string().nullable(),
  regionCode: z.enum(CITY_CODES),
  /** The directory's organisation with this credit code (approval links to it), else null. */
  directoryOrg: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  accountId: z.number().int().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Registration = z.infer<typeof RegistrationSchema>;
export const RegistrationPageSchema = pageOf(RegistrationSchema);

export const RegistrationQuerySchema = PageQuerySchema.extend({
  status: z.enum(REGISTRATION_STATUSES).optional(),
});
export type RegistrationQuery = z.infer<typeof RegistrationQuerySchema>;

export const RejectRegistrationBodySchema = z.strictObject({
  version: RowVersionSchema,
  reason: plainText(500).pipe(z.string().min(2)),
});

/** A colleague's account as the organisation's manager sees it. */
export const ColleagueSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  orgManager: z.boolean(),
  /** Still signs in with the password the manager set (must change it first). */
  passwordSetByOther: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type Colleague = z.infer<typeof ColleagueSchema>;
export const ColleagueListSchema = z.object({ items: z.array(ColleagueSchema) });
/** The list takes no parameters (an unknown one is a 400, as everywhere). */
export const ColleagueQuerySchema = z.strictObject({});

/** A colleague gets the enterprise role of the manager's organisation, nothing else. */
export const CreateColleagueBodySchema = z.strictObject({
  username: UsernameSchema,
  displayName: properName(40),
  email: EmailSchema.nullable().default(null),
  /** A first password the colleague changes at first sign-in. */
  password: PasswordInput,
});
export type CreateColleagueBody = z.infer<typeof CreateColleagueBodySchema>;

export const UpdateColleagueBodySchema = z.strictObject({
  disabled: z.boolean().optional(),
  email: EmailSchema.nullable().optional(),
  version: RowVersionSchema,
});
export type UpdateColleagueBody = z.infer<typeof UpdateColleagueBodySchema>;

/** Forgotten password: a user name or the account's e-mail address. */
export const ForgotPasswordBodySchema = z.strictObject({
  login: queryText(254).pipe(z.string().min(1)),
});

/** The token of an e-mailed link: 32 random bytes, base64url. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const ResetPasswordBodySchema = z.strictObject({
  token: z.string().regex(RESET_TOKEN_PATTERN, { message: 'reset_token.format' }),
  newPassword: PasswordInput,
});

/** Minutes a reset link stays good. */
export const RESET_LINK_MINUTES = 30;

/** What the sign-in and registration pages need to know about the installation. */
export const PublicConfigSchema = z.object({
  /** The server runs with the demo data (its accounts are printed in the server console). */
  demo: z.boolean(),
  /** E-mail is sent (a mail server is configured): reset links and registration answers arrive. */
  mail: z.boolean(),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;
