/** The staff sign-in form's strings (src/ui/sign-in.ts), under `login` in each staff element's. */
export default {
  title: 'Staff sign-in',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  failed: 'Wrong username or password.',
  expired: 'Your session has ended. Please sign in again.',
  loggedOut: 'Signed out.',
  embedded:
    'This page is a demo with its data on this device and cannot sign in: the page names a demo account (actor).',
};
