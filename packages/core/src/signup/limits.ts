import { countAttempt } from "../auth/rate-limit.ts";
import { VisibleError } from "../error/index.ts";

// Sign-up requests are limited like sign-in link requests (auth/rate-limit.ts), with counters of
// their own: per network address first, then per address-and-email, then per email across all
// addresses. The order matters (issue 13): a request refused for its IP charges no email counter,
// so one network can't use up another person's sign-ups.
export const SIGNUP_LIMITS = {
  windowSeconds: 60 * 60,
  perIp: 10,
  perEmailPerIp: 3,
  perEmail: 6,
} as const;

const tooMany = (retryAfterSeconds: number) =>
  new VisibleError("rate_limited", "rate_limited", `Too many sign-up requests. Please wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again.`);

async function charge(bucket: string, max: number, now: number): Promise<void> {
  const { count, retryAfterSeconds } = await countAttempt(bucket, SIGNUP_LIMITS.windowSeconds, now);
  if (count > max) throw tooMany(retryAfterSeconds);
}

/** Charges the network's bucket alone: before anything else about the request is judged (an invite code guessed). */
export async function consumeIp(ip: string | undefined, now = Date.now()): Promise<void> {
  if (ip) await charge(`signup#ip#${ip}`, SIGNUP_LIMITS.perIp, now);
}

/** Charges the email's buckets, after the IP's: the tight one per IP, then the loose email-wide one. */
export async function consumeEmail(email: string, ip: string | undefined, now = Date.now()): Promise<void> {
  await charge(`signup#email#${email}#ip#${ip ?? "unknown"}`, SIGNUP_LIMITS.perEmailPerIp, now);
  await charge(`signup#email#${email}`, SIGNUP_LIMITS.perEmail, now);
}
