import type { Input, OperationName, Output } from '../services/contract.js';

export interface CallOptions {
  /**
   * One per user intent (one press of "submit"), reused on every retry of it, so the server
   * applies it once. Mutations get a fresh one when none is given.
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** How a client reaches the services: in this page (`embedded`) or over REST (`http`). */
export interface Transport {
  readonly kind: 'embedded' | 'http';
  call<N extends OperationName>(
    name: N,
    input: Input<N>,
    options?: CallOptions,
  ): Promise<Output<N>>;
  /**
   * Uploads one photo (checked by content, size-capped); anyone may. `idempotencyKey` makes
   * retries of one photo store it once.
   */
  upload(file: Blob, options?: CallOptions): Promise<UploadedFile>;
  /** A photo of a case of the caller's own community (staff). */
  download(id: string, options?: CallOptions): Promise<Blob>;
  close(): Promise<void>;
}

export interface UploadedFile {
  id: string;
  /** By content: `image/jpeg`, `image/png` or `image/webp`. */
  type: string;
  size: number;
}
