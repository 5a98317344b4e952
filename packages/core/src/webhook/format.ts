import type { WebhookEndpointItem, WebhookEventItem } from "./entity.ts";

// What an endpoint is sent for an event: a webhook gets the signed JSON payload as it is.
export function formatFor(endpoint: WebhookEndpointItem, event: WebhookEventItem): { body: string; headers: Record<string, string> } {
  return { body: event.payload ?? "{}", headers: {} };
}
