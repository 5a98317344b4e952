import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { RequestStatuses } from "../workflow/index.ts";

export const Priorities = ["low", "normal", "high", "urgent"] as const;

/** What a client asks for through the portal; accepted requests become tasks. */
export const RequestEntity = defineEntity({
  model: { entity: "request", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    requestId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    /** Per-client sequence: the 42 in ACME-42. */
    number: { type: "number", required: true, readOnly: true },
    reference: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true },
    service: { type: "string", required: true },
    /** A calendar date (YYYY-MM-DD) in the client's time zone. */
    desiredDueDate: { type: "string" },
    priority: { type: Priorities, required: true, default: "normal" },
    links: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    status: { type: RequestStatuses, required: true, default: "submitted" },
    submittedByType: { type: ["contact", "member", "apikey", "system"] as const, required: true, readOnly: true },
    submittedById: { type: "string", required: true, readOnly: true },
    submittedByName: { type: "string", required: true, readOnly: true },
    /** When the first response is due (the client's promise, in the agency's business hours). */
    responseDueAt: { type: "string", required: true },
    respondedAt: { type: "string" },
    declineReason: { type: "string" },
    /** taskId → status of every task made from this request; the request's status follows them. */
    taskStatuses: { type: "any", required: true, default: () => ({}) },
    completedAt: { type: "string" },
    /** When each thread last had a message: with `version`, what "anything new?" compares. */
    clientThreadAt: { type: "string" },
    internalThreadAt: { type: "string" },
    /** Client contacts who wrote in the client thread: they hear about replies. */
    threadContactIds: { type: "set", items: "string" },
    /** The catalog service asked for; absent for "something else" (the generic form). */
    serviceId: { type: "string", readOnly: true },
    /** The service's form as it was and the answers (service-package/catalog.ts Brief). */
    brief: { type: "any", readOnly: true },
    /** A recurring template's SOPs (no service named): what accepting the occurrence proposes. */
    sopIds: { type: "list", items: { type: "string" }, readOnly: true },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    requestById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["requestId"] },
    },
    requestsOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["requestId"] },
    },
    requestsByStatus: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["agencyId", "status"] },
      sk: { field: "gsi3sk", composite: ["responseDueAt", "requestId"] },
    },
  },
});

export type RequestItem = EntityItem<typeof RequestEntity>;

/**
 * The last request number given under a client code (the 42 of ACME-42). Kept per code, not per
 * client, and never deleted: when a client's code changes and another client later takes the old
 * code, its numbers carry on from there, so no two requests ever share a reference.
 */
export const RequestCounterEntity = defineEntity({
  model: { entity: "requestCounter", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    code: { type: "string", required: true, readOnly: true },
    seq: { type: "number", required: true, default: 0 },
  },
  indexes: {
    counterOfCode: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["code"] },
    },
  },
});
