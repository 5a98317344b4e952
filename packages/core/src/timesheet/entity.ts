import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

/** An entry's billing state: on no invoice yet, or the invoice it is locked on. */
export const UNBILLED = "unbilled";

/**
 * Where an entry stands in approval (approval.ts): logged ("open"), in a submitted week waiting
 * for review, returned with a note to fix, or approved (locked; counted against a retainer and
 * invoiceable). Entries from before approval existed have no state and read as approved.
 */
export const ApprovalStates = ["open", "submitted", "returned", "approved"] as const;
export type ApprovalState = (typeof ApprovalStates)[number];

/** Time a member spent: on a task (and so its client), or for a client directly (owner). */
export const TimeEntryEntity = defineEntity({
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
    approval: { type: ApprovalStates },
    /** Why a reviewer returned the entry: shown to its member until they resubmit. */
    returnNote: { type: "string" },
    /** Who approved it (a member id) and the hour bank period its use was recorded in (retainer clients' billable time). */
    approvedBy: { type: "string" },
    usedPeriod: { type: "string" },
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
    /** Entries by approval state: what waits for review across the team (the "submitted" partition). */
    entriesByApproval: {
      index: "gsi4",
      pk: { field: "gsi4pk", composite: ["agencyId", "approval"] },
      sk: { field: "gsi4sk", composite: ["startedAt", "entryId"] },
    },
  },
});

/** An entry's approval state; one logged before approval existed counts as approved. */
export const approvalOf = (item: Pick<TimeEntryItem, "approval">): ApprovalState => item.approval ?? "approved";

export type TimeEntryItem = EntityItem<typeof TimeEntryEntity>;

/** A member's running timer: at most one, because it is one item per member, created only if absent. */
export const TimerEntity = defineEntity({
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
