import * as z from 'zod/mini';
import { communitySchema, communitySummarySchema } from './model.js';
import { idSchema } from '../../domain/schemas.js';
import { loginInputSchema, loginOutputSchema, staffProfileSchema } from './auth-model.js';

import { withSchemas } from '../../domain/operation.js';
import { coreRoutes } from './routes.js';

/**
 * Communities and staff sessions: every page's routes (`routes.ts`); like every feature's
 * table, this one loads on the first call (setting up a community and its staff accounts is
 * the admin feature's).
 */
export const coreOperations = withSchemas(coreRoutes, {
  listCommunities: {
    summary: 'List the communities (社区) served here',
    input: z.object({}),
    output: z.array(communitySummarySchema),
  },
  getCommunity: {
    summary: 'A community with its grids, buildings, units, categories and privacy notice',
    input: z.object({ id: idSchema }),
    output: communitySchema,
  },
  login: {
    summary: 'Staff login: a session as an httpOnly cookie and as a bearer token',
    input: loginInputSchema,
    output: loginOutputSchema,
  },
  logout: {
    summary: 'End the current staff session',
    input: z.object({}),
    output: z.object({ ok: z.literal(true) }),
  },
  me: {
    summary: 'The staff member of the current session',
    input: z.object({}),
    output: staffProfileSchema,
  },
});

/**
 * What `POST /uploads` answers: a route the server adds beside the contract's
 * (src/server/app.ts), checked by the SDK like every answer.
 */
export const uploadAnswerSchema = z.object({
  files: z.array(z.object({ id: z.string(), contentType: z.string(), size: z.number() })),
});
