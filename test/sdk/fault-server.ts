/**
 * A real HTTP server for the SDK's node tests (not a mock of fetch): the contract's community
 * routes over the demo street, an echo route, and a test-only mutation `POST /test-records`
 * with Idempotency-Key records kept the way the real server keeps them (first response stored
 * and replayed; same key + different body → 422 `idempotency_mismatch`; same key still in
 * flight → 409 `in_flight`). Faults are injected from a seeded PRNG, so a failing run can be
 * replayed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as z from 'zod/mini';
import {
  idSchema,
  problemType,
  summarize,
  type ErrorCode,
  type FieldError,
} from '../../src/domain/index.js';
import type { OperationDef } from '../../src/services/contract.js';
import { demoCommunities } from '../../src/features/core/demo.js';

/** The test-only mutation, as the contract would declare it. */
export const recordDef = {
  method: 'POST',
  path: '/test-records',
  summary: 'Test only: store a number',
  access: 'public',
  input: z.object({ n: z.number() }),
  output: z.object({ id: z.string(), n: z.number() }),
  queueable: true,
} as const satisfies OperationDef;

/** Echoes what arrived: the raw URL and the headers. */
export const echoDef = {
  method: 'GET',
  path: '/echo/{id}/{part}',
  summary: 'Test only: echo',
  access: 'public',
  input: z.object({
    id: z.string(),
    part: z.string(),
    tags: z.optional(z.array(z.string())),
    page: z.optional(z.number()),
    skip: z.optional(z.string()),
    q: z.optional(z.string()),
  }),
  output: z.object({ url: z.string(), headers: z.record(z.string(), z.unknown()) }),
} as const satisfies OperationDef;

/** Seeded PRNG (mulberry32): the same seed, the same faults. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Chaos {
  random: () => number;
  /** Socket destroyed before anything is done. */
  dropBefore: number;
  /** Record committed, then the socket destroyed before the answer: the retry must replay. */
  dropAfterCommit: number;
  /** 503 with Retry-After 0 or 1. */
  unavailable: number;
  /** Answer (and commit) only after `delayMs`, longer than the client's timeout. */
  slow: number;
  delayMs: number;
}

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

interface KeyRecord {
  body: string;
  state: 'in_flight' | 'done';
  status?: number;
  response?: string;
}

export class FaultServer {
  readonly server: Server;
  port = 0;
  /** Every request, in order of arrival. */
  readonly seen: Seen[] = [];
  /** Committed records of POST /test-records. */
  readonly records: { id: string; n: number; key: string }[] = [];
  readonly keys = new Map<string, KeyRecord>();
  /** Answers replayed from a stored Idempotency-Key record. */
  replays = 0;
  chaos: Chaos | undefined;
  /** One-shot handlers that answer the next requests instead of the routes. */
  readonly script: Handler[] = [];
  private nextId = 1;

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body,
        });
        const handler = this.script.shift() ?? this.route;
        Promise.resolve(handler(req, res, body)).catch((error: unknown) => {
          if (!res.headersSent) problem(res, 'internal', String(error));
        });
      });
    });
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api/v1`;
  }

  posts(): Seen[] {
    return this.seen.filter((s) => s.method === 'POST');
  }

  /** Listens on `port` (0: any free one; reuse `this.port` to come back up after `close`). */
  listen(port = 0): Promise<this> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        this.port = (this.server.address() as AddressInfo).port;
        resolve(this);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private readonly route: Handler = async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/api/v1/communities') {
      return json(res, 200, demoCommunities.map(summarize));
    }
    const community = /^\/api\/v1\/communities\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && community) {
      const id = decodeURIComponent(community[1]!);
      if (!idSchema.safeParse(id).success) {
        return problem(res, 'validation_failed', 'invalid input', [
          { path: 'id', key: 'id.invalid' },
        ]);
      }
      const found = demoCommunities.find((c) => c.id === id);
      return found ? json(res, 200, found) : problem(res, 'not_found', `no community ${id}`);
    }
    if (req.method === 'GET' && path.startsWith('/api/v1/echo/')) {
      return json(res, 200, { url: req.url, headers: req.headers });
    }
    if (req.method === 'POST' && path === '/api/v1/test-records')
      return this.createRecord(req, res, body);
    return problem(res, 'not_found', `no route ${req.method} ${path}`);
  };

  private async createRecord(req: IncomingMessage, res: ServerResponse, body: string) {
    const chaos = this.chaos;
    const roll = chaos ? chaos.random() : 1;
    const p = chaos ?? { dropBefore: 0, dropAfterCommit: 0, unavailable: 0, slow: 0, delayMs: 0 };
    if (roll < p.dropBefore) return void req.socket.destroy();
    if (roll < p.dropBefore + p.unavailable) {
      const seconds = chaos!.random() < 0.5 ? 0 : 1;
      return problem(res, 'unavailable', 'busy', [], { 'Retry-After': String(seconds) });
    }
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') {
      return problem(res, 'validation_failed', 'Idempotency-Key required', [
        { path: 'Idempotency-Key', key: 'validation.required' },
      ]);
    }
    const known = this.keys.get(key);
    if (known) {
      if (known.body !== body)
        return problem(res, 'idempotency_mismatch', 'another body for this key');
      if (known.state === 'in_flight') return problem(res, 'in_flight', 'still processing');
      this.replays++;
      res.writeHead(known.status!, {
        'Content-Type': 'application/json',
        'Idempotent-Replayed': 'true',
      });
      return void res.end(known.response);
    }
    let n: unknown;
    try {
      n = (JSON.parse(body) as { n?: unknown }).n;
    } catch {
      n = undefined;
    }
    // The server's own rule, stricter than the client's schema: a whole number ≥ 0.
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      return problem(res, 'validation_failed', 'invalid input', [
        { path: 'n', key: 'validation.too_small', params: { min: 0 } },
      ]);
    }
    this.keys.set(key, { body, state: 'in_flight' });
    const slow = roll < p.dropBefore + p.unavailable + p.slow;
    if (slow) await new Promise((r) => setTimeout(r, p.delayMs));
    const record = { id: `r${this.nextId++}`, n, key };
    this.records.push(record);
    const response = JSON.stringify({ id: record.id, n });
    this.keys.set(key, { body, state: 'done', status: 201, response });
    if (!slow && roll < p.dropBefore + p.unavailable + p.slow + p.dropAfterCommit) {
      return void req.socket.destroy();
    }
    res.writeHead(201, { 'Content-Type': 'application/json' });
    res.end(response);
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const statusOf: Record<string, number> = {
  validation_failed: 400,
  not_found: 404,
  in_flight: 409,
  conflict: 409,
  idempotency_mismatch: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export function problem(
  res: ServerResponse,
  code: ErrorCode,
  detail: string,
  errors: FieldError[] = [],
  headers: Record<string, string> = {},
  status = statusOf[code] ?? 500,
): void {
  const body: Record<string, unknown> = {
    type: problemType(code),
    title: code.replace(/_/g, ' '),
    status,
    code,
    detail,
  };
  if (errors.length) body.errors = errors;
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
  res.end(JSON.stringify(body));
}
