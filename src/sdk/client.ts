import type { Community, CommunitySummary } from '../features/core/model.js';
import { newId } from '../domain/ids.js';
import { toFieldErrors } from '../domain/validation.js';
import type { Input, OperationName, Output } from '../services/contract.js';
import type { EmbeddedOptions } from './embedded.js';
import { ApiError } from './errors.js';
import { createHttpTransport, type HttpOptions } from './http.js';
import { onFeature, operationDef } from './operations.js';
import type { Delivery, Outbox, OutboxStorage } from './outbox.js';
import type { CallOptions, Transport, UploadedFile } from './transport.js';

export interface ClientOptions extends Partial<Omit<HttpOptions, 'baseUrl'>> {
  /** The server's base URL (`https://example.org/api/v1`). Absent: the embedded transport. */
  baseUrl?: string;
  /**
   * Where queued submissions wait while offline (http only). Default: IndexedDB in browsers,
   * memory in Node. `false`: no outbox; `submit` then fails instead of queueing.
   */
  outbox?: OutboxStorage | false;
  /** Options of the embedded transport (no baseUrl). */
  embedded?: EmbeddedOptions;
}

export interface SubmitOptions {
  /** One per user intent, reused on every retry of it (a fresh one when absent). */
  idempotencyKey?: string;
  /**
   * Photos not uploaded yet (taken offline, say), for the input's `photos`. They wait in the
   * outbox with the submission and are uploaded before it, each under a key derived from the
   * submission's, so however often it is resent each photo is stored once.
   */
  attachments?: Blob[];
}

/**
 * A client of one shequ-kit server (or of the services in this page). Each registered feature
 * adds its resource (`client.complaints`, `client.wishes`, …: see `<feature>/resource.ts`).
 */
export interface Client {
  readonly mode: 'embedded' | 'http';
  /** Calls one operation of the contract: typed input and output, errors as ApiError. */
  call<N extends OperationName>(
    name: N,
    input: Input<N>,
    options?: CallOptions,
  ): Promise<Output<N>>;
  /**
   * Submits a resident's mutation so that it is never lost: delivered now, or kept in the
   * outbox with its Idempotency-Key and delivered exactly once when the network is back.
   */
  submit<N extends OperationName>(
    name: N,
    input: Input<N>,
    options?: SubmitOptions,
  ): Promise<Delivery<Output<N>>>;
  /**
   * Submissions waiting for the network (http only; undefined with `outbox: false` or
   * embedded). Its code loads at the first submission, or once the page is idle when earlier
   * page loads may have left entries (its IndexedDB database exists, or the storage is one
   * you gave), and then delivers them. `{ ifAny: true }`: undefined, without
   * loading its code, when nothing can be in it yet (what a form asks before anyone submits).
   */
  outbox(options?: { ifAny?: boolean }): Promise<Outbox | undefined>;
  /**
   * The communities served and one community's tree (grids, buildings, units, categories,
   * notice). Kept for a minute per client: every element of a page asks for the same community
   * (a form and its picker, a desk and its metrics) and it changes rarely; `client.admin`'s
   * `putCommunity` through the same client drops it at once.
   */
  readonly communities: {
    list(): Promise<CommunitySummary[]>;
    get(id: string): Promise<Community>;
    /**
     * What `list()` / `get(id)` would answer at once, if this client already holds it (loaded
     * and fresh), else undefined: lets an element's first render show a known community
     * without waiting a task for a settled promise.
     */
    peek(): CommunitySummary[] | undefined;
    peek(id: string): Community | undefined;
  };
  /**
   * Photos for complaints: `create` uploads one (anyone; checked by content, size-capped) and
   * gives its id for `photos`; `get` reads one back (staff, own community's cases only).
   */
  readonly uploads: {
    create(file: Blob, options?: { idempotencyKey?: string }): Promise<UploadedFile>;
    get(id: string): Promise<Blob>;
  };
  /**
   * Staff sessions (http only). `login` keeps the session's token and sends it as a bearer
   * token on every later call of this client; in browsers the server also sets an httpOnly
   * cookie. `logout` ends the session and forgets the token.
   */
  readonly auth: {
    login(credentials: Input<'login'>): Promise<Output<'login'>>;
    logout(): Promise<void>;
    me(): Promise<Output<'me'>>;
    /**
     * Changes the signed-in staff member's password. Every session of the account ends (on
     * every device); this client keeps working with the new one the answer carries.
     */
    changePassword(input: Input<'changePassword'>): Promise<Output<'changePassword'>>;
    /** The token of the current login, if any. */
    readonly token: string | undefined;
  };
  close(): Promise<void>;
}

