import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

/** The owner put the first-run checklist away. Its items are never stored: they are read from the data. */
export const FirstRunEntity = defineEntity({
  model: { entity: "firstRun", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    dismissedAt: { type: "string", required: true },
  },
  indexes: {
    firstRunOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type FirstRunItem = EntityItem<typeof FirstRunEntity>;
