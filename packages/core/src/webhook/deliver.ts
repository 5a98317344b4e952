import { createId } from "../id/index.ts";
import { shardOf } from "../db/shard.ts";
import { Log } from "../log/index.ts";
import type { WebhookDeliveryItem, WebhookEndpointItem, WebhookEventItem } from "./entity.ts";
import { formatFor } from "./format.ts";
import { loadResource } from "./resources.ts";
import { post } from "./send.ts";
import { signatureHeader } from "./signature.ts";
import { WebhookStore, type NewWebhookEvent } from "./store.ts";

/** What preparing an event reads of it (a stored event, or one about to be written). */
type EventToPrepare = Pick<WebhookEventItem, "agencyId" | "eventId" | "type" | "at" | "resourceKind" | "resourceId" | "snapshot" | "clientId" | "onlyEndpointId">;

// Deliveries: an event's payload is taken once and sent to each endpoint that wants it. A failed
// attempt is retried with growing pauses (1, 2, 4 … minutes) for up to a day; deliveries about
// one resource reach an endpoint in the order they happened (a later one waits while an earlier
// one is still being retried). Each attempt is claimed by a conditional write, so two runs never
// send it twice. An endpoint failing for days is disabled and the owners are emailed.

export const RETRY_HOURS = 24;
export const DISABLE_AFTER_DAYS = 3;
const HOUR = 3_600_000;
const KEEP_DAYS = 30;

const backoffMs = (attempts: number) => 2 ** Math.min(attempts - 1, 10) * 60_000;

/** The JSON body of an event: its id, type, time and resource. */
export function payloadOf(event: Pick<WebhookEventItem, "eventId" | "type" | "at">, resource: unknown): string {
  return JSON.stringify({ id: event.eventId, type: event.type, time: event.at, resource });
}

const wants = (endpoint: WebhookEndpointItem, event: EventToPrepare) =>
  event.onlyEndpointId
    ? endpoint.endpointId === event.onlyEndpointId
    : endpoint.status === "active" && endpoint.events.includes(event.type) && (!endpoint.clientId || endpoint.clientId === event.clientId);

/** The event's payload (its resource as the API shows it now, or its snapshot) and a delivery to each endpoint that wants it; read at once. */
async function payloadAndDeliveries(event: EventToPrepare, now: Date): Promise<{ payload: string; deliveries: WebhookDeliveryItem[] }> {
  const [resource, endpoints] = await Promise.all([
    event.snapshot ? JSON.parse(event.snapshot) : loadResource(event.agencyId, event.resourceKind, event.resourceId),
    WebhookStore.endpoints(event.agencyId),
  ]);
  const deliveries = endpoints
    .filter((endpoint) => wants(endpoint, event))
    .map((endpoint) => {
      const deliveryId = createId("webhookDelivery");
      return {
        agencyId: event.agencyId,
        endpointId: endpoint.endpointId,
        deliveryId,
        // Its dueDeliveries shard (db/shard.ts), as the create sets it: the item answered here is the one stored.
        shard: shardOf(deliveryId),
        eventId: event.eventId,
        type: event.type,
        resourceId: event.resourceId,
        createdAt: now.toISOString(),
        status: "pending" as const,
        attempts: 0,
        log: [],
        giveUpAt: new Date(now.getTime() + RETRY_HOURS * HOUR).toISOString(),
        nextAttemptAt: now.toISOString(),
        due: "yes" as const,
        expiresAt: Math.floor(now.getTime() / 1000) + KEEP_DAYS * 86_400,
      };
    });
  return { payload: payloadOf(event, resource), deliveries: deliveries as WebhookDeliveryItem[] };
}

/** Takes an event's payload and makes its deliveries (once); answers them. */
async function prepare(event: WebhookEventItem, now: Date): Promise<WebhookDeliveryItem[]> {
  if (event.prepared === "yes") return [];
  const { payload, deliveries } = await payloadAndDeliveries(event, now);
  if (!(await WebhookStore.prepareEvent(event, payload, deliveries))) return [];
  return deliveries;
}

/** Right after the request that recorded them: prepare the events and make each delivery's first attempt. */
export async function deliverEvents(agencyId: string, eventIds: readonly string[], now = new Date()): Promise<void> {
  const events = await WebhookStore.events(agencyId, eventIds);
  for (const event of events) {
    for (const delivery of await prepare(event, now)) await attempt(delivery, now);
  }
}

/**
 * Right after the request that recorded it: the event is written once, already prepared (its
 * payload and deliveries in the same write; nothing read back), then each delivery's first
 * attempt is made. A retried job finds it written and goes on as `deliverEvents`. If its payload
 * can't be taken now, it is written unprepared and the job prepares it later.
 */
export async function recordAndDeliver(event: NewWebhookEvent, now = new Date()): Promise<void> {
  let prepared: Awaited<ReturnType<typeof payloadAndDeliveries>>;
  try {
    prepared = await payloadAndDeliveries(event, now);
  } catch (error) {
    Log.error("webhook: event recorded unprepared; the job prepares it", error, { eventId: event.eventId });
    if (await WebhookStore.recordEvent(event)) return;
    return deliverEvents(event.agencyId, [event.eventId], now);
  }
  if (!(await WebhookStore.recordPrepared(event, prepared.payload, prepared.deliveries))) return deliverEvents(event.agencyId, [event.eventId], now);
  for (const delivery of prepared.deliveries) await attempt(delivery, now);
}

