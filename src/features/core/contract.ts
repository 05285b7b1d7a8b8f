import * as z from 'zod/mini';
import { communitySchema, communitySummarySchema } from './model.js';
import { idSchema } from '../../domain/ids.js';
import {
  changePasswordInputSchema,
  createStaffInputSchema,
  setStaffDisabledInputSchema,
  loginInputSchema,
  loginOutputSchema,
  staffProfileSchema,
} from './auth-model.js';

import type { OperationDef } from '../../domain/operation.js';

/**
 * Communities and staff sessions: what every page needs, so this table is in every page's
 * bundle. Other features' tables load on the feature's first call.
 */
export const coreOperations = {
  listCommunities: {
    method: 'GET',
    path: '/communities',
    summary: 'List the communities (社区) served here',
    access: 'public',
    input: z.object({}),
    output: z.array(communitySummarySchema),
  },
  getCommunity: {
    method: 'GET',
    path: '/communities/{id}',
    summary: 'A community with its grids, buildings, units, categories and privacy notice',
    access: 'public',
    input: z.object({ id: idSchema }),
    output: communitySchema,
  },
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
  login: {
    method: 'POST',
    path: '/auth/login',
    summary: 'Staff login: a session as an httpOnly cookie and as a bearer token',
    access: 'public',
    input: loginInputSchema,
    output: loginOutputSchema,
    idempotent: false,
  },
  logout: {
    method: 'POST',
    path: '/auth/logout',
    summary: 'End the current staff session',
    access: 'staff',
    input: z.object({}),
    output: z.object({ ok: z.literal(true) }),
    idempotent: false,
  },
  me: {
    method: 'GET',
    path: '/auth/me',
    summary: 'The staff member of the current session',
    access: 'staff',
    input: z.object({}),
    output: staffProfileSchema,
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
  // ---- 居民说事 (complaints): src/features/complaints/service.ts ----
} as const satisfies Record<string, OperationDef>;
