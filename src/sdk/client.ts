import { newId, type Community, type CommunitySummary } from '../domain/index.js';
import {
  operations,
  type Input,
  type OperationDef,
  type OperationName,
  type Output,
} from '../services/contract.js';
import type { EmbeddedOptions } from './embedded.js';
import { ApiError } from './errors.js';
import { createHttpTransport, type HttpOptions } from './http.js';
import { Outbox, type Delivery, type OutboxStorage } from './outbox.js';
import type { CallOptions, Transport } from './transport.js';

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
  /** Submissions waiting for the network (http only). */
  readonly outbox: Outbox | undefined;
  readonly communities: {
    list(): Promise<CommunitySummary[]>;
    get(id: string): Promise<Community>;
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

/**
 * Makes a client. With `baseUrl` it talks to a shequ-kit server over HTTP; without, it runs the
 * services in this page on a memory store (IndexedDB-persisted in browsers), loaded lazily.
 */
export function createClient(options: ClientOptions = {}): Client {
  let transport: Promise<Transport>;
  let outbox: Outbox | undefined;
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
      // One outbox (database and lock) per API base: entries go back to the server they were for.
      outbox = new Outbox(http, {
        storage: options.outbox,
        name: `shequ-kit-outbox ${options.baseUrl}`,
      });
    }
  } else {
    transport = import('./embedded.js').then((m) => m.createEmbeddedTransport(options.embedded));
  }

  const call = async <N extends OperationName>(name: N, input: Input<N>, opts?: CallOptions) =>
    (await transport).call(name, input, opts);

  return {
    mode: options.baseUrl ? 'http' : 'embedded',
    call,
    async submit(name, input, opts = {}) {
      if (operations[name].method === 'GET') {
        throw new ApiError('internal', `${name} is not a mutation`);
      }
      // Only operations the contract marks queueable wait in the outbox; others go now or fail.
      if (outbox && (operations[name] as OperationDef).queueable) {
        return outbox.submit(name, input, opts.idempotencyKey);
      }
      const key = opts.idempotencyKey ?? newId();
      return { state: 'delivered', key, value: await call(name, input, { idempotencyKey: key }) };
    },
    outbox,
    communities: {
      list: () => call('listCommunities', {}),
      get: (id) => call('getCommunity', { id }),
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
      outbox?.stop();
      await (await transport).close();
    },
  };
}
