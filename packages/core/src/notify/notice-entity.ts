import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";
import { shardAttribute } from "../db/shard.ts";

/**
 * A hand-off email to a client's people, kept with the change that causes it before anyone knows
 * who they are: the worker reads the client's contacts after the commit, renders the email for
 * each and turns it into outbox emails (notify/notice.ts). Small (no rendered HTML), so the
 * change's transaction stays light; `pending` is "yes" while it waits (the sparse pendingNotices
 * index the outbox job reads, in case the worker never ran).
 */
export const OutboxNoticeEntity = defineEntity({
  model: { entity: "outboxNotice", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    noticeId: { type: "string", required: true, readOnly: true },
    /** The email's kind (Email's Notice). */
    kind: { type: "string", required: true, readOnly: true },
    /** Whose contacts it goes to. */
    clientId: { type: "string", required: true, readOnly: true },
    /** The email's parameters, as JSON (string values). */
    params: { type: "string", required: true, readOnly: true },
    url: { type: "string", required: true, readOnly: true },
    queuedAt: { type: "string", required: true, readOnly: true },
    nextAttemptAt: { type: "string", required: true },
    attempts: { type: "number", required: true, default: 0 },
    pending: { type: ["yes"] as const, required: true, default: "yes" },
    /** Which of the pendingNotices partitions it is in (db/shard.ts), from its id. */
    shard: shardAttribute("noticeId"),
  },
  indexes: {
    noticeById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["noticeId"] },
    },
    /** Notices the worker has not turned into emails yet, oldest first: the outbox job's query (one per shard). */
    pendingNotices: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["pending", "shard"] },
      sk: { field: "gsi2sk", composite: ["nextAttemptAt", "noticeId"] },
    },
  },
});

export type OutboxNoticeItem = EntityItem<typeof OutboxNoticeEntity>;
