/** Communities and staff: the services of the core operations, one per operation name. */
export { getCommunity, listCommunities, putCommunity } from './communities.js';
export {
  changePassword,
  createStaff,
  listStaff,
  login,
  logout,
  me,
  setStaffDisabled,
} from './auth.js';
