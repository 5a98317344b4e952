import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps } from "../db/attributes.ts";

/**
 * A person's private calendar feed: one per team member or client contact. Only the SHA-256 of
 * its secret is stored; resetting the link overwrites the hash, so the old URL stops working.
 */
export const CalendarFeedEntity = defineEntity({
  model: { entity: "calendarFeed", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    /** The member or contact the feed belongs to (their id says which). */
    subjectId: { type: "string", required: true, readOnly: true },
    subjectType: { type: ["member", "contact"] as const, required: true, readOnly: true },
    tokenHash: { type: "string", required: true },
    ...timestamps,
  },
  indexes: {
    feedOfSubject: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["subjectId"] },
    },
  },
});

export type CalendarFeedItem = EntityItem<typeof CalendarFeedEntity>;