/** Where a queued submission keeps photos still to upload (Blobs: IndexedDB keeps them). */
const ATTACHMENTS = '$attachments';

/** Uploads a submission's pending photos (keys `<key>.photo<i>`) and lists them in `photos`. */
async function withAttachments(t: Transport, input: unknown, key: string): Promise<unknown> {
  if (input === null || typeof input !== 'object' || !(ATTACHMENTS in input)) return input;
  const { [ATTACHMENTS]: files, ...rest } = input as Record<string, unknown>;
  const ids: string[] = [];
  for (const [i, file] of (files as Blob[]).entries()) {
    ids.push((await t.upload(file, { idempotencyKey: `${key}.photo${i}` })).id);
  }
  return { ...rest, photos: [...((rest.photos as string[] | undefined) ?? []), ...ids] };
}

/**
 * Whether IndexedDB database `name` exists, without opening (and so creating) it. Where the
 * browser cannot list databases (Firefox before 126) or fails to, it may.
 */
async function hasDatabase(name: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  try {
    return (await indexedDB.databases()).some((d) => d.name === name);
  } catch {
    return true;
  }
}

/**
 * Makes a client. With `baseUrl` it talks to a shequ-kit server over HTTP; without, it runs the
 * services in this page on a memory store (IndexedDB-persisted in browsers), loaded lazily.
 */
