import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

/** The current head of an SOP: what the library lists. Each edit adds an SopVersion. */
export const SopEntity = defineEntity({
  model: { entity: "sop", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    sopId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    category: { type: "string", required: true },
    /** Lower-cased title, category and body, for the library's search filter. */
    searchText: { type: "string", required: true },
    latestVersion: { type: "number", required: true },
    checklistLength: { type: "number", required: true },
    /** The tools its work needs ("Gmail", "QuickBooks"): a task made from it names the client's vault entries of these tools. */
    tools: { type: "list", items: { type: "string" } },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    sopsOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["sopId"] },
    },
  },
});

/** One immutable version of an SOP; tasks pin the version they were made from. */
export const SopVersionEntity = defineEntity({
  model: { entity: "sopVersion", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    sopId: { type: "string", required: true, readOnly: true },
    number: { type: "number", required: true, readOnly: true, padding: { length: 6, char: "0" } },
    title: { type: "string", required: true, readOnly: true },
    category: { type: "string", required: true, readOnly: true },
    body: { type: "string", required: true, readOnly: true },
    checklist: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    note: { type: "string", readOnly: true },
    createdBy: { type: "string", required: true, readOnly: true },
    /** The author's name when they wrote it, as the history shows it. */
    createdByName: { type: "string", readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    versionsOfSop: {
      pk: { field: "pk", composite: ["agencyId", "sopId"] },
      sk: { field: "sk", composite: ["number"] },
    },
  },
});

export type SopItem = EntityItem<typeof SopEntity>;
export type SopVersionItem = EntityItem<typeof SopVersionEntity>;
