import { Config } from "../config/index.ts";
import { Notify } from "../notify/index.ts";
import type { WebhookEndpointItem } from "./entity.ts";

/** Emails the agency's owners that an endpoint was disabled after failing for days. */
export async function tellOwnersDisabled(endpoint: WebhookEndpointItem): Promise<void> {
  const host = (() => {
    try {
      return new URL(endpoint.url).host;
    } catch {
      return endpoint.url.slice(0, 80);
    }
  })();
  await Notify.send(endpoint.agencyId, "webhookDisabled", await Notify.owners(endpoint.agencyId), { endpoint: host }, `${Config.webUrl}/settings/integrations`);
}
