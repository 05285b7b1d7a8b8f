/**
 * What a client can do to the server's sockets: stay silent, send headers slowly, send too
 * much, send garbage, open too many. Each ends promptly, and every answer is problem+json.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { testDatabases } from './db.js';
import { startTestServer, type TestServer } from './harness.js';

const [db] = testDatabases();
after(() => db!.dispose());

/** Opens a socket, writes `data`, and collects what comes back until the server closes it. */
function exchange(port: number, data = '', waitMs = 5_000) {
  return new Promise<{ text: string; closedAfterMs: number }>((resolve, reject) => {
    const started = Date.now();
    const socket: Socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text, closedAfterMs: Date.now() - started }));
    socket.on('connect', () => {
      if (data) socket.write(data);
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after ${waitMs} ms; got ${JSON.stringify(text.slice(0, 200))}`));
    }, waitMs).unref();
  });
}

const problemOf = (text: string) => {
  const [head, body] = text.split('\r\n\r\n');
  assert.match(head!, /content-type: application\/problem\+json/i);
  return { head: head!, problem: JSON.parse(body!) as { status: number; code: string } };
};

describe('sockets', () => {
  let t: TestServer;
  let port: number;
  before(async () => {
    t = await startTestServer(db!, {
      listen: true,
      connections: { headersMs: 600, requestMs: 1_200, maxConnections: 8 },
      bodyLimits: { public: 1_000, staff: 1_000 },
    });
    port = Number(new URL(t.origin).port);
  });
  after(() => t.close());

  it('closes a connection that never sends a byte', async () => {
    const silent = await Promise.all(Array.from({ length: 5 }, () => exchange(port)));
    for (const { text, closedAfterMs } of silent) {
      if (text) assert.equal(problemOf(text).problem.code, 'request_timeout');
      assert.ok(closedAfterMs < 3_500, `closed after ${closedAfterMs} ms`);
    }
  });

  it('answers slow headers with 408 problem+json and closes', async () => {
    const { text, closedAfterMs } = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n');
    assert.match(text, /^HTTP\/1\.1 408 /);
    assert.equal(problemOf(text).problem.code, 'request_timeout');
    assert.ok(closedAfterMs < 3_500, `${closedAfterMs} ms`);
  });

  it('answers headers that are too large with 431 problem+json', async () => {
    const big = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    const { text } = await exchange(port, big);
    assert.match(text, /^HTTP\/1\.1 431 /);
    const { problem } = problemOf(text);
    assert.equal(problem.status, 431);
    assert.equal(problem.code, 'headers_too_large');
  });

  it('answers a malformed request line with 400 problem+json', async () => {
    const { text } = await exchange(port, 'NOT A REQUEST\r\n\r\n');
    assert.match(text, /^HTTP\/1\.1 400 /);
    assert.equal(problemOf(text).problem.code, 'validation_failed');
  });

  it('closes the connection after a 413 instead of reading the rest of the body as a request', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(5_000) });
    const request =
      `POST /api/v1/wishes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}` +
      `GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n`;
    const { text } = await exchange(port, request);
    const { head, problem } = problemOf(text);
    assert.match(head, /^HTTP\/1\.1 413 /);
    assert.match(head, /connection: close/i);
    assert.equal(problem.code, 'payload_too_large');
    assert.equal(text.match(/HTTP\/1\.1 /g)?.length, 1, 'nothing answered after the 413');
  });

  it('refuses connections beyond the cap at once, and serves again below it', async () => {
    const held = Array.from({ length: 8 }, () => connect(port, '127.0.0.1'));
    await Promise.all(held.map((s) => new Promise((resolve) => s.on('connect', resolve))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n', 2_000);
    assert.equal(refused.text, '', 'the ninth is closed unanswered');
    for (const s of held) s.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await fetch(`${t.origin}/healthz`);
    assert.equal(res.status, 200);
  });
});
