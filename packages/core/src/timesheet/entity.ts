import { Entity, type EntityItem } from "electrodb";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

/** An entry's billing state: on no invoice yet, or the invoice it is locked on. */
export const UNBILLED = "unbilled";

/** Time a member spent: on a task (and so its client), or for a client directly (owner). */
export const TimeEntryEntity = new Entity({
  model: { entity: "timeEntry", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    entryId: { type: "string", required: true, readOnly: true },
    memberId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    /** "none" for time logged for a client without a task. */
    taskId: { type: "string", required: true, readOnly: true, default: "none" },
    /** What the entry was for, as it read when logged: "ACME-7 · Write the newsletter". */
    label: { type: "string", required: true },
    startedAt: { type: "string", required: true },
    minutes: { type: "number", required: true },
    billable: { type: "boolean", required: true, default: true },
    note: { type: "string" },
    /** UNBILLED, or the invoice the entry is locked on. */
    invoiceId: { type: "string", required: true, default: UNBILLED },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    entryById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["entryId"] },
    },
    entriesOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["invoiceId", "startedAt", "entryId"] },
    },
    entriesOfMember: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["agencyId", "memberId"] },
      sk: { field: "gsi2sk", composite: ["startedAt", "entryId"] },
    },
    entriesOfTask: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["agencyId", "taskId"] },
      sk: { field: "gsi3sk", composite: ["startedAt", "entryId"] },
    },
  },
});

export type TimeEntryItem = EntityItem<typeof TimeEntryEntity>;

/** A member's running timer: at most one, because it is one item per member, created only if absent. */
export const TimerEntity = new Entity({
  model: { entity: "timer", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    memberId: { type: "string", required: true, readOnly: true },
    taskId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    label: { type: "string", required: true, readOnly: true },
    startedAt: { type: "string", required: true, readOnly: true },
    note: { type: "string" },
  },
  indexes: {
    timerOfMember: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["memberId"] },
    },
  },
});

export type TimerItem = EntityItem<typeof TimerEntity>;
