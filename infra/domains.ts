// Optional custom domains, read at deploy time. Known up front, a site's URL is a plain string
// the API can be given directly; CloudFront's generated hostname is only known after the Sites
// stack deploys, which depends on the Api stack (see infra/README.md, "URLs and the cycle").
export function customDomains() {
  const env = (name: string) => process.env[name] || undefined;
  return {
    web: env("BATON_WEB_DOMAIN"),
    portal: env("BATON_PORTAL_DOMAIN"),
    /** Route 53 zone holding both domains; defaults to each domain itself. */
    hostedZone: env("BATON_HOSTED_ZONE"),
  };
}
