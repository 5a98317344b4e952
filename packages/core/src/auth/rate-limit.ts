import { db } from "../db/index.ts";
import { VisibleError } from "../error/index.ts";

export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perEmail: 5,
  perIp: 30,
} as const;

/** Counts one attempt in the bucket's current window; throws 429 once the window is over `max`. */
export async function consume(bucket: string, max: number, windowSeconds: number, now = Date.now()): Promise<void> {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  const result = await db.entities.rateLimit
    .update({ bucket, window: String(windowStart) })
    .add({ count: 1 })
    .set({ expiresAt: windowStart + windowSeconds * 2 })
    .go({ response: "all_new" });
  if ((result.data.count ?? 0) > max) {
    const retryAfter = windowStart + windowSeconds - Math.floor(now / 1000);
    throw new VisibleError(
      "rate_limited",
      "rate_limited",
      `Too many sign-in requests. Please wait ${Math.ceil(retryAfter / 60)} minutes and try again.`,
    );
  }
}
