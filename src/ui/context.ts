import { createContext } from '@lit/context';
import type { Client } from '../sdk/client.js';

/** What <sq-provider> gives the elements inside it. */
export const clientContext = createContext<Client | undefined>(Symbol.for('sq-client'));
export const localeContext = createContext<string | undefined>(Symbol.for('sq-locale'));
export const communityContext = createContext<string | undefined>(Symbol.for('sq-community'));
export const careContext = createContext<boolean>(Symbol.for('sq-care'));
