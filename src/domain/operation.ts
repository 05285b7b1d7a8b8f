import type * as z from 'zod/mini';

/**
 * One operation of the API: its route, access and schemas. A feature's `contract.ts` lists its
 * operations; the server's routes, the OpenAPI document, the SDK's http transport and the
 * embedded transport are all derived from those tables. Schemas only: no services, no I/O.
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

/** A feature's operations by name. */
export type OperationTable = Record<string, OperationDef>;

export const isMutation = (def: OperationDef): boolean => def.method !== 'GET';

/** What a caller passes to operation `N` of table `T` (before defaults and normalisation). */
export type InputOf<T extends OperationTable, N extends keyof T> = z.input<T[N]['input']>;
/** What operation `N` of table `T` answers. */
export type OutputOf<T extends OperationTable, N extends keyof T> = z.output<T[N]['output']>;
/** What the service of operation `N` gets: the input after parsing. */
export type ParsedInputOf<T extends OperationTable, N extends keyof T> = z.output<T[N]['input']>;
