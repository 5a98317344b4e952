import type { WebhookEndpointItem, WebhookEventItem } from "./entity.ts";
import { slackMessage, teamsMessage } from "./chat.ts";

// What an endpoint is sent for an event: a webhook gets the signed JSON payload as it is; Slack
// and Teams get a readable message made from it, in the endpoint's language (chat.ts).
export function formatFor(endpoint: WebhookEndpointItem, event: WebhookEventItem): { body: string; headers: Record<string, string> } {
  if (endpoint.kind === "webhook") return { body: event.payload ?? "{}", headers: {} };
  const { type, resource } = JSON.parse(event.payload ?? "{}") as { type?: string; resource?: unknown };
  const make = endpoint.kind === "slack" ? slackMessage : teamsMessage;
  return { body: JSON.stringify(make(type ?? event.type, resource ?? null, endpoint.locale ?? "en")), headers: {} };
}
