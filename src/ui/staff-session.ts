import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Client } from '../sdk/client.js';
import { ApiError } from '../sdk/errors.js';

export type Staff = Awaited<ReturnType<Client['auth']['me']>>;
export type StaffPhase = 'checking' | 'login' | 'ready' | 'failed';
/** Why the sign-in form shows: the session ended under the staff member, or they signed out. */
export type StaffNotice = 'expired' | 'loggedOut';

/** One client's staff session, shared by every staff element on the page using that client. */
interface Session {
  /** undefined: being asked; null: nobody signed in. */
  staff?: Staff | null;
  /** Why asking failed (not a 401: the server could not be reached, say). */
  error?: ApiError;
  notice?: StaffNotice;
  /** Bumped by every change: an answer to an older question never overwrites a newer state. */
  version: number;
  asking?: boolean;
  followers: Set<StaffSessionController>;
}

const sessions = new WeakMap<Client, Session>();

function sessionOf(client: Client): Session {
  let s = sessions.get(client);
  if (!s) sessions.set(client, (s = { version: 0, followers: new Set() }));
  return s;
}

/** Changes a session and tells every element following it. */
function change(s: Session, next: Partial<Session>) {
  Object.assign(s, next);
  s.version++;
  for (const follower of s.followers) follower.notify();
}

/** Asks `client` who is signed in, once at a time; a late answer loses to any newer change. */
async function ask(client: Client, s: Session) {
  if (s.asking) return;
  change(s, { staff: undefined, error: undefined });
  const version = s.version;
  s.asking = true;
  let next: Partial<Session>;
  try {
    next = { staff: await client.auth.me() };
  } catch (e) {
    const error = ApiError.from(e);
    next = error.code === 'unauthorized' ? { staff: null } : { error };
  }
  s.asking = false;
  if (s.version === version) change(s, next);
}

type Host = ReactiveControllerHost & HTMLElement & { readonly client: Client };

/**
 * The staff sign-in of a staff element (desk, review): one per client, shared by every staff
 * element on the page, so a desk and a review on one page never ask twice and see each other's
 * sign-in and sign-out. The element follows its current client: when the client is swapped
 * (the provider's client arriving after the embedded default), answers about the old one never
 * reach it. `changed` is called when the staff member in force changes (load then).
 */
export class StaffSessionController implements ReactiveController {
  private client?: Client;
  private session?: Session;
  private seen?: Staff;

  constructor(
    private readonly host: Host,
    private readonly changed: (staff: Staff | undefined) => void,
  ) {
    host.addController(this);
  }

  /** The staff member signed in, once known. */
  get staff(): Staff | undefined {
    return this.session?.staff ?? undefined;
  }

  get phase(): StaffPhase {
    const s = this.session;
    return s?.staff ? 'ready' : s?.staff === null ? 'login' : s?.error ? 'failed' : 'checking';
  }

  get error(): ApiError | undefined {
    return this.session?.error;
  }

  get notice(): StaffNotice | undefined {
    return this.session?.notice;
  }

  hostConnected(): void {
    // Follows the client at the update, not here: a provider's client has arrived by then.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.session?.followers.delete(this);
    this.client = this.session = undefined;
  }

  /** Asks the server again who is signed in (after a failure to reach it). */
  retry(): void {
    if (this.session) void ask(this.client!, this.session);
  }

  /** Signs in on this client: every staff element using it goes on. Resolves with the failure. */
  async login(credentials: { username: string; password: string }): Promise<ApiError | undefined> {
    const client = this.host.client;
    try {
      const { staff } = await client.auth.login(credentials);
      change(sessionOf(client), { staff, error: undefined, notice: undefined });
    } catch (e) {
      return ApiError.from(e);
    }
  }

  /** Signs out of this client, on every staff element using it. */
  async logout(): Promise<void> {
    const client = this.host.client;
    // Signed out here either way: the client forgets its token; the server's session ends too.
    await client.auth.logout().catch(() => undefined);
    change(sessionOf(client), { staff: null, notice: 'loggedOut' });
  }

  /**
   * A staff call was answered 401: the session ended. Every element of this client shows the
   * sign-in form, saying so; an answer from a client this element no longer uses is ignored.
   */
  expired(client: Client = this.host.client): void {
    const s = this.session;
    if (client === this.client && s) {
      change(s, { staff: null, notice: s.staff ? 'expired' : s.notice });
    }
  }

  private follow() {
    const client = this.host.client;
    if (client === this.client) return;
    this.session?.followers.delete(this);
    this.client = client;
    const s = (this.session = sessionOf(client));
    s.followers.add(this);
    this.seen = undefined;
    if (s.staff === undefined && !s.error) void ask(client, s);
    else this.notify();
  }

  /** @internal The session changed: re-render, and say so when the staff member did. */
  notify() {
    this.host.requestUpdate();
    const staff = this.staff;
    if (staff !== this.seen) this.changed((this.seen = staff));
  }
}
