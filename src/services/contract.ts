import { z } from 'zod/mini';
import { communitySchema, communitySummarySchema, idSchema } from '../domain/index.js';

/**
 * The API contract: every operation once, with its route, access and schemas. The server's
 * routes, the OpenAPI document, the SDK's http transport and the embedded transport are all
 * derived from this table. It imports schemas only, so HTTP clients never bundle services.
 */
export interface OperationDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under `/api/v1`; `{name}` segments are filled from the input field of that name. */
  path: string;
  summary: string;
  /** `public`: anyone; `staff`/`admin`: a session scoped to one community. */
  access: 'public' | 'staff' | 'admin';
  input: z.ZodMiniType;
  output: z.ZodMiniType;
  /** Mutations from residents may be queued offline and replayed with their Idempotency-Key. */
  queueable?: boolean;
}

export const operations = {
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
} as const satisfies Record<string, OperationDef>;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type Input<N extends OperationName> = z.input<Operations[N]['input']>;
export type Output<N extends OperationName> = z.output<Operations[N]['output']>;

export const isMutation = (def: OperationDef): boolean => def.method !== 'GET';
