import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

/**
 * The address a request came from, as the network saw it — never a header the caller wrote
 * (an X-Forwarded-For can say anything). On Lambda it is API Gateway's source IP; behind the
 * sites' CloudFront that is the edge location's address. Locally it is the socket's peer.
 * Used to rate-limit sign-in links and as evidence of where an agreement was accepted.
 */
export function clientIp(c: Context): string | undefined {
  const lambdaIp = (c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined)?.event
    ?.requestContext?.http?.sourceIp;
  if (lambdaIp) return lambdaIp;
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
