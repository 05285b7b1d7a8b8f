import * as z from 'zod/mini';
import { idSchema, timestampSchema } from '../../domain/schemas.js';

/**
 * Staff accounts and sessions: schemas only (the contract imports them, so HTTP clients bundle
 * no service code). `staff` answers residents in one community; `admin` also manages that
 * community's staff and its grids, buildings and units.
 */
export const roles = ['staff', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = (typeof roles)[number];

/** Login names: lower-case latin letters, digits and `._-`, 2–32 long (`wangfang`, `xfl.admin`). */
export const usernameSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'username.invalid'));

/** At least 10 characters; no composition rules (NIST SP 800-63B). */
export const passwordSchema = z
  .string()
  .check(z.minLength(10, 'password.tooShort'), z.maxLength(200, 'password.tooLong'));

export const staffNameSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'name.required'), z.maxLength(60));

/** What a staff member's own session and their admins see. */
export const staffProfileSchema = z.object({
  id: idSchema,
  username: usernameSchema,
  name: staffNameSchema,
  role: roleSchema,
  community: idSchema,
  /** Signed out everywhere and unable to sign in (a 网格员 who has left). */
  disabled: z.optional(z.boolean()),
});
export type StaffProfile = z.output<typeof staffProfileSchema>;

/** What happened to an account, and who did it (an admin's id, or `cli` for the server's). */
export interface StaffAccountEvent {
  at: string;
  action: 'password_changed' | 'password_set' | 'disabled' | 'enabled';
  by: string;
}

/** A stored account: the profile plus the password hash (never leaves the server). */
export interface StaffAccount extends StaffProfile {
  passwordHash: string;
  createdAt: string;
  /** Sessions opened before this instant no longer count (a password change ends them). */
  sessionsFrom?: string;
  /** The account's audit trail. */
  history?: StaffAccountEvent[];
}

/** A login session: `id` is a hash of the token the client holds, never the token itself. */
export interface Session {
  id: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
}

/** Login takes any string up to a length: the format of a wrong username tells nobody anything. */
export const loginInputSchema = z.object({
  username: z.string().check(z.minLength(1, 'username.required'), z.maxLength(64)),
  password: z.string().check(z.minLength(1, 'password.required'), z.maxLength(200)),
});

export const loginOutputSchema = z.object({
  /** Bearer token for SDK use (browsers get the same session as an httpOnly cookie). */
  token: z.string(),
  expiresAt: timestampSchema,
  staff: staffProfileSchema,
});
