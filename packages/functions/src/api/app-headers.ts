// The security headers every page of the two apps is served with: by CloudFront's response
// headers policy on AWS (infra/sites.ts) and by the local server (packages/local/src/server.ts).
// Scripts only from the site itself (no inline script can run); styles may be inline (Solid's
// style attributes); nothing may frame the apps.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

/** Two years, the HSTS preload list's minimum; sent only over HTTPS (CloudFront), where it means anything. */
export const HSTS_SECONDS = 63_072_000;

export const APP_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};
