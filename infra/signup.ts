// Self-serve sign-up is a deploy setting: BATON_SIGNUP=open, invite (with the SIGNUP_INVITE_CODE
// secret) or closed. Closed unless set: an installation on AWS takes new agencies only when its
// operator says so. (`npm start` sets open, so a newcomer trying Baton can create one.)
export const SIGNUP_MODES = ["open", "invite", "closed"] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

/** The stage's sign-up mode from the deploying shell; a typo fails the deploy instead of closing sign-up quietly. */
export function signupMode(env: NodeJS.ProcessEnv = process.env): SignupMode {
  const value = env.BATON_SIGNUP?.trim() || "closed";
  if (!(SIGNUP_MODES as readonly string[]).includes(value)) {
    throw new Error(`BATON_SIGNUP is "${value}": use open, invite or closed.`);
  }
  return value as SignupMode;
}
