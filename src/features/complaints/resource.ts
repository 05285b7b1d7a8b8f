import type { InputOf, OutputOf } from '../../domain/operation.js';
import type { Caller } from '../../services/feature.js';
import type { Delivery } from '../../sdk/outbox.js';
import type { complaintOperations } from './contract.js';
import type { ComplaintInput } from './model.js';
import type { ComplaintActionInput } from './views.js';

type Ops = typeof complaintOperations;
type In<N extends keyof Ops> = InputOf<Ops, N>;
type Out<N extends keyof Ops> = OutputOf<Ops, N>;

/**
 * `client.complaints` (居民说事). Residents: `submit` (queued offline, delivered exactly once),
 * `track` and `rate` with the ticket and query code. Staff (own community): `list`, `get`,
 * `act`, `metrics`, `handlers`.
 */
export interface ComplaintsResource {
  /**
   * `attachments`: photos not uploaded yet (taken offline, say). They wait in the outbox with
   * the submission and are uploaded before it, each under a key derived from the
   * submission's, so however often it is resent each photo is stored once.
   */
  submit(
    input: ComplaintInput,
    options?: { idempotencyKey?: string; attachments?: Blob[] },
  ): Promise<Delivery<Out<'submitComplaint'>>>;
  track(ticket: string, queryCode: string): Promise<Out<'trackComplaint'>>;
  rate(
    input: In<'rateComplaint'>,
    options?: { idempotencyKey?: string },
  ): Promise<Delivery<Out<'rateComplaint'>>>;
  list(query: In<'listComplaints'>): Promise<Out<'listComplaints'>>;
  get(id: string): Promise<Out<'getComplaint'>>;
  act(
    id: string,
    action: ComplaintActionInput,
    options?: { idempotencyKey?: string },
  ): Promise<Out<'actOnComplaint'>>;
  metrics(query: In<'complaintMetrics'>): Promise<Out<'complaintMetrics'>>;
  handlers(community: string): Promise<Out<'listHandlers'>>;
}

export const complaintsResource = (c: Caller<Ops>): ComplaintsResource => ({
  submit: (input, opts) => c.submit('submitComplaint', input, opts),
  track: (ticket, queryCode) => c.call('trackComplaint', { ticket, queryCode }),
  rate: (input, opts) => c.submit('rateComplaint', input, opts),
  list: (query) => c.call('listComplaints', query),
  get: (id) => c.call('getComplaint', { id }),
  act: (id, action, opts) =>
    c.call('actOnComplaint', { id, ...action } as In<'actOnComplaint'>, opts),
  metrics: (query) => c.call('complaintMetrics', query),
  handlers: (community) => c.call('listHandlers', { community }),
});
