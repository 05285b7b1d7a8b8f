import type * as z from 'zod/mini';
import type { OperationTable } from '../domain/operation.js';
import type { features } from '../features/index.js';
import type { Feature } from './feature.js';

export { isMutation, type OperationDef, type OperationTable } from '../domain/operation.js';

type TableOf<F> = F extends Feature<string, infer T> ? T : never;
type Merge<U> = (U extends unknown ? (table: U) => void : never) extends (table: infer I) => void
  ? I
  : never;

/**
 * Every operation of every feature in `src/features/index.ts`, by name: the types the SDK and
 * the server use. The tables themselves stay with their features and load on first use; the
 * server loads them all (`src/server/operations.ts`).
 */
export type Operations = Merge<TableOf<(typeof features)[number]>> & OperationTable;
export type OperationName = keyof Merge<TableOf<(typeof features)[number]>> & string;
export type Input<N extends OperationName> = z.input<Operations[N]['input']>;
export type Output<N extends OperationName> = z.output<Operations[N]['output']>;
/** Parsed input of an operation (after defaults and normalisation): what its service gets. */
export type ParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
