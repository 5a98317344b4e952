import { Entity, type EntityItem } from "electrodb";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

export const AgencyEntity = new Entity({
  model: { entity: "agency", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    name: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    currency: { type: "string", required: true },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    agency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type AgencyItem = EntityItem<typeof AgencyEntity>;
