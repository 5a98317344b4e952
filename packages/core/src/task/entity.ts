import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { TaskStatuses } from "../workflow/index.ts";

export const UNASSIGNED = "unassigned";

const person = {
  type: "map",
  properties: {
    type: { type: "string", required: true },
    id: { type: "string", required: true },
    name: { type: "string", required: true },
  },
} as const;

/** A unit of work made from a request, done by one subcontractor by one SOP version. */
export const TaskEntity = defineEntity({
  model: { entity: "task", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    taskId: { type: "string", required: true, readOnly: true },
    requestId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    reference: { type: "string", required: true, readOnly: true },
    title: { type: "string", required: true },
    description: { type: "string", required: true, default: "" },
    estimateMinutes: { type: "number", required: true },
    dueAt: { type: "string", required: true },
    urgent: { type: "boolean", required: true, default: false },
    important: { type: "boolean", required: true, default: true },
    skills: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    sopId: { type: "string" },
    sopVersion: { type: "number" },
    sopTitle: { type: "string" },
    checklist: {
      type: "list",
      required: true,
      default: () => [],
      items: {
        type: "map",
        properties: {
          itemId: { type: "string", required: true },
          text: { type: "string", required: true },
          done: { type: "boolean", required: true },
          doneAt: { type: "string" },
          doneBy: { type: "string" },
        },
      },
    },
    status: { type: TaskStatuses, required: true, default: "todo" },
    /** "open" until done; splits a person's work from their history in one index. */
    state: { type: ["open", "closed"] as const, required: true, default: "open" },
    assigneeId: { type: "string", required: true, default: UNASSIGNED },
    assignedAt: { type: "string" },
    assignmentHistory: {
      type: "list",
      required: true,
      default: () => [],
      items: {
        type: "map",
        properties: {
          memberId: { type: "string", required: true },
          at: { type: "string", required: true },
          by: { type: "string", required: true },
        },
      },
    },
    /** Times QA or the client sent it back. */
    revisionCount: { type: "number", required: true, default: 0 },
    qaReturns: { type: "number", required: true, default: 0 },
    deliverable: {
      type: "map",
      properties: {
        text: { type: "string", required: true },
        links: { type: "list", items: { type: "string" } },
        submittedAt: { type: "string", required: true },
        submittedBy: { type: "string", required: true },
        /** The submission's number: 1, then 2 after a return… (absent on deliverables from before: 1). */
        round: { type: "number" },
        /** The note the client reads, as QA edited it before approving; absent: the text as submitted. */
        clientNote: { type: "string" },
        /** The files attached with this submission (absent on deliverables from before: read them by their request). */
        fileIds: { type: "list", items: { type: "string" } },
      },
    },
    /** Earlier submissions, oldest first: a resubmission keeps them. */
    deliverableHistory: {
      type: "list",
      items: {
        type: "map",
        properties: {
          round: { type: "number", required: true },
          text: { type: "string", required: true },
          links: { type: "list", items: { type: "string" } },
          submittedAt: { type: "string", required: true },
          submittedBy: { type: "string", required: true },
          clientNote: { type: "string" },
          fileIds: { type: "list", items: { type: "string" } },
        },
      },
    },
    review: {
      type: "map",
      properties: {
        decision: { type: ["approve", "return"] as const, required: true },
        rubric: { type: "number", required: true },
        notes: { type: "string" },
        at: { type: "string", required: true },
        by: { type: "string", required: true },
      },
    },
    clientDecision: {
      type: "map",
      properties: {
        decision: { type: ["approve", "revision"] as const, required: true },
        comment: { type: "string" },
        at: { type: "string", required: true },
        by: person,
      },
    },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    taskById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["taskId"] },
    },
    tasksOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["requestId", "taskId"] },
    },
    tasksOfAssignee: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["agencyId", "assigneeId"] },
      sk: { field: "gsi2sk", composite: ["state", "dueAt", "taskId"] },
    },
    /**
     * A client's work by state, then due date: only that client's tasks, not every client's.
     * Read descending, every open task comes before every closed one (`open#` > `closed#`): the
     * client board reads its open columns and its latest done tasks in one query.
     */
    openWorkOfClient: {
      index: "gsi4",
      pk: { field: "gsi4pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi4sk", composite: ["state", "dueAt", "taskId"] },
    },
    tasksByStatus: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["agencyId", "status"] },
      sk: { field: "gsi3sk", composite: ["dueAt", "taskId"] },
    },
  },
});

export type TaskItem = EntityItem<typeof TaskEntity>;
