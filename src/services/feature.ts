import type {
  InputOf,
  OperationRoute,
  OperationTable,
  OutputOf,
  ParsedInputOf,
} from '../domain/operation.js';
import type { Delivery } from '../sdk/outbox.js';
import type { CallOptions, UploadedFile } from '../sdk/transport.js';
import type { Clock } from '../domain/time.js';
import type { ServiceContext } from './context.js';
import type { Store } from './store.js';

/** Photo storage in the page (embedded transport): the services behind `client.uploads`. */
export interface UploadServices {
  saveUploads(ctx: ServiceContext, files: Blob[]): Promise<UploadedFile[]>;
  readUpload(ctx: ServiceContext, id: string): Promise<Blob>;
}

/** The use case behind operation `N` of table `T`: parsed input in, the contract's output out. */
export type Service<T extends OperationTable, N extends keyof T> = (
  ctx: ServiceContext,
  input: ParsedInputOf<T, N>,
) => Promise<OutputOf<T, N>>;

/** A feature's services: one per operation, under the operation's name. */
export type ServicesOf<T extends OperationTable> = { [N in keyof T]: Service<T, N> };

/** How a feature's SDK resource reaches its operations (a client's `call` and `submit`). */
export interface Caller<T extends OperationTable> {
  call<N extends keyof T & string>(
    name: N,
    input: InputOf<T, N>,
    options?: CallOptions,
  ): Promise<OutputOf<T, N>>;
  submit<N extends keyof T & string>(
    name: N,
    input: InputOf<T, N>,
    options?: { idempotencyKey?: string; attachments?: Blob[] },
  ): Promise<Delivery<OutputOf<T, N>>>;
}

/**
 * A feature's manifest (`src/features/<feature>/feature.ts`): everything the rest of the
 * system needs to know of it. From the list in `src/features/index.ts` come the server's
 * routes and OpenAPI document; from a page's registered manifests (`<feature>/sdk.ts`) the
 * SDK's operation lookup, its lazy loading and `client.<name>`; the embedded transport runs
 * `services`. A page's first render holds only the routes: schemas and services load on a
 * feature's first call (a read goes out meanwhile).
 */
export interface Feature<
  Name extends string = string,
  T extends OperationTable = OperationTable,
  Resource = unknown,
> {
  readonly name: Name;
  /** Where each operation is served and who may call it (`routes.ts`: no schemas). */
  readonly routes: { readonly [N in keyof T]: OperationRoute };
  /** Its operations with their schemas (`contract.ts`), loaded on first use. */
  readonly operations: () => Promise<T>;
  /** Its services, one per operation under the same name (the embedded transport and the server). */
  readonly services: () => Promise<ServicesOf<T>>;
  /**
   * Saving and reading photos in the embedded transport, with the feature's rule of who may
   * read one (the server stores uploads itself and asks the same services).
   */
  readonly uploads?: () => Promise<UploadServices>;
  /**
   * The demo street's data of this feature, seeded by the embedded transport before the
   * feature's first call (it leaves a store that has the feature's data alone); the server
   * seeds it with `seed-demo`.
   */
  readonly demo?: () => Promise<(store: Store, clock: Clock) => Promise<unknown>>;
  /** `client.<name>`: typed methods over `call`/`submit`, made once per client. */
  readonly resource?: (caller: Caller<T>) => Resource;
}

/** Any feature, whatever its operations (a registry's element type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFeature = Feature<string, any, any>;

/** Declares a feature; the identity, typed (see `Feature`). */
export const defineFeature = <Name extends string, T extends OperationTable, Resource = never>(
  feature: Feature<Name, T, Resource>,
): Feature<Name, T, Resource> => feature;

/** A feature's operation table (loaded on first use). */
export const operationsOf = (feature: AnyFeature): Promise<OperationTable> => feature.operations();
