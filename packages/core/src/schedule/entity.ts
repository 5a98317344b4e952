import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

export const ScheduleStatuses = ["active", "paused"] as const;
export const RuleKinds = ["weekdays", "weekly", "monthly"] as const;

/**
 * Recurring work for a client (issue 18, part 5): a service or a request template (title,
 * description, SOPs), a rule, a time of day in the client's zone, start and optional end dates,
 * and the usual assignee. The job creates one request (and its tasks) per occurrence.
 */
export const ScheduleEntity = defineEntity({
  model: { entity: "schedule", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    scheduleId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    /** The catalog service whose SOPs the tasks follow; absent for a request template. */
    serviceId: { type: "string" },
    /** A template's own SOPs (one task each); ignored when a service is named. */
    sopIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    ruleKind: { type: RuleKinds, required: true },
    /** ISO weekdays (1 = Monday) for a weekly rule. */
    days: { type: "list", items: { type: "number" }, required: true, default: () => [] },
    /** Day of the month (1–31) for a monthly rule. */
    dayOfMonth: { type: "number" },
    /** "HH:MM" in `timeZone` (the client's, copied when saved). */
    time: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    startDate: { type: "string", required: true },
    endDate: { type: "string" },
    /** Hours each task is estimated at (the capacity check weighs them). */
    estimateHours: { type: "number", required: true },
    assigneeId: { type: "string" },
    status: { type: ScheduleStatuses, required: true, default: "active" },
    /** "yes" while the schedule has an occurrence to come (active, not ended): the due index's partition. */
    due: { type: ["yes", "no"] as const, required: true },
    /** The next occurrence not yet created (UTC); "-" when none. */
    nextAt: { type: "string", required: true },
    nextDate: { type: "string" },
    /** The last occurrence created, and its request. */
    lastDate: { type: "string" },
    lastRequestId: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    schedulesOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["scheduleId"] },
    },
    schedulesOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["scheduleId"] },
    },
    /** The job's one query per agency: active schedules whose next occurrence is due, soonest first. */
    schedulesDue: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["agencyId", "due"] },
      sk: { field: "gsi2sk", composite: ["nextAt", "scheduleId"] },
    },
  },
});

/**
 * One occurrence created: its key (schedule + date in the client's zone) is written with
 * `attribute_not_exists` in the transaction that creates the request, so a job run twice,
 * concurrently or late creates each occurrence once.
 */
export const ScheduleOccurrenceEntity = defineEntity({
  model: { entity: "scheduleOccurrence", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    scheduleId: { type: "string", required: true, readOnly: true },
    date: { type: "string", required: true, readOnly: true },
    at: { type: "string", required: true, readOnly: true },
    requestId: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    occurrencesOfSchedule: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["scheduleId", "date"] },
    },
  },
});

export type ScheduleItem = EntityItem<typeof ScheduleEntity>;
export type ScheduleOccurrenceItem = EntityItem<typeof ScheduleOccurrenceEntity>;
