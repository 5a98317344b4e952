import { Deferred } from "../deferred/index.ts";
import { createId } from "../id/index.ts";
import { Log } from "../log/index.ts";
import { catalogue, type EventType, type ResourceKind } from "./catalogue.ts";
import { WebhookStore } from "./store.ts";

// Recording an event is all a request does (one write, after its change is saved, beside its
// hand-off emails): the payload is taken and the endpoints are called after the response (the
// worker on AWS, in-process locally), and the delivery job retries what failed.

const KEEP_DAYS = 30;

export type ResourceRef = { id: string; clientId?: string | null; kind?: ResourceKind };

/** After the response: prepares the events (payload, deliveries) and makes each delivery's first attempt. */
export const deliverSoon = Deferred.define("webhook.events", async ({ agencyId, eventIds }: { agencyId: string; eventIds: string[] }) => {
  // Loaded here, not at the top: delivering reads every area's resources, which record events.
  const { deliverEvents } = await import("./deliver.ts");
  await deliverEvents(agencyId, eventIds);
});

/** Records that `type` happened to a resource; never throws (an event is never worth failing the change). */
export async function record(agencyId: string, type: EventType, resource: ResourceRef, snapshot?: unknown, now = new Date()): Promise<void> {
  try {
    const eventId = await write(agencyId, type, catalogue[type].resource, resource, { snapshot }, now);
    await deliverSoon({ agencyId, eventIds: [eventId] });
  } catch (error) {
    Log.error(`webhook: ${type} event not recorded`, error, { resourceId: resource.id });
  }
}

export async function write(
  agencyId: string,
  type: string,
  kind: ResourceKind,
  resource: ResourceRef,
  options: { snapshot?: unknown; onlyEndpointId?: string },
  now: Date,
): Promise<string> {
  const eventId = createId("webhookEvent");
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
