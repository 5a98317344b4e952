import { Config } from "sst/node/config";
import { StaticSite } from "sst/node/site";

/**
 * On Lambda, SST delivers bound parameters, secrets and the sites' URLs through its runtime (from
 * SSM, at cold start); the core reads plain environment variables, so they are copied there once.
 * Values the stack already set (custom domains) win. What a function is not bound to (the email
 * feedback function has no session secret and no sites) is left unset: SST throws on an unbound
 * name, which is caught here.
 */
export function loadSstEnvironment() {
  const copy = (name: string, read: () => string | undefined) => {
    if (process.env[name]) return;
    try {
      const value = read();
      if (value) process.env[name] = value;
    } catch {
      // Not bound to this function.
    }
  };
  const config = Config as unknown as Record<string, string>;
  copy("BATON_TABLE_NAME", () => config.TABLE_NAME);
  copy("BATON_SESSION_SECRET", () => config.SESSION_SECRET);
  // Bound only when the stage was deployed with card payments (BATON_STRIPE=1).
  copy("STRIPE_SECRET_KEY", () => config.STRIPE_SECRET_KEY);
  copy("STRIPE_WEBHOOK_SECRET", () => config.STRIPE_WEBHOOK_SECRET);
  copy("BATON_WEB_URL", () => StaticSite.web.url);
  copy("BATON_PORTAL_URL", () => StaticSite.portal.url);
}
