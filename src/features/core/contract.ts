import * as z from 'zod/mini';
import { communitySchema, communitySummarySchema } from './model.js';
import { idSchema } from '../../domain/ids.js';
import { loginInputSchema, loginOutputSchema, staffProfileSchema } from './auth-model.js';

import type { OperationDef } from '../../domain/operation.js';

/**
 * Communities and staff sessions: what every page needs, so this table is in every page's
 * bundle. Other features' tables load on the feature's first call (setting up a community and
 * its staff accounts is the admin feature's).
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
  // ---- 居民说事 (complaints): src/features/complaints/service.ts ----
} as const satisfies Record<string, OperationDef>;
