import {
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
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

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Name = 'username' | 'password';

/**
 * The staff sign-in form of every staff element (desks, review, editor, score sheet): one form,
 * one set of strings (locales/<lang>/sign-in.ts, under `login` in the element's own), the same
 * errors everywhere. An empty field says what to fill in and takes focus; a refusal says why
 * (wrong name or password, no server in the embedded transport, the network); the password is
 * cleared once signed in. `signedIn` runs after that (to move focus to what the staff member
 * came for). The session itself is `StaffSessionController`'s.
 */
export class SignInForm {
  private errors: Partial<Record<Name, string>> = {};
  private failure?: ApiError | undefined;
  private busy = false;

  constructor(
    private readonly host: Host,
    private readonly session: StaffSessionController,
    private readonly t: () => Translate,
    private readonly signedIn?: () => unknown,
  ) {}

  private focus(id: string) {
    this.host.shadowRoot?.getElementById(id)?.focus();
  }

  private readonly submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    this.failure = undefined;
    this.errors = {
      ...(username ? {} : { username: 'common:username.required' }),
      ...(password ? {} : { password: 'common:password.required' }),
    };
    this.busy = !!username && !!password;
    this.host.requestUpdate();
    if (!this.busy) {
      await this.host.updateComplete;
      return this.focus(username ? 'f-password' : 'f-username');
    }
    this.failure = await this.session.login({ username, password });
    this.busy = false;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (this.failure) return this.focus('f-username');
    (form.elements.namedItem('password') as HTMLInputElement).value = '';
    await this.signedIn?.();
  };

  /** The form: heading, why it shows (signed out, session ended), the failure, two fields. */
  render(): TemplateResult {
    const t = this.t();
    const notice = this.session.notice;
    const failure = this.failure;
    // As the kit's field partial lays out a field, without loading it on a desk's first render.
    const input = (name: Name, type: string, autocomplete: string) => {
      const error = this.errors[name];
      return html`<div class="field" part="field">
        <label for="f-${name}" part="label">${t(`login.${name}`)}</label>
        <input
          id="f-${name}"
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          aria-describedby=${error ? `f-${name}-error` : nothing}
          aria-invalid=${error ? 'true' : 'false'}
        />
        ${error ? html`<p id="f-${name}-error" class="error-text" part="error">${t(error)}</p>` : nothing}
      </div>`;
    };
    return html`<form
      part="login"
      class="box"
      novalidate
      aria-labelledby="login-title"
      @submit=${this.submit}
    >
      <h2 id="login-title">${t('login.title')}</h2>
      ${notice ? html`<p role="status">${t(`login.${notice}`)}</p>` : nothing}
      ${this.host.client.mode === 'embedded' ? html`<p class="hint-text">${t('login.embedded')}</p>` : nothing}
      ${
        failure
          ? html`<p class="alert" role="alert" part="error">
              ${t(
                failure.code === 'unauthorized'
                  ? 'login.failed'
                  : failure.code === 'unavailable' && this.host.client.mode === 'embedded'
                    ? 'login.embedded'
                    : `common:${failure.key}`,
              )}
            </p>`
          : nothing
      }
      ${input('username', 'text', 'username')} ${input('password', 'password', 'current-password')}
      <button class="primary" ?disabled=${this.busy}>${t('login.submit')}</button>
    </form>`;
  }
}
