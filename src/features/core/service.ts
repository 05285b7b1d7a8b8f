/** Communities and staff sessions: the services of the core operations, one per operation name. */
export { getCommunity, listCommunities } from './communities.js';
export { login, logout, me } from './auth.js';
