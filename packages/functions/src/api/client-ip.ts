import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { viaCloudFront } from "./origin.ts";

/**
 * The address a request came from: never a header the caller could write (an X-Forwarded-For
 * can say anything). Behind the sites' CloudFront, API Gateway's source IP is the edge's, shared
 * by strangers, so the viewer's own address is taken from CloudFront-Viewer-Address, but only
 * when the request carries the secret origin header that CloudFront adds (origin.ts), so no one
 * can name an address of their choosing. Otherwise: API Gateway's source IP on Lambda, the
 * socket's peer locally. Used to rate-limit sign-in links and as evidence of where an agreement
 * was accepted.
 */
export function clientIp(c: Context): string | undefined {
  if (viaCloudFront(c)) {
    const viewer = viewerAddress(c.req.header("cloudfront-viewer-address"));
    if (viewer) return viewer;
  }
  const lambdaIp = (c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } } | undefined)?.event
    ?.requestContext?.http?.sourceIp;
  if (lambdaIp) return lambdaIp;
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** The IP of CloudFront's "<ip>:<port>" (IPv4 198.51.100.10:46532, IPv6 2001:db8::1:46532). */
export function viewerAddress(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const colon = header.lastIndexOf(":");
  if (colon <= 0 || !/^\d{1,5}$/.test(header.slice(colon + 1))) return undefined;
  const ip = header.slice(0, colon);
  return /^[0-9.]{7,15}$/.test(ip) || /^[0-9a-f:]{2,39}$/i.test(ip) ? ip : undefined;
}
