import { createClient, type Client } from '../sdk/client.js';

const clients = new Map<string, Client>();

/**
 * One client per API base per page, shared by every element that names it, so they share the
 * outbox and caches. No base: the embedded client (data kept in this browser).
 */
export function clientFor(apiBase: string | undefined): Client {
  const key = apiBase ? new URL(apiBase, document.baseURI).href : '';
  let client = clients.get(key);
  if (!client) {
    client = createClient(key ? { baseUrl: key } : {});
    clients.set(key, client);
  }
  return client;
}
