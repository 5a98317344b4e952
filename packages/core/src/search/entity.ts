import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

export const SearchKinds = ["client", "request", "task", "invoice", "sop", "quote"] as const;
export type SearchKind = (typeof SearchKinds)[number];

/**
 * One word of one searchable thing (a client, request, task, invoice or SOP). A thing has one
 * item per word, all in its own partition (to rewrite them when it is renamed); the agency's
 * words sort on gsi1, so a typed word is a key-prefix Query, never a Scan.
 */
export const SearchWordEntity = defineEntity({
  model: { entity: "searchWord", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    subjectId: { type: "string", required: true, readOnly: true },
    word: { type: "string", required: true, readOnly: true },
    kind: { type: SearchKinds, required: true },
    /** What a result shows, as of the last indexing; the result is read afresh before it is shown. */
    title: { type: "string", required: true },
    reference: { type: "string" },
    /** The client it belongs to, `none` for an SOP: a client's erasure deletes its words. */
    clientId: { type: "string", required: true },
    /** Every word of the thing: a query's other words are checked against these. */
    words: { type: "list", items: { type: "string" }, required: true },
    indexedAt: { type: "string", required: true },
  },
  indexes: {
    wordsOfSubject: {
      pk: { field: "pk", composite: ["agencyId", "subjectId"] },
      sk: { field: "sk", composite: ["word"] },
    },
    searchByWord: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId"] },
      sk: { field: "gsi1sk", composite: ["word", "subjectId"] },
    },
    wordsOfClient: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi2sk", composite: ["subjectId", "word"] },
    },
  },
});

/** How far the agency's things of one kind are indexed: the last id read (ids sort by creation). */
export const SearchMarkEntity = defineEntity({
  model: { entity: "searchMark", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    kind: { type: SearchKinds, required: true, readOnly: true },
    lastId: { type: "string", required: true },
    /** The ids already indexed among the last minutes' (read again until they are older): not written twice. */
    recent: { type: "list", items: { type: "string" } },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    marksOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["kind"] },
    },
  },
});

export type SearchWordItem = EntityItem<typeof SearchWordEntity>;
export type SearchMarkItem = EntityItem<typeof SearchMarkEntity>;
