import { createContext } from '@lit/context';
import type { Client } from '../sdk/client.js';

/** What <sq-provider> (or an element, to what it renders) gives the elements inside it. */
export interface Provided {
  client?: Client | undefined;
  community?: string | undefined;
  care: boolean;
}

/**
 * One context for the three: an element asks once when it connects, not once for each (a
 * request is an event through the tree). The language is not in it: elements follow the
 * nearest `lang`, which the provider reflects.
 */
export const providedContext = createContext<Provided | undefined>(Symbol.for('sq-provided'));

/** The same value while nothing in it changed, so consumers are not told of a new object. */
export function provided(current: Provided | undefined, next: Provided): Provided {
  return current &&
    current.client === next.client &&
    current.community === next.community &&
    current.care === next.care
    ? current
    : next;
}
