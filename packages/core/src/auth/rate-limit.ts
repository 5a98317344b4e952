import { db } from "../db/index.ts";
import { VisibleError } from "../error/index.ts";

// Sign-in link requests are limited per network address first, then per address-and-email, then
// per email across all addresses. The order matters: a request refused for its IP charges no
// email counter, and the tight per-email limit is per IP, so a stranger can't lock a person out
// of sign-in by asking for their link a few times (their own network has its own count). The
// looser email-wide limit keeps a crowd of addresses from flooding one inbox.
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perIp: 30,
  perEmailPerIp: 5,
  perEmail: 20,
} as const;

/** Charges the sign-in buckets of one request, in order; throws 429 at the first one over its limit. */
export async function consumeSignIn(email: string, ip: string | undefined, now = Date.now()): Promise<void> {
  const { windowSeconds, perIp, perEmailPerIp, perEmail } = SIGN_IN_LIMITS;
  if (ip) await consume(`ip#${ip}`, perIp, windowSeconds, now);
  await consume(`email#${email}#ip#${ip ?? "unknown"}`, perEmailPerIp, windowSeconds, now);
  await consume(`email#${email}`, perEmail, windowSeconds, now);
}

/** Counts one attempt in the bucket's current window; throws 429 once the window is over `max`. */
export async function consume(bucket: string, max: number, windowSeconds: number, now = Date.now()): Promise<void> {
  const { count, retryAfterSeconds } = await countAttempt(bucket, windowSeconds, now);
  if (count > max) {
    throw new VisibleError(
      "rate_limited",
      "rate_limited",
      `Too many sign-in requests. Please wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again.`,
    );
  }
}

/** Counts one attempt in the bucket's current fixed window: the count so far and the seconds until the window ends. */
export async function countAttempt(bucket: string, windowSeconds: number, now = Date.now()): Promise<{ count: number; retryAfterSeconds: number }> {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  const result = await db.entities.rateLimit
    .update({ bucket, window: String(windowStart) })
    .add({ count: 1 })
    .set({ expiresAt: windowStart + windowSeconds * 2 })
    .go({ response: "all_new" });
  return { count: result.data.count ?? 0, retryAfterSeconds: windowStart + windowSeconds - Math.floor(now / 1000) };
}
