import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { VisibleError } from "@baton/core/error";

// Deployed, the API sits behind the sites' CloudFront distributions, which add a secret header to
// every request they forward (infra/sites.ts, from the OriginSecret in infra/secrets.ts). The API
// refuses requests without it, so the execute-api URL can't be used to go around CloudFront, and
// only with it does it believe CloudFront's CloudFront-Viewer-Address (client-ip.ts). Locally, and
// wherever BATON_ORIGIN_SECRET is unset, there is no CloudFront and nothing is required.

export { ORIGIN_HEADER } from "./app-headers.ts";
import { ORIGIN_HEADER } from "./app-headers.ts";

const originSecret = () => process.env.BATON_ORIGIN_SECRET || undefined;

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when a secret is configured and the request carries it: it came through CloudFront. */
export function viaCloudFront(c: Context): boolean {
  const secret = originSecret();
  const given = c.req.header(ORIGIN_HEADER);
  return Boolean(secret && given && same(given, secret));
}

/** Refuses, when deployed, a request that did not come through CloudFront. */
export const originGuard = createMiddleware(async (c, next) => {
  if (originSecret() && !viaCloudFront(c)) {
    throw new VisibleError("forbidden", "origin.direct", "Use the Baton site's address: the API is served only through it.");
  }
  return next();
});
