import type { Community, CommunitySummary } from '../features/core/model.js';
import type { ComplaintInput } from '../features/complaints/model.js';
import type {
  ComplaintActionInput,
  ComplaintMetrics,
  ComplaintPublicView,
  ComplaintReceipt,
  ComplaintStaffView,
  ComplaintSummary,
} from '../features/complaints/views.js';
import { newId } from '../domain/ids.js';
import type { Page } from '../domain/paging.js';
import { toFieldErrors } from '../domain/validation.js';
import type { Input, OperationName, Output } from '../services/contract.js';
import { operationDef } from './operations.js';
import type { WishStaffAction } from '../features/wishes/model.js';
import type { EmbeddedOptions } from './embedded.js';
import { ApiError } from './errors.js';
import { createHttpTransport, type HttpOptions } from './http.js';
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
    options?: { idempotencyKey?: string },
  ): Promise<Delivery<Output<N>>>;
  /**
   * Submissions waiting for the network (http only; undefined with `outbox: false` or
   * embedded). Its code loads after the page has started (and at the first submission), then
   * delivers what earlier page loads left queued.
   */
  outbox(): Promise<Outbox | undefined>;
  readonly communities: {
    list(): Promise<CommunitySummary[]>;
    get(id: string): Promise<Community>;
  };
  /**
   * 微心愿. The wall: `list`, `get`. Residents: `post` (queued offline, delivered exactly once;
   * the receipt's code is shown once), `status`, `thank`, `withdraw` with that code. Claimers:
   * `claim` (never queued: 409 `already_claimed` when someone else won), `fulfil` with the claim
   * code. Staff (own community): `queue`, `act`, `counts`.
   */
  readonly wishes: {
    list(query: Input<'listWishes'>): Promise<Output<'listWishes'>>;
    get(id: string): Promise<Output<'getWish'>>;
    post(
      input: Input<'postWish'>,
      options?: { idempotencyKey?: string },
    ): Promise<Delivery<Output<'postWish'>>>;
    claim(
      id: string,
      input: Omit<Input<'claimWish'>, 'id'>,
      options?: CallOptions,
    ): Promise<Output<'claimWish'>>;
    fulfil(input: Input<'fulfilWish'>, options?: CallOptions): Promise<Output<'fulfilWish'>>;
    status(code: string): Promise<Output<'wishStatus'>>;
    thank(input: Input<'thankWish'>, options?: CallOptions): Promise<Output<'thankWish'>>;
    withdraw(code: string, options?: CallOptions): Promise<Output<'withdrawWish'>>;
    queue(query: Input<'listWishQueue'>): Promise<Output<'listWishQueue'>>;
    act(id: string, action: WishStaffAction, options?: CallOptions): Promise<Output<'actOnWish'>>;
    counts(query: Input<'wishCounts'>): Promise<Output<'wishCounts'>>;
  };
  /**
   * 居民说事. Residents: `submit` (queued offline, delivered exactly once), `track` and `rate`
   * with the ticket and query code. Staff (own community): `list`, `get`, `act`, `metrics`,
   * `handlers`.
   */
  readonly complaints: {
    /**
     * `attachments`: photos not uploaded yet (taken offline, say). They wait in the outbox with
     * the submission and are uploaded before it, each under a key derived from the
     * submission's, so however often it is resent each photo is stored once.
     */
    submit(
      input: ComplaintInput,
      options?: { idempotencyKey?: string; attachments?: Blob[] },
    ): Promise<Delivery<ComplaintReceipt>>;
    track(ticket: string, queryCode: string): Promise<ComplaintPublicView>;
    rate(
      input: Input<'rateComplaint'>,
      options?: { idempotencyKey?: string },
    ): Promise<Delivery<ComplaintPublicView>>;
    list(query: Input<'listComplaints'>): Promise<Page<ComplaintSummary>>;
    get(id: string): Promise<ComplaintStaffView>;
    act(
      id: string,
      action: ComplaintActionInput,
      options?: { idempotencyKey?: string },
    ): Promise<ComplaintStaffView>;
    metrics(query: Input<'complaintMetrics'>): Promise<ComplaintMetrics>;
    handlers(community: string): Promise<{ id: string; name: string }[]>;
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
 * Makes a client. With `baseUrl` it talks to a shequ-kit server over HTTP; without, it runs the
 * services in this page on a memory store (IndexedDB-persisted in browsers), loaded lazily.
 */
export function createClient(options: ClientOptions = {}): Client {
  let transport: Promise<Transport>;
  let outbox: (() => Promise<Outbox>) | undefined;
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
      let loading: Promise<Outbox> | undefined;
      // One outbox (database and lock) per API base: entries go back to the server they were for.
      outbox = () =>
        (loading ??= import('./outbox.js').then(
          ({ Outbox }) =>
            new Outbox(http, {
              storage: options.outbox || undefined,
              name: `shequ-kit-outbox ${options.baseUrl}`,
              // Photos queued with a complaint are uploaded first, every time with the same keys.
              send: async (name, input, key) =>
                http.call(
                  name as OperationName,
                  (await withAttachments(http, input, key)) as never,
                  { idempotencyKey: key },
                ),
            }),
        ));
      // Not needed for the first render: load it when the page is idle, so submissions an
      // earlier page load left queued are delivered without waiting for a new one.
      if (typeof window !== 'undefined') {
        const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1));
        idle(() => void outbox!(), { timeout: 3000 });
      }
    }
  } else {
    transport = import('./embedded.js').then((m) => m.createEmbeddedTransport(options.embedded));
  }

  const call = async <N extends OperationName>(name: N, input: Input<N>, opts?: CallOptions) =>
    (await transport).call(name, input, opts);

  const submit: Client['submit'] = async (name, input, opts = {}) => {
    const def = await operationDef(name);
    if (def.method === 'GET') {
      throw new ApiError('internal', `${name} is not a mutation`);
    }
    // Only operations the contract marks queueable wait in the outbox; others go now or fail.
    if (outbox && def.queueable) {
      return (await outbox()).submit(name, input, opts.idempotencyKey);
    }
    const key = opts.idempotencyKey ?? newId();
    return { state: 'delivered', key, value: await call(name, input, { idempotencyKey: key }) };
  };

  return {
    mode: options.baseUrl ? 'http' : 'embedded',
    call,
    submit,
    outbox: async () => outbox?.(),
    complaints: {
      async submit(input, opts = {}) {
        const files = opts.attachments ?? [];
        if (files.length === 0) return submit('submitComplaint', input, opts);
        // Checked now with placeholders for the photos to come, so the form gets field errors.
        const placeholders = files.map((_, i) => `pending${i}`);
        const checked = (await operationDef('submitComplaint')).input.safeParse({
          ...input,
          photos: [...(input.photos ?? []), ...placeholders],
        });
        if (!checked.success) {
          const fields = toFieldErrors(checked.error.issues);
          throw new ApiError('validation_failed', 'invalid input', fields);
        }
        const key = opts.idempotencyKey ?? newId();
        const withFiles = { ...input, [ATTACHMENTS]: files } as ComplaintInput;
        if (outbox) return (await outbox()).submit('submitComplaint', withFiles, key);
        const t = await transport;
        const ready = (await withAttachments(t, withFiles, key)) as ComplaintInput;
        const value = await call('submitComplaint', ready, { idempotencyKey: key });
        return { state: 'delivered', key, value };
      },
      track: (ticket, queryCode) => call('trackComplaint', { ticket, queryCode }),
      rate: (input, opts) => submit('rateComplaint', input, opts),
      list: (query) => call('listComplaints', query),
      get: (id) => call('getComplaint', { id }),
      act: (id, action, opts) =>
        call('actOnComplaint', { id, ...action } as Input<'actOnComplaint'>, opts),
      metrics: (query) => call('complaintMetrics', query),
      handlers: (community) => call('listHandlers', { community }),
    },
    uploads: {
      create: async (file, opts) => (await transport).upload(file, opts),
      get: async (id) => (await transport).download(id),
    },
    communities: {
      list: () => call('listCommunities', {}),
      get: (id) => call('getCommunity', { id }),
    },
    wishes: {
      list: (query) => call('listWishes', query),
      get: (id) => call('getWish', { id }),
      post: (input, opts) => submit('postWish', input, opts),
      claim: (id, input, opts) => call('claimWish', { ...input, id }, opts),
      fulfil: (input, opts) => call('fulfilWish', input, opts),
      status: (code) => call('wishStatus', { code }),
      thank: (input, opts) => call('thankWish', input, opts),
      withdraw: (code, opts) => call('withdrawWish', { code }, opts),
      queue: (query) => call('listWishQueue', query),
      act: (id, action, opts) => call('actOnWish', { id, ...action } as Input<'actOnWish'>, opts),
      counts: (query) => call('wishCounts', query),
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
      get token() {
        return sessionToken;
      },
    },
    async close() {
      if (outbox) (await outbox()).stop();
      await (await transport).close();
    },
  };
}
