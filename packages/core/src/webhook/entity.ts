import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { movingShardAttribute } from "../db/shard.ts";

export const EndpointKinds = ["webhook", "slack", "teams"] as const;
export const EndpointStatuses = ["active", "disabled"] as const;
export const DeliveryStatuses = ["pending", "delivered", "failed"] as const;

/**
 * Where an agency's events go: a signed JSON webhook (the owner's, or a REST-hook subscription a
 * no-code tool made with an API key), or a Slack / Teams incoming webhook (a readable message).
 * The secret signs webhook deliveries; it is shown to the owner once, when the endpoint is made.
 */
export const WebhookEndpointEntity = defineEntity({
  model: { entity: "webhookEndpoint", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    endpointId: { type: "string", required: true, readOnly: true },
    kind: { type: EndpointKinds, required: true, readOnly: true },
    /** "owner" from Settings; "subscription" from a REST-hook subscribe call (Zapier, Make). */
    origin: { type: ["owner", "subscription"] as const, required: true, readOnly: true },
    url: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    secret: { type: "string", required: true, readOnly: true },
    events: { type: "list", items: { type: "string" }, required: true },
    /** Only this client's events (Slack / Teams per client); absent: every client's. */
    clientId: { type: "string" },
    /** The language Slack / Teams messages are written in (the owner's who added it, unless chosen). */
    locale: { type: ["en", "el", "hi"] as const },
    status: { type: EndpointStatuses, required: true, default: "active" },
    /** The first failed attempt since the last success: an endpoint failing for days is disabled. */
    failingSince: { type: "string" },
    disabledAt: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    endpointsOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["endpointId"] },
    },
  },
});

/**
 * Something that happened, kept for the deliveries and for the poll list (newest first per type).
 * Recorded in the request that caused it (`prepared` "no"); its payload (the resource as the API
 * shows it) is taken right after the response, when the deliveries are made (`prepared` "yes").
 */
export const WebhookEventEntity = defineEntity({
  model: { entity: "webhookEvent", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    eventId: { type: "string", required: true, readOnly: true },
    type: { type: "string", required: true, readOnly: true },
    resourceKind: { type: "string", required: true, readOnly: true },
    resourceId: { type: "string", required: true, readOnly: true },
    /** The client the resource belongs to, when it has one (per-client Slack / Teams endpoints). */
    clientId: { type: "string", readOnly: true },
    /** A test event goes to this endpoint only and is not in the poll list. */
    onlyEndpointId: { type: "string", readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    /** The JSON body every endpoint is sent (id, type, time, resource); set once prepared. */
    payload: { type: "string" },
    /** A snapshot given when recorded (a message, a survey answer), used instead of reading the resource. */
    snapshot: { type: "string", readOnly: true },
    prepared: { type: ["yes", "no"] as const, required: true, default: "no" },
    /** Which of the eventsToPrepare partitions it is in (db/shard.ts), from its id: written with `prepared` (store.ts). */
    shard: movingShardAttribute("eventId"),
    /** Epoch seconds: events are kept 30 days (the poll list's and the delivery log's horizon). */
    expiresAt: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    eventById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["eventId"] },
    },
    /** The poll list: an agency's events of one type, newest first. */
    eventsOfType: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "type"] },
      sk: { field: "gsi1sk", composite: ["eventId"] },
    },
    /** Events whose deliveries are not made yet (the job's catch-up if the after-response step never ran; one Query per shard). */
    eventsToPrepare: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["prepared", "shard"] },
      // The id is time-ordered: oldest first without a second composite to rewrite.
      sk: { field: "gsi2sk", composite: ["eventId"] },
      condition: (attr) => attr.prepared === "no",
    },
  },
});

/** One event on its way to one endpoint: the attempts so far (the delivery log) and when the next is due. */
export const WebhookDeliveryEntity = defineEntity({
  model: { entity: "webhookDelivery", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    endpointId: { type: "string", required: true, readOnly: true },
    deliveryId: { type: "string", required: true, readOnly: true },
    eventId: { type: "string", required: true, readOnly: true },
    type: { type: "string", required: true, readOnly: true },
    resourceId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
    status: { type: DeliveryStatuses, required: true, default: "pending" },
    attempts: { type: "number", required: true, default: 0 },
    log: {
      type: "list",
      required: true,
      default: () => [],
      items: {
        type: "map",
        properties: {
          at: { type: "string", required: true },
          statusCode: { type: "number", required: true },
          ok: { type: "boolean", required: true },
          durationMs: { type: "number", required: true },
          excerpt: { type: "string", required: true },
          error: { type: "string" },
        },
      },
    },
    /** Retries stop this long after the delivery was made (or redelivered). */
    giveUpAt: { type: "string", required: true },
    nextAttemptAt: { type: "string", required: true },
    /** "yes" while an attempt is due: the sparse dueDeliveries index. */
    due: { type: ["yes", "no"] as const, required: true, default: "yes" },
    /** Which of the dueDeliveries partitions it is in (db/shard.ts), from its id: written with `due` (store.ts). */
    shard: movingShardAttribute("deliveryId"),
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    /** An endpoint's delivery log, newest first. */
    deliveriesOfEndpoint: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["endpointId", "deliveryId"] },
    },
    /** An endpoint's deliveries about one resource, in order: a later one waits for an earlier one. */
    deliveriesOfResource: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "endpointId", "resourceId"] },
      sk: { field: "gsi1sk", composite: ["deliveryId"] },
    },
    /** Deliveries with an attempt due, soonest first: the job's query across agencies (one per shard). */
    dueDeliveries: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["due", "shard"] },
      sk: { field: "gsi2sk", composite: ["nextAttemptAt", "deliveryId"] },
      condition: (attr) => attr.due === "yes",
    },
  },
});

export type WebhookEndpointItem = EntityItem<typeof WebhookEndpointEntity>;
export type WebhookEventItem = EntityItem<typeof WebhookEventEntity>;
export type WebhookDeliveryItem = EntityItem<typeof WebhookDeliveryEntity>;
