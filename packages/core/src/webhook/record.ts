import { Deferred } from "../deferred/index.ts";
import { createId } from "../id/index.ts";
import { Log } from "../log/index.ts";
import { catalogue, type EventType, type ResourceKind } from "./catalogue.ts";
import { WebhookStore } from "./store.ts";

// Recording an event is all a request does, and it costs the request no DynamoDB call: the event
// (its id and time taken when the change is saved) is handed to a deferred job that writes it,
// takes the payload and calls the endpoints after the response (the worker on AWS, in-process
// locally); the delivery job retries what failed.

const KEEP_DAYS = 30;

export type ResourceRef = { id: string; clientId?: string | null; kind?: ResourceKind };

/** After the response: prepares the events (payload, deliveries) and makes each delivery's first attempt. */
export const deliverSoon = Deferred.define("webhook.events", async ({ agencyId, eventIds }: { agencyId: string; eventIds: string[] }) => {
  // Loaded here, not at the top: delivering reads every area's resources, which record events.
  const { deliverEvents } = await import("./deliver.ts");
  await deliverEvents(agencyId, eventIds);
});

/** After the response: writes a recorded event (the request itself makes no DynamoDB call for it), then delivers it. */
const recordSoon = Deferred.define(
  "webhook.record",
  async ({ agencyId, eventId, type, resource, snapshot, at }: { agencyId: string; eventId: string; type: EventType; resource: ResourceRef; snapshot?: unknown; at: string }) => {
    // The same event id on a retried job: the second write finds the first and goes on to deliver.
    await write(agencyId, type, catalogue[type].resource, resource, { snapshot, eventId }, new Date(at)).catch((error) => {
      if (!isAlreadyRecorded(error)) throw error;
    });
    const { deliverEvents } = await import("./deliver.ts");
    await deliverEvents(agencyId, [eventId]);
  },
);

const isAlreadyRecorded = (error: unknown) => /ConditionalCheckFailed|conditional request failed/i.test(String((error as { message?: string })?.message ?? error));

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
  const eventId = options.eventId ?? createId("webhookEvent");
  await WebhookStore.recordEvent({
    agencyId,
    eventId,
    type,
    resourceKind: kind,
    resourceId: resource.id,
    ...(resource.clientId ? { clientId: resource.clientId } : {}),
    ...(options.onlyEndpointId ? { onlyEndpointId: options.onlyEndpointId } : {}),
    ...(options.snapshot !== undefined ? { snapshot: JSON.stringify(options.snapshot) } : {}),
    at: now.toISOString(),
    prepared: "no",
    expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400,
  });
  return eventId;
}
