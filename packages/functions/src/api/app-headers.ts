// The security headers every page of the two apps is served with: by CloudFront's response
// headers policy on AWS (infra/sites.ts) and by the local server (packages/local/src/server.ts).
// Scripts only from the site itself (no inline script can run); styles may be inline (Solid's
// style attributes); nothing may frame the apps.
// The files bucket's origin is added where it is known: browsers upload to it directly (connect-src)
// and show image previews from it (img-src, which also covers the API's redirect to it).
export function contentSecurityPolicy(filesOrigins: readonly string[] = []): string {
  const files = filesOrigins.length ? ` ${filesOrigins.join(" ")}` : "";
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:${files}; connect-src 'self'${files}; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'`;
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Two years, the HSTS preload list's minimum; sent only over HTTPS (CloudFront), where it means anything. */
export const HSTS_SECONDS = 63_072_000;

export function appHeaders(filesOrigins: readonly string[] = []): Readonly<Record<string, string>> {
  return {
    "content-security-policy": contentSecurityPolicy(filesOrigins),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  };
}

export const APP_HEADERS = appHeaders();

/**
 * The header CloudFront adds to every request it forwards to the API, with a secret value
 * (infra/secrets.ts OriginSecret); the API refuses requests without it when deployed (origin.ts).
 */
export const ORIGIN_HEADER = "x-baton-origin";

/** The CloudFront header with the viewer's own address ("<ip>:<port>"), forwarded by the API behaviour's origin request policy. */
export const VIEWER_ADDRESS_HEADER = "CloudFront-Viewer-Address";
