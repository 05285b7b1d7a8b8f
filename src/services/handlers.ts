import type { OperationName } from './contract.js';
import { complaintHandlers } from '../features/complaints/handlers.js';
import { coreHandlers, type HandlerTable } from '../features/core/handlers.js';
import { wishHandlers } from '../features/wishes/handlers.js';

export { complaintHandlers, coreHandlers, wishHandlers };
export type { Handler, HandlerTable, ParsedInput } from '../features/core/handlers.js';

export type Handlers = HandlerTable<OperationName>;

/**
 * One handler per operation of the contract, every feature's at once: the server's table.
 * The embedded transport loads a feature's table (handlers-<feature>.ts) on first use instead.
 */
export const handlers: Handlers = { ...coreHandlers, ...complaintHandlers, ...wishHandlers };
