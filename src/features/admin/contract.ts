import * as z from 'zod/mini';
import type { OperationDef } from '../../domain/operation.js';
import { idSchema } from '../../domain/ids.js';
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
export const adminOperations = {
  putCommunity: {
    method: 'PUT',
    path: '/communities/{id}',
    summary: "Set up or replace an admin's own community (grids, buildings, units, categories)",
    access: 'admin',
    input: communitySchema,
    output: communitySchema,
  },
  listStaff: {
    method: 'GET',
    path: '/communities/{community}/staff',
    summary: "The staff accounts of an admin's own community",
    access: 'admin',
    input: z.object({ community: idSchema }),
    output: z.array(staffProfileSchema),
  },
  createStaff: {
    method: 'POST',
    path: '/communities/{community}/staff',
    summary: "Add a staff member or admin to an admin's own community",
    access: 'admin',
    input: createStaffInputSchema,
    output: staffProfileSchema,
    status: 201,
  },
  changePassword: {
    method: 'POST',
    path: '/auth/password',
    summary:
      'Change your own password: every session of the account ends; the answer is a new one (cookie and token)',
    access: 'staff',
    input: changePasswordInputSchema,
    output: loginOutputSchema,
    idempotent: false,
  },
  setStaffDisabled: {
    method: 'POST',
    path: '/staff/{id}/disabled',
    summary:
      'Admin: disable an account of your community (its sessions end at once) or enable it again',
    access: 'admin',
    input: setStaffDisabledInputSchema,
    output: staffProfileSchema,
  },
} as const satisfies Record<string, OperationDef>;