/** Sends one delivery again now (the owner's redelivery), with a new day of retries. */
export async function redeliverNow(item: WebhookDeliveryItem, now = new Date()): Promise<void> {
  await WebhookStore.redue(item, now.toISOString(), new Date(now.getTime() + RETRY_HOURS * HOUR).toISOString());
}

export const redeliverSoonIds = async (keys: { agencyId: string; endpointId: string; deliveryId: string }[], now = new Date()) => {
  for (const item of await WebhookStore.deliveries(keys)) if (item.due === "yes") await attempt(item, now);
};

/** The job (every minute and every 15): events never prepared, then every delivery due. Safe to run twice at once. */
export async function flush(now = new Date()): Promise<{ delivered: number; failed: number; waiting: number; prepared: number }> {
  const outcome = { delivered: 0, failed: 0, waiting: 0, prepared: 0 };
  for (const event of await WebhookStore.eventsToPrepare(now.toISOString())) {
    try {
      outcome.prepared += (await prepare(event, now)).length;
    } catch (error) {
      Log.error("webhook: event not prepared", error, { eventId: event.eventId });
    }
  }
  // Oldest delivery first (ids are time-ordered), so an earlier one about a resource goes before a later one in the same run.
  const due = (await WebhookStore.dueDeliveries(now.toISOString())).sort((a, b) => (a.deliveryId < b.deliveryId ? -1 : 1));
  for (const item of due) {
    const result = await attempt(item, now);
    if (result === "delivered") outcome.delivered++;
    if (result === "failed") outcome.failed++;
    if (result === "waiting") outcome.waiting++;
  }
  // Given-up deliveries are the endpoint's problem, shown in its log: the job itself did not fail.
  return outcome;
}

type Outcome = "delivered" | "failed" | "waiting" | "skipped";

async function attempt(item: WebhookDeliveryItem, now: Date): Promise<Outcome> {
  // In order per resource: an earlier delivery still being retried goes first.
  if (await WebhookStore.earlierPending(item)) return "skipped";
  const next = new Date(now.getTime() + backoffMs(item.attempts + 1));
  if (!(await WebhookStore.claimDelivery(item, next.toISOString()))) return "skipped";
  const [endpoint, [event]] = await Promise.all([WebhookStore.endpoint(item.agencyId, item.endpointId, true), WebhookStore.events(item.agencyId, [item.eventId])]);
  const at = now.toISOString();
  if (!endpoint || !event?.payload || (endpoint.status === "disabled" && !event.onlyEndpointId)) {
    const error = !endpoint ? "The endpoint was deleted." : endpoint.status === "disabled" ? "The endpoint is disabled." : "The event is no longer kept.";
    await WebhookStore.settleDelivery(item, { at, statusCode: 0, ok: false, durationMs: 0, excerpt: "", error }, { status: "failed", nextAttemptAt: at });
    return "failed";
  }
  const { body, headers } = formatFor(endpoint, event);
  const signed: Record<string, string> = endpoint.kind === "webhook" ? { "webhook-signature": signatureHeader(endpoint.secret, body, now), "webhook-id": event.eventId, "webhook-event": event.type } : {};
  const result = await post(endpoint.url, body, { ...headers, ...signed });
  const entry = { at, statusCode: result.statusCode, ok: result.ok, durationMs: result.durationMs, excerpt: result.excerpt, ...(result.error ? { error: result.error } : {}) };
  if (result.ok) {
    await WebhookStore.settleDelivery(item, entry, { status: "delivered", nextAttemptAt: at });
    if (endpoint.failingSince) await WebhookStore.patchEndpoint(endpoint.agencyId, endpoint.endpointId, endpoint.version, {}, ["failingSince"]);
    return "delivered";
  }
  const givenUp = next.getTime() > Date.parse(item.giveUpAt);
  await WebhookStore.settleDelivery(item, entry, givenUp ? { status: "failed", nextAttemptAt: at } : { status: "pending", nextAttemptAt: next.toISOString() });
  await noteFailure(endpoint, now);
  return givenUp ? "failed" : "waiting";
}

/** An endpoint's failures: the first one starts the clock; after days of nothing but failures it is disabled and the owners told. */
async function noteFailure(endpoint: WebhookEndpointItem, now: Date): Promise<void> {
  if (!endpoint.failingSince) {
    await WebhookStore.patchEndpoint(endpoint.agencyId, endpoint.endpointId, endpoint.version, { failingSince: now.toISOString() });
    return;
  }
  if (endpoint.status !== "active" || now.getTime() - Date.parse(endpoint.failingSince) < DISABLE_AFTER_DAYS * 24 * HOUR) return;
  if (await WebhookStore.patchEndpoint(endpoint.agencyId, endpoint.endpointId, endpoint.version, { status: "disabled", disabledAt: now.toISOString() })) {
    Log.warn("webhook: endpoint disabled after failing for days", { agencyId: endpoint.agencyId, endpointId: endpoint.endpointId });
    const { tellOwnersDisabled } = await import("./disabled.ts");
    await tellOwnersDisabled(endpoint);
  }
}
