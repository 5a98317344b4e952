import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

/** One message in a request's thread, shared by the client and the team. */
export const MessageEntity = defineEntity({
  model: { entity: "message", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    requestId: { type: "string", required: true, readOnly: true },
    messageId: { type: "string", required: true, readOnly: true },
    authorType: { type: ["member", "contact"] as const, required: true, readOnly: true },
    authorId: { type: "string", required: true, readOnly: true },
    authorName: { type: "string", required: true, readOnly: true },
    /** The author's IANA zone when they wrote it, so readers see their local time; older messages have none. */
    authorTimeZone: { type: "string", readOnly: true },
    body: { type: "string", required: true, readOnly: true },
    /** The client thread, or the team's internal notes (never shown to the client); older messages have none: client. */
    thread: { type: ["client", "internal"] as const, readOnly: true },
    /** How many files were attached (the files themselves are listed under the request). */
    fileCount: { type: "number", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    messagesOfRequest: {
      pk: { field: "pk", composite: ["agencyId", "requestId"] },
      sk: { field: "sk", composite: ["messageId"] },
    },
  },
});

export type MessageItem = EntityItem<typeof MessageEntity>;
