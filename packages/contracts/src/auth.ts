import { z } from 'zod';
import { ABILITIES } from './abilities';
import { queryText } from './common';
import { SCOPE_CODES } from './regions';
import { ROLES } from './roles';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const PASSWORD_PROBLEMS = ['too_short', 'too_long', 'classes'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** Password policy (MLPS 8.1.4.1a / ASVS 6.2): length 12–128 and 3 of 4 character classes. */
export function passwordProblems(password: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN) return 'too_short';
  if ([...password].length > PASSWORD_MAX) return 'too_long';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password));
  return classes.length >= 3 ? null : 'classes';
}

export const LoginBodySchema = z.strictObject({
  username: queryText(64).pipe(z.string().min(1)),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
  /** The 6-digit code of the authenticator app, for accounts with a second factor. */
  otp: z
    .string()
    .regex(/^\d{6}$/, { message: 'otp.format' })
    .optional(),
});

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
  newPassword: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4),
});

export const MeSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  regionCode: z.enum(SCOPE_CODES),
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  csrfToken: z.string(),
  /** Menu sections this account may open; the web app hides the rest. */
  abilities: z.array(z.enum(ABILITIES)),
  /** A privileged account past its password age: only changing the password is open to it. */
  passwordExpired: z.boolean(),
  /** Whether the account signs in with a second factor. */
  mfaEnabled: z.boolean(),
  /** A privileged account that must enrol a second factor before anything else. */
  mfaSetupRequired: z.boolean(),
});

/**
 * GET /auth/session: who is signed in, or null for a visitor — a normal answer either way, so
 * the app's first question on an anonymous page logs no 401 (issue 10 item 17).
 */
export const SessionStateSchema = z.object({ me: MeSchema.nullable() });

export const MfaSetupSchema = z.object({
  /** Base32 secret, for typing into an app that cannot scan. */
  secret: z.string(),
  /** otpauth:// URI, shown as a QR code. */
  uri: z.string(),
});
/**
 * Replacing a second factor that is in use proves the person, not just the session (issue 19
 * item 8): the password and a current code of the factor being replaced. A first enrolment
 * sends nothing.
 */
export const MfaSetupBodySchema = z.strictObject({
  currentPassword: z
    .string()
    .min(1)
    .max(PASSWORD_MAX * 4)
    .optional(),
  otp: z
    .string()
    .regex(/^\d{6}$/, { message: 'otp.format' })
    .optional(),
});
export type MfaSetupBody = z.infer<typeof MfaSetupBodySchema>;
export const MfaEnableBodySchema = z.strictObject({
  otp: z.string().regex(/^\d{6}$/, { message: 'otp.format' }),
});
export type Me = z.infer<typeof MeSchema>;
