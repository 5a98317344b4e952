import { createHmac, timingSafeEqual } from "node:crypto";

// Deliveries are signed like Stripe's: `Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256
// of "<t>.<raw body>" under the endpoint's secret>`. The receiver recomputes it over the raw body,
// compares in constant time and refuses old timestamps (replays).

export const SIGNATURE_HEADER = "webhook-signature";

export function signatureHeader(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`;
}

/** The verification the API reference documents, kept here so the tests run the documented code. */
export function verifySignature(secret: string, body: string, header: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const parts = Object.fromEntries(header.split(",").map((part) => part.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || !parts.v1 || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
