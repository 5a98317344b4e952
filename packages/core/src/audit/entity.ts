import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

export const AuditEventEntity = defineEntity({
  model: { entity: "auditEvent", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    /** Time-sortable, so listing by id is listing by time. */
    eventId: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    actorType: { type: "string", required: true, readOnly: true },
    actorId: { type: "string", required: true, readOnly: true },
    action: { type: "string", required: true, readOnly: true },
    subjectType: { type: "string", required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    data: { type: "any", readOnly: true },
  },
  indexes: {
    eventsOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["eventId"] },
    },
    eventsOfSubject: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "subjectId"] },
      sk: { field: "gsi1sk", composite: ["eventId"] },
    },
  },
});

export type AuditEventItem = EntityItem<typeof AuditEventEntity>;
