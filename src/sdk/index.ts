/**
 * shequ-kit/sdk: the typed client with every feature, its errors, and the domain helpers app
 * developers need.
 */
import { features } from '../features/index.js';
import { addFeature } from './operations.js';

for (const feature of features) addFeature(feature);

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
export { operationDef } from './operations.js';
export type { Input, OperationName, Operations, Output } from '../services/contract.js';
export type { ComplaintsResource } from '../features/complaints/resource.js';
export type { WishesResource } from '../features/wishes/resource.js';
export * from '../domain/index.js';
