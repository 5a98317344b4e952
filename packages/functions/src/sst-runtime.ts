import { Config } from "sst/node/config";
import { StaticSite } from "sst/node/site";

/**
 * On Lambda, SST delivers bound secrets and the sites' URLs through its runtime (from SSM, at cold
 * start); the core reads plain environment variables, so they are copied there once. Values the
 * stack already set (custom domains) win.
 */
export function loadSstEnvironment() {
  process.env.BATON_SESSION_SECRET ??= Config.SESSION_SECRET;
  process.env.BATON_WEB_URL ??= StaticSite.web.url;
  process.env.BATON_PORTAL_URL ??= StaticSite.portal.url;
}
