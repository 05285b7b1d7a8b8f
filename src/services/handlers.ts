import type { OperationName } from './contract.js';
import { complaintHandlers } from './handlers-complaints.js';
import { coreHandlers, type HandlerTable } from './handlers-core.js';
import { wishHandlers } from './handlers-wishes.js';

export { complaintHandlers, coreHandlers, wishHandlers };
export type { Handler, HandlerTable, ParsedInput } from './handlers-core.js';

export type Handlers = HandlerTable<OperationName>;

/**
 * One handler per operation of the contract, every feature's at once: the server's table.
 * The embedded transport loads a feature's table (handlers-<feature>.ts) on first use instead.
 */
export const handlers: Handlers = { ...coreHandlers, ...complaintHandlers, ...wishHandlers };
