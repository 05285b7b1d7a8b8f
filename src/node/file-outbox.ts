import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OutboxEntry, OutboxStorage } from '../sdk/outbox.js';

/** A Blob in JSON: its bytes (base64) and type, so photos queued with a submission survive. */
interface StoredBlob {
  $blob: string;
  type: string;
}

async function toJson(value: unknown): Promise<unknown> {
  if (value instanceof Blob) {
    const bytes = Buffer.from(await value.arrayBuffer());
    return { $blob: bytes.toString('base64'), type: value.type } satisfies StoredBlob;
  }
  if (Array.isArray(value)) return Promise.all(value.map(toJson));
  if (value && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await toJson(v)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (value && typeof value === 'object') {
    if ('$blob' in value && typeof (value as StoredBlob).$blob === 'string') {
      const { $blob, type } = value as StoredBlob;
      return new Blob([Buffer.from($blob, 'base64')], { type });
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromJson(v)]));
  }
  return value;
}

/**
 * Outbox entries in a JSON file (Node): a script or service that submits while the server is
 * down keeps its submissions across restarts and delivers them, exactly once, when a client with
 * the same file runs again. Written atomically (a temporary file, then a rename) before `put`
 * and `delete` resolve; one writer at a time within the process. The file holds what residents
 * typed, phones included, until delivered: keep it where only the service can read it (it is
 * created with mode 600).
 */
export function fileOutboxStorage(path: string): OutboxStorage {
  let entries: Promise<Map<string, OutboxEntry>> | undefined;
  let writing: Promise<void> = Promise.resolve();
  const load = () =>
    (entries ??= readFile(path, 'utf8').then(
      (text) =>
        new Map((fromJson(JSON.parse(text)) as OutboxEntry[]).map((entry) => [entry.key, entry])),
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return new Map<string, OutboxEntry>();
        throw error;
      },
    ));
  const save = (map: Map<string, OutboxEntry>) =>
    (writing = writing.then(async () => {
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(await toJson([...map.values()])), { mode: 0o600 });
      await rename(temp, path);
    }));
  return {
    async all() {
      return [...(await load()).values()]
        .map((entry) => ({ ...entry }))
        .sort((a, b) => a.createdAt - b.createdAt);
    },
    async put(entry) {
      const map = await load();
      map.set(entry.key, { ...entry });
      await save(map);
    },
    async delete(key) {
      const map = await load();
      if (map.delete(key)) await save(map);
    },
    close: () => writing,
  };
}
