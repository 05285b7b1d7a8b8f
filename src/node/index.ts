/**
 * shequ-kit/node: what only Node has. `fileOutboxStorage(path)` keeps a client's queued
 * submissions in a file (`createClient({ baseUrl, outbox: fileOutboxStorage('./outbox.json') })`).
 */
export { fileOutboxStorage } from './file-outbox.js';
