import * as z from 'zod/mini';
import { idSchema } from '../../domain/schemas.js';
import { passwordSchema, roleSchema, staffNameSchema, usernameSchema } from '../core/auth-model.js';

/** A staff member changes their own password; every other session of theirs ends. */
export const changePasswordInputSchema = z.object({
  currentPassword: z.string().check(z.minLength(1, 'password.required'), z.maxLength(200)),
  newPassword: passwordSchema,
});

/** An admin disables (or enables again) an account of their community. */
export const setStaffDisabledInputSchema = z.object({
  id: idSchema,
  disabled: z.boolean(),
});

export const createStaffInputSchema = z.object({
  community: idSchema,
  username: usernameSchema,
  name: staffNameSchema,
  role: z._default(roleSchema, 'staff'),
  password: passwordSchema,
});
