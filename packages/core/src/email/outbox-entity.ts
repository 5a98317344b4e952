import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { movingShardAttribute } from "../db/shard.ts";

/**
 * An email waiting to be sent: one a request caused (kept with the change, sent right after the
 * response: Email.later), or one SES did not take (it was down or throttling), sent later by the
 * outbox job. Not inside an agency's keys: sign-in links are sent before anyone is known. `pending` is
 * "yes" while it waits (then it is in the sparse pendingEmails index); written with nextAttemptAt.
 */
export const OutboxEmailEntity = defineEntity({
  model: { entity: "outboxEmail", version: "1", service: "baton" },
  attributes: {
    emailId: { type: "string", required: true, readOnly: true },
    to: { type: "string", required: true, readOnly: true },
    subject: { type: "string", required: true, readOnly: true },
    html: { type: "string", required: true, readOnly: true },
    text: { type: "string", required: true, readOnly: true },
    /** The agency's sender name and reply-to address (its brand), kept so a later send is the same email. */
    fromName: { type: "string", readOnly: true },
    replyTo: { type: "string", readOnly: true },
    /** Files sent with it (an invoice's PDF, base64): kept with the email so a retry sends the same. */
    attachments: {
      type: "list",
      readOnly: true,
      items: {
        type: "map",
        properties: {
          filename: { type: "string", required: true },
          contentType: { type: "string", required: true },
          content: { type: "string", required: true },
        },
      },
    },
    queuedAt: { type: "string", required: true, readOnly: true },
    attempts: { type: "number", required: true, default: 0 },
    nextAttemptAt: { type: "string", required: true },
    pending: { type: ["yes", "no"] as const, required: true, default: "yes" },
    lastError: { type: "string" },
    /** Epoch seconds: a given-up email is deleted by the table's TTL after a while. */
    expiresAt: { type: "number" },
    /** Which of the pendingEmails partitions it is in (db/shard.ts), from its id: written with `pending` (outbox.ts). */
    shard: movingShardAttribute("emailId"),
  },
  indexes: {
    emailById: {
      pk: { field: "pk", composite: ["emailId"] },
      sk: { field: "sk", composite: [] },
    },
    /** Emails waiting to be sent, soonest attempt first: the outbox job's query (one per shard). */
    pendingEmails: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["pending", "shard"] },
      sk: { field: "gsi2sk", composite: ["nextAttemptAt", "emailId"] },
      condition: (attr) => attr.pending === "yes",
    },
  },
});

export type OutboxEmailItem = EntityItem<typeof OutboxEmailEntity>;
