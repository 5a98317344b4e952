import { Config } from "../config/index.ts";
import { VisibleError } from "../error/index.ts";
import { sameHash, sha256 } from "../auth/tokens.ts";

export type SignupMode = "open" | "invite" | "closed";

/** What the sign-up page needs to know before it shows a form: whether it may, and whether to ask for a code. */
export function settings(): { mode: SignupMode } {
  return { mode: Config.signupMode };
}

/** Throws 403 `signup.closed` when this installation doesn't take sign-ups. */
export function assertOpen(): SignupMode {
  const mode = Config.signupMode;
  if (mode === "closed") {
    throw new VisibleError("forbidden", "signup.closed", "Sign-up is closed on this installation. Ask its operator for an account.");
  }
  return mode;
}

/** In invite mode, the code must be the operator's (compared in constant time); otherwise it is ignored. */
export function checkInviteCode(mode: SignupMode, code: string | undefined): void {
  if (mode !== "invite") return;
  if (!code) {
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { inviteCode: "Enter your invite code." } });
  }
  const expected = Config.signupInviteCode;
  if (!expected || !sameHash(sha256(code), sha256(expected))) {
    throw new VisibleError("validation", "signup.invite_invalid", "That invite code is not valid.", {
      fields: { inviteCode: "That invite code is not valid. Check it with whoever gave it to you." },
    });
  }
}