export function createClient(options: ClientOptions = {}): Client {
  let transport: Promise<Transport>;
  let outbox: (() => Promise<Outbox>) | undefined;
  let loading: Promise<Outbox> | undefined;
  /** Whether the outbox may hold entries of earlier page loads (or of other tabs). */
  let leftovers = Promise.resolve(false);
  let sessionToken: string | undefined;
  if (options.baseUrl) {
    const given = options.token;
    const http = createHttpTransport({
      ...options,
      baseUrl: options.baseUrl,
      // The token of `auth.login()` first, else the one the caller configured.
      token: () => sessionToken ?? (typeof given === 'function' ? given() : given),
    });
    transport = Promise.resolve(http);
    if (options.outbox !== false) {
      const name = `shequ-kit-outbox ${options.baseUrl}`;
      // One outbox (database and lock) per API base: entries go back to the server they were for.
      outbox = () =>
        (loading ??= import('./outbox.js').then(
          ({ Outbox }) =>
            new Outbox(http, {
              storage: options.outbox || undefined,
              name,
              // Photos queued with a complaint are uploaded first, every time with the same keys.
              send: async (name, input, key) =>
                http.call(
                  name as OperationName,
                  (await withAttachments(http, input, key)) as never,
                  { idempotencyKey: key },
                ),
            }),
        ));
      leftovers = options.outbox ? Promise.resolve(true) : hasDatabase(name);
      // Entries earlier page loads left are delivered once the page is idle (at most 3 s after
      // start), not waiting for a new submission. With none (no database: the usual first
      // visit), the outbox's code waits for the first submission.
      if (typeof window !== 'undefined') {
        const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1));
        void leftovers.then((some) => {
          if (some) idle(() => void outbox!(), { timeout: 3000 });
        });
      }
    }
  } else {
    transport = import('./embedded.js').then((m) => m.createEmbeddedTransport(options.embedded));
  }

  const call = async <N extends OperationName>(name: N, input: Input<N>, opts?: CallOptions) =>
    (await transport).call(name, input, opts);

  // Community answers, kept a minute (see Client.communities); '' is the list.
  const communities = new Map<string, { at: number; value: Promise<unknown>; settled?: unknown }>();
  const fresh = (id: string) => {
    const kept = communities.get(id);
    return kept && Date.now() - kept.at < 60_000 ? kept : undefined;
  };
  const remembered = <T>(id: string, load: () => Promise<T>): Promise<T> => {
    const kept = fresh(id);
    if (kept) return kept.value as Promise<T>;
    const value = load();
    const entry: { at: number; value: Promise<unknown>; settled?: unknown } = {
      at: Date.now(),
      value,
    };
    communities.set(id, entry);
    value.then(
      (v) => (entry.settled = v),
      () => communities.delete(id),
    );
    return value;
  };
  const callAndForget: typeof call = async (name, input, opts) => {
    const value = await call(name, input, opts);
    // An admin's change to a community is seen at once by this client.
    if (name === 'putCommunity') communities.clear();
    return value;
  };

  const submit: Client['submit'] = async (name, input, opts = {}) => {
    const def = await operationDef(name);
    if (def.method === 'GET') {
      throw new ApiError('internal', `${name} is not a mutation`);
    }
    const key = opts.idempotencyKey ?? newId();
    const files = opts.attachments ?? [];
    let body: unknown = input;
    if (files.length > 0) {
      // Checked now with placeholders for the photos to come, so the form gets field errors.
      const given = (input as { photos?: string[] }).photos ?? [];
      const photos = [...given, ...files.map((_, i) => `pending${i}`)];
      const checked = def.input.safeParse({ ...input, photos });
      if (!checked.success) {
        throw new ApiError(
          'validation_failed',
          'invalid input',
          toFieldErrors(checked.error.issues),
        );
      }
      body = { ...input, [ATTACHMENTS]: files };
    }
    // Only operations the contract marks queueable wait in the outbox; others go now or fail.
    if (outbox && def.queueable)
      return (await outbox()).submit(name, body as Input<typeof name>, key);
    const ready = files.length > 0 ? await withAttachments(await transport, body, key) : body;
    const value = await call(name, ready as Input<typeof name>, { idempotencyKey: key });
    return { state: 'delivered', key, value };
  };

  const client = {
    mode: options.baseUrl ? 'http' : 'embedded',
    call: callAndForget,
    submit,
    async outbox(options) {
      if (!outbox) return undefined;
      // Loading started meanwhile (a submission) counts as something in it.
      if (options?.ifAny && !loading && !(await leftovers) && !loading) return undefined;
      return outbox();
    },
    uploads: {
      create: async (file, opts) => (await transport).upload(file, opts),
      get: async (id) => (await transport).download(id),
    },
    communities: {
      list: () => remembered('', () => call('listCommunities', {})),
      get: (id) => remembered(id, () => call('getCommunity', { id })),
      peek: ((id: string = '') => fresh(id)?.settled) as Client['communities']['peek'],
    },
    auth: {
      async login(credentials) {
        const session = await call('login', credentials);
        sessionToken = session.token;
        return session;
      },
      async logout() {
        try {
          await call('logout', {});
        } finally {
          sessionToken = undefined;
        }
      },
      me: () => call('me', {}),
      async changePassword(input) {
        const session = await call('changePassword', input);
        sessionToken = session.token;
        return session;
      },
      get token() {
        return sessionToken;
      },
    },
    async close() {
      if (outbox) (await outbox()).stop();
      await (await transport).close();
    },
  } as Omit<Client, 'mode'> & { mode: Client['mode'] } as Client;
  // Each registered feature's resource (`client.wishes`…), made on first use; a feature this
  // page registers later gets one too.
  onFeature((feature) => {
    if (!feature.resource || feature.name in client) return;
    let resource: unknown;
    Object.defineProperty(client, feature.name, {
      enumerable: true,
      get: () => (resource ??= feature.resource!(client as never)),
    });
  });
  return client;
}
