import type * as z from 'zod/mini';

/**
 * Where an operation is served and who may call it: what a page needs before its first request.
 * A feature's `routes.ts` lists them, with no schemas, so a page's first render holds no zod.
 */
export interface OperationRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Under `/api/v1`; `{name}` segments are filled from the input field of that name. */
  path: string;
  /** `public`: anyone; `staff`/`admin`: a session scoped to one community. */
  access: 'public' | 'staff' | 'admin';
  /** Mutations from residents may be queued offline and replayed with their Idempotency-Key. */
  queueable?: boolean;
  /** HTTP status of success (default 200). */
  status?: 200 | 201;
  /**
   * `false`: the server neither stores nor replays this mutation's response under its
   * Idempotency-Key (login: its response carries a secret, and logging in twice is harmless).
   */
  idempotent?: false;
  /**
   * A GET whose output is `{ filename, content }` (a calendar file): the server also serves it
   * at the path + `.<extension>` as `type`, for what fetches a URL (a calendar subscription).
   */
  file?: { type: string; extension: string };
}

/** What an operation takes and answers, and what it does (for the OpenAPI document). */
export interface OperationSchemas {
  summary: string;
  input: z.ZodMiniType;
  output: z.ZodMiniType;
}

/**
 * One operation of the API: its route, access and schemas. A feature's `contract.ts` joins its
 * routes to their schemas; the server's routes, the OpenAPI document, the SDK's http transport
 * and the embedded transport are all derived from those tables. No services, no I/O.
 */
export interface OperationDef extends OperationRoute, OperationSchemas {}

/**
 * A feature's operation table: each route of `routes` with its schemas (the same names, no
 * more, no fewer).
 */
export function withSchemas<
  R extends Record<string, OperationRoute>,
  S extends { [N in keyof R]: OperationSchemas },
>(
  routes: R,
  schemas: S & Record<Exclude<keyof S, keyof R>, never>,
): { [N in keyof R]: R[N] & S[N] } {
  return Object.fromEntries(
    Object.entries(routes).map(([name, route]) => [name, { ...route, ...schemas[name] }]),
  ) as { [N in keyof R]: R[N] & S[N] };
}

/** A feature's operations by name. */
export type OperationTable = Record<string, OperationDef>;

export const isMutation = (def: OperationRoute): boolean => def.method !== 'GET';

/** What a caller passes to operation `N` of table `T` (before defaults and normalisation). */
export type InputOf<T extends OperationTable, N extends keyof T> = z.input<T[N]['input']>;
/** What operation `N` of table `T` answers. */
export type OutputOf<T extends OperationTable, N extends keyof T> = z.output<T[N]['output']>;
/** What the service of operation `N` gets: the input after parsing. */
export type ParsedInputOf<T extends OperationTable, N extends keyof T> = z.output<T[N]['input']>;
