import { Config } from "sst/node/config";
import { StaticSite } from "sst/node/site";

/**
 * On Lambda, SST delivers bound secrets and the sites' URLs through its runtime (from SSM, at cold
 * start); the core reads plain environment variables, so they are copied there once. Values the
 * stack already set (custom domains) win.
 */
export function loadSstEnvironment() {
  process.env.BATON_SESSION_SECRET ??= Config.SESSION_SECRET;
  // Bound only when the stage was deployed with card payments (BATON_STRIPE=1); SST's Config
  // throws on a name that is not bound.
  for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"] as const) {
    try {
      process.env[name] ??= (Config as unknown as Record<string, string>)[name];
    } catch {
      // Not bound: card payments are off on this stage.
    }
  }
  process.env.BATON_WEB_URL ??= StaticSite.web.url;
  process.env.BATON_PORTAL_URL ??= StaticSite.portal.url;
}
