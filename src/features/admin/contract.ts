import * as z from 'zod/mini';
import { withSchemas } from '../../domain/operation.js';
import { adminRoutes } from './routes.js';
import { idSchema } from '../../domain/schemas.js';
import { loginOutputSchema, staffProfileSchema } from '../core/auth-model.js';
import { communitySchema } from '../core/model.js';
import {
  changePasswordInputSchema,
  createStaffInputSchema,
  setStaffDisabledInputSchema,
} from './model.js';

/**
 * Setting up a community and its staff accounts: admins' and staff's own operations, which no
 * resident's page uses, so their schemas load on first use rather than with every page.
 */
export const adminOperations = withSchemas(adminRoutes, {
  putCommunity: {
    summary: "Set up or replace an admin's own community (grids, buildings, units, categories)",
    input: communitySchema,
    output: communitySchema,
  },
  listStaff: {
    summary: "The staff accounts of an admin's own community",
    input: z.object({ community: idSchema }),
    output: z.array(staffProfileSchema),
  },
  createStaff: {
    summary: "Add a staff member or admin to an admin's own community",
    input: createStaffInputSchema,
    output: staffProfileSchema,
  },
  changePassword: {
    summary:
      'Change your own password: every session of the account ends; the answer is a new one (cookie and token)',
    input: changePasswordInputSchema,
    output: loginOutputSchema,
  },
  setStaffDisabled: {
    summary:
      'Admin: disable an account of your community (its sessions end at once) or enable it again',
    input: setStaffDisabledInputSchema,
    output: staffProfileSchema,
  },
});
