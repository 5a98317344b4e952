import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

/**
 * What one person has not read on one request: new messages in each thread and status changes.
 * Written when something happens, deleted when they open the request. Their list is the apps'
 * unread count and marks; what was emailed is remembered so an email never repeats itself.
 */
export const UnreadEntity = defineEntity({
  model: { entity: "unread", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    personId: { type: "string", required: true, readOnly: true },
    personType: { type: ["member", "contact"] as const, required: true },
    requestId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true },
    reference: { type: "string", required: true },
    title: { type: "string", required: true },
    /** New messages in the client thread, in the internal one, of them written by the client, and status changes. */
    clientCount: { type: "number" },
    internalCount: { type: "number" },
    fromClientCount: { type: "number" },
    updateCount: { type: "number" },
    lastAt: { type: "string", required: true },
    /** The newest unread message: when, by whom, its first words, its thread. */
    lastMessageAt: { type: "string" },
    lastAuthorName: { type: "string" },
    lastExcerpt: { type: "string" },
    lastThread: { type: ["client", "internal"] as const },
    /** The newest message an email has already told them about. */
    emailedThrough: { type: "string" },
  },
  indexes: {
    unreadOfPerson: {
      pk: { field: "pk", composite: ["agencyId", "personId"] },
      sk: { field: "sk", composite: ["requestId"] },
    },
  },
});

/**
 * An email owed to one person about new messages, due a few minutes after the first one so that
 * several make one email. Exists only while owed: the notification job claims it by deleting it.
 */
export const NotifyBatchEntity = defineEntity({
  model: { entity: "notifyBatch", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    personId: { type: "string", required: true, readOnly: true },
    personType: { type: ["member", "contact"] as const, required: true, readOnly: true },
    queue: { type: ["notify"] as const, required: true, default: "notify", readOnly: true },
    dueAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    batchOfPerson: {
      pk: { field: "pk", composite: ["agencyId", "personId"] },
      sk: { field: "sk", composite: [] },
    },
    /** Across agencies, soonest due first: the notification job's one query. */
    dueBatches: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["queue"] },
      sk: { field: "gsi2sk", composite: ["dueAt", "agencyId", "personId"] },
    },
  },
});

export type UnreadItem = EntityItem<typeof UnreadEntity>;
export type NotifyBatchItem = EntityItem<typeof NotifyBatchEntity>;
