/**
 * shequ-kit/sdk: the typed client with every feature, its errors, and the domain helpers app
 * developers need.
 */
import '../features/complaints/sdk.js';
import '../features/wishes/sdk.js';

export { createClient, type Client, type ClientOptions } from './client.js';
export { ApiError } from './errors.js';
export type { CallOptions, Transport, UploadedFile } from './transport.js';
export type { Delivery, OutboxEntry, OutboxStorage } from './outbox.js';
export {
  Outbox,
  OutboxDeliveredEvent,
  OutboxFailedEvent,
  indexedDbOutboxStorage,
  memoryOutboxStorage,
  type OutboxEventMap,
  type OutboxOptions,
} from './outbox.js';
export type { HttpOptions } from './http.js';
export type { EmbeddedOptions } from './embedded.js';
export type { RetryOptions } from './retry.js';
export {
  operations,
  type Input,
  type OperationName,
  type Operations,
  type Output,
} from '../services/contract.js';
export * from '../domain/index.js';
