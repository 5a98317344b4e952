import { Deferred } from "../deferred/index.ts";
import { loadOnce } from "../lazy/index.ts";
import { createId } from "../id/index.ts";
import { Log } from "../log/index.ts";
import { catalogue, type EventType, type ResourceKind } from "./catalogue.ts";
import { WebhookStore, type NewWebhookEvent } from "./store.ts";

// Recording an event is all a request does, and it costs the request no DynamoDB call: the event
// (its id and time taken when the change is saved) is handed to a deferred job that takes the
// payload, writes it prepared with its deliveries in one write and calls the endpoints after the
// response (the worker on AWS, in-process locally); the delivery job retries what failed.

const KEEP_DAYS = 30;

// Loaded by the first event, not here: delivering reads every area's resources, which record events.
const delivering = loadOnce(() => import("./deliver.ts"));

export type ResourceRef = { id: string; clientId?: string | null; kind?: ResourceKind };

/** After the response: prepares the events (payload, deliveries) and makes each delivery's first attempt. */
export const deliverSoon = Deferred.define("webhook.events", async ({ agencyId, eventIds }: { agencyId: string; eventIds: string[] }) => {
  // Loaded here, not at the top: delivering reads every area's resources, which record events.
  const { deliverEvents } = await delivering();
  await deliverEvents(agencyId, eventIds);
});

/** After the response: writes a recorded event, already prepared (the request itself makes no DynamoDB call for it), then delivers it. */
const recordSoon = Deferred.define(
  "webhook.record",
  async ({ agencyId, eventId, type, resource, snapshot, at }: { agencyId: string; eventId: string; type: EventType; resource: ResourceRef; snapshot?: unknown; at: string }) => {
    // The same event id on a retried job: the second write finds the first and goes on to deliver.
    const { recordAndDeliver } = await delivering();
    await recordAndDeliver(eventItem(agencyId, type, catalogue[type].resource, resource, { snapshot, eventId }, new Date(at)));
  },
);

/**
 * Records that `type` happened to a resource; never throws (an event is never worth failing the
 * change). The event's id and time are taken now, so the order per resource is the order of the
 * changes; the write and the delivery happen after the response, off the request's round trips.
 */
export async function record(agencyId: string, type: EventType, resource: ResourceRef, snapshot?: unknown, now = new Date()): Promise<void> {
  try {
    await recordSoon({ agencyId, eventId: createId("webhookEvent"), type, resource, ...(snapshot !== undefined ? { snapshot } : {}), at: now.toISOString() });
  } catch (error) {
    Log.error(`webhook: ${type} event not recorded`, error, { resourceId: resource.id });
  }
}

export async function write(
  agencyId: string,
  type: string,
  kind: ResourceKind,
  resource: ResourceRef,
  options: { snapshot?: unknown; onlyEndpointId?: string; eventId?: string },
  now: Date,
): Promise<string> {
  const event = eventItem(agencyId, type, kind, resource, options, now);
  await WebhookStore.recordEvent(event);
  return event.eventId;
}

/** A new event, not prepared yet: kept 30 days. */
function eventItem(agencyId: string, type: string, kind: ResourceKind, resource: ResourceRef, options: { snapshot?: unknown; onlyEndpointId?: string; eventId?: string }, now: Date): NewWebhookEvent & { eventId: string } {
  return {
    agencyId,
    eventId: options.eventId ?? createId("webhookEvent"),
    type,
    resourceKind: kind,
    resourceId: resource.id,
    ...(resource.clientId ? { clientId: resource.clientId } : {}),
    ...(options.onlyEndpointId ? { onlyEndpointId: options.onlyEndpointId } : {}),
    ...(options.snapshot !== undefined ? { snapshot: JSON.stringify(options.snapshot) } : {}),
    at: now.toISOString(),
    prepared: "no",
    expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400,
  };
}
