import { z } from "zod";
import { forbidden, useActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { notFound } from "../error/index.ts";
import { pageQuery, type Page, type PageQuery } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { isId } from "../id/index.ts";
import { EventTypes } from "./catalogue.ts";
import { endpointUrl, eventList, makeEndpoint, type Endpoint } from "./endpoints.ts";
import { WebhookStore } from "./store.ts";

// REST hooks for no-code tools (Zapier, Make; issue 19 item 4): with an API key that has the
// "webhooks" scope (or the owner in person) a tool subscribes a URL to event types, unsubscribes
// it, and polls one type's recent events, newest first. A subscription is an endpoint like the
// owner's (signed, retried, logged, shown in Settings → Integrations) with origin "subscription".

/** The owner, in person or through a key with the webhooks scope (the route's door checks it first). */
function assertSubscriber(): string {
  const actor = useActor();
  if (actor.type === "apikey") {
    if (!actor.scopes.includes("webhooks")) throw forbidden();
    return actor.agencyId;
  }
  if (actor.type === "member" && actor.role === "owner") return actor.agencyId;
  throw forbidden();
}

export const subscribeSchema = z.strictObject({
  url: endpointUrl,
  events: eventList,
  description: z.string({ error: "The description is text." }).trim().max(200, "Keep the description under 200 characters.").optional(),
});

/** Subscribes a URL to event types; the answer carries the signing secret, shown this once. */
export const subscribe = fn(subscribeSchema, async (input): Promise<{ subscription: Endpoint; secret: string }> => {
  const agencyId = assertSubscriber();
  const made = await makeEndpoint(agencyId, { kind: "webhook", origin: "subscription", url: input.url, events: input.events, description: input.description ?? "" });
  return { subscription: made.endpoint, secret: made.secret };
});

/** Ends a subscription. Only subscriptions: the owner's own endpoints are managed in Settings. */
export async function unsubscribe(endpointId: string): Promise<void> {
  const agencyId = assertSubscriber();
  if (!isId("webhookEndpoint", endpointId)) throw notFound("Endpoint");
  const item = await WebhookStore.endpoint(agencyId, endpointId);
  if (!item || item.origin !== "subscription") throw notFound("Endpoint");
  if (!(await WebhookStore.deleteEndpoint(agencyId, endpointId))) throw notFound("Endpoint");
  await Audit.record(Audit.event("webhook.deleted", "webhookEndpoint", endpointId, { url: item.url }));
}

export const pollSchema = pageQuery.extend({
  type: z.enum(EventTypes, { error: "Choose events from the catalogue." }),
});

export type PolledEvent = { id: string; type: string; time: string; resource: unknown };

/** The poll list: one event type's events of the last 30 days, newest first, each the body a delivery carries. */
export const poll = fn(pollSchema, async (input: z.output<typeof pollSchema>): Promise<Page<PolledEvent>> => {
  const agencyId = assertSubscriber();
  const page: PageQuery = { limit: input.limit, ...(input.cursor ? { cursor: input.cursor } : {}) };
  const result = await WebhookStore.eventsOfType(agencyId, input.type, page);
  const items = result.data.map((event) => (event.payload ? (JSON.parse(event.payload) as PolledEvent) : { id: event.eventId, type: event.type, time: event.at, resource: null }));
  return { items, cursor: result.cursor };
});
