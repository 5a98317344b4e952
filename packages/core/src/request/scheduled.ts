import type { ClientItem } from "../client/entity.ts";
import { record as recordEvent } from "../webhook/record.ts";
import { Audit } from "../audit/index.ts";
import { db, type TransactionEntities } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { createId } from "../id/index.ts";
import { MemberStore } from "../member/store.ts";
import { Notify } from "../notify/index.ts";
import { TaskStore } from "../task/store.ts";
import { nameSopTools } from "../vault/sop-tools.ts";
import { requestStatusFor, type TaskStatus } from "../workflow/index.ts";
import { nextNumber } from "./index.ts";

// A request a recurring schedule creates (schedule/run.ts): accepted at once into its tasks, all
// assigned to the usual person, when they have capacity; otherwise left in triage (submitted)
// for the owner, whose accept dialog proposes the service's SOP tasks as for any request (a
// template's own SOPs are kept on the request for that).

export type PlannedTask = {
  title: string;
  description: string;
  estimateMinutes: number;
  dueAt: string;
  skills: string[];
  sop: { sopId: string; sopVersion: number; sopTitle: string; checklist: string[] } | null;
};

export type ScheduledRequest = {
  agencyId: string;
  client: ClientItem;
  title: string;
  description: string;
  service: string;
  serviceId: string | null;
  /** A template's SOPs (no service): kept on the request so accepting it from triage proposes their tasks. */
  sopIds: string[];
  /** When the occurrence falls: the request's response promise. */
  at: string;
  tasks: PlannedTask[];
  /** The usual person when they have capacity; null leaves the request in triage. */
  assigneeId: string | null;
  scheduleId: string;
  /** The occurrence's claim (`attribute_not_exists`): the transaction fails, and nothing is created, when another run made it. */
  claim: (tx: Pick<TransactionEntities, "scheduleOccurrence">, requestId: string) => ReturnType<ReturnType<TransactionEntities["scheduleOccurrence"]["create"]>["commit"]>;
};

/** Creates the request (and, when assigned, its tasks) with the claim; null when the occurrence was already created. */
export async function createScheduled(plan: ScheduledRequest): Promise<{ requestId: string; reference: string; status: string } | null> {
  const { agencyId, client } = plan;
  // A run that loses the claim to a concurrent one has taken a number: a gap in the client's
  // references, never a duplicate (the caller reads the claim first, so this is rare).
  const number = await nextNumber(agencyId, client);
  const requestId = createId("request");
  const reference = `${client.code}-${number}`;
  const now = new Date().toISOString();
  const tasks = plan.assigneeId
    ? plan.tasks.map((task, index) => ({
        agencyId,
        taskId: createId("task"),
        requestId,
        clientId: client.clientId,
        reference: `${reference}${plan.tasks.length > 1 ? `.${index + 1}` : ""}`,
        title: task.title,
        description: task.description,
        estimateMinutes: task.estimateMinutes,
        dueAt: task.dueAt,
        urgent: false,
        important: true,
        skills: task.skills,
        ...(task.sop ? { sopId: task.sop.sopId, sopVersion: task.sop.sopVersion, sopTitle: task.sop.sopTitle } : {}),
        checklist: (task.sop?.checklist ?? []).map((text, i) => ({ itemId: `c${i + 1}`, text, done: false })),
        status: "todo" as TaskStatus,
        state: "open" as const,
        assigneeId: plan.assigneeId!,
        assignedAt: now,
        assignmentHistory: [{ memberId: plan.assigneeId!, at: now, by: "system" }],
      }))
    : [];
  const taskStatuses = Object.fromEntries(tasks.map((task) => [task.taskId, task.status]));
  const status = tasks.length ? requestStatusFor(Object.values(taskStatuses)) : "submitted";
  const result = await db.transaction
      .write(({ request, ...tx }) => [
        plan.claim(tx, requestId),
        request
          .create({
            agencyId,
            requestId,
            clientId: client.clientId,
            number,
            reference,
            title: plan.title,
            description: plan.description,
            service: plan.service.slice(0, 60),
            ...(plan.serviceId ? { serviceId: plan.serviceId } : {}),
            ...(!plan.serviceId && plan.sopIds.length ? { sopIds: plan.sopIds } : {}),
            status,
            submittedByType: "system",
            submittedById: plan.scheduleId,
            submittedByName: "Recurring schedule",
            responseDueAt: plan.at,
            ...(tasks.length ? { respondedAt: now } : {}),
            taskStatuses,
          })
          .commit(),
        ...tasks.map((task) => TaskStore.createItem(tx, task)),
        Audit.item(tx, Audit.event("request.scheduled", "request", requestId, { reference, scheduleId: plan.scheduleId, tasks: tasks.map((t) => ({ id: t.taskId, title: t.title })) })),
      ])
      .go();
  if (failedConditions(result).length) return null;
  await nameSopTools(agencyId, tasks);
  // The usual person hears of each task as from an assignment (never twice: only the run that made it gets here).
  const assignee = plan.assigneeId ? await MemberStore.load(agencyId, plan.assigneeId) : null;
  for (const task of assignee ? tasks : []) {
    await Notify.send(agencyId, "taskAssigned", [assignee!], (person) => ({ reference: task.reference, title: task.title, due: Notify.when(task.dueAt, person) }), Notify.links.webTask(task.taskId));
    await recordEvent(agencyId, "task.assigned", { id: task.taskId, clientId: task.clientId });
  }
  return { requestId, reference, status };
}
