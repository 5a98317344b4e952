import { ClientStore } from "../client/store.ts";
import { workStateOf } from "../hour-bank/work-state.ts";
import { db } from "../db/index.ts";
import { Log } from "../log/index.ts";
import { createScheduled, type PlannedTask } from "../request/scheduled.ts";
import { ServicePackages } from "../service-package/index.ts";
import { Sop } from "../sop/index.ts";
import { rank, teamFacts } from "../task/ranking.ts";
import type { ScheduleItem } from "./entity.ts";
import { due, timingOf, type Occurrence } from "./rule.ts";
import { conditionalWrite } from "../db/transaction.ts";

// The recurring-work job (every 15 minutes, one agency at a time: functions/jobs/run.ts). One
// query per agency finds the active schedules whose next occurrence is due (schedulesDue, gsi2,
// nextAt ≤ now); each occurrence from there to now — none older than CATCH_UP_DAYS (rule.ts) —
// becomes one request, claimed by its occurrence key (schedule + date in the client's zone) in
// the same transaction, so two runs at once, a rerun or a late run create it once. Then the
// schedule's next occurrence moves past now. A client paused for hours (hour-bank/work-state.ts)
// gets its occurrence in triage, never accepted into tasks.

type Counts = { created: number; triaged: number; skipped: number; failed: number };

const HOUR = 3600_000;

export async function runDueFor(agencyId: string, now = new Date()): Promise<Counts> {
  const counts: Counts = { created: 0, triaged: 0, skipped: 0, failed: 0 };
  const dueItems = (await db.entities.schedule.query.schedulesDue({ agencyId, due: "yes" }).lte({ nextAt: now.toISOString() }).go({ pages: "all" })).data;
  for (const item of dueItems) {
    try {
      await runOne(item, now, counts);
    } catch (error) {
      Log.error("schedule: occurrence failed", error, { agencyId, scheduleId: item.scheduleId });
      counts.failed++;
    }
  }
  return counts;
}

async function runOne(item: ScheduleItem, now: Date, counts: Counts) {
  const { agencyId, scheduleId } = item;
  const timing = timingOf(item);
  const { create, next } = due(timing, new Date(item.nextAt), now);
  let last: { date: string; requestId: string } | null = null;
  let stoppedAt: Occurrence | null = null;
  for (const occurrence of create) {
    const key = { agencyId, scheduleId, date: occurrence.date };
    if ((await db.entities.scheduleOccurrence.get(key).go({ consistent: true })).data) {
      counts.skipped++;
      continue;
    }
    const made = await createOccurrence(item, occurrence);
    if (made) {
      counts[made.status === "submitted" ? "triaged" : "created"]++;
      last = { date: occurrence.date, requestId: made.requestId };
      continue;
    }
    // The claim failed: made by a concurrent run (skip it), or the transaction lost a race
    // without a claim written (leave it due, so the next run makes it).
    if ((await db.entities.scheduleOccurrence.get(key).go({ consistent: true })).data) counts.skipped++;
    else {
      stoppedAt = occurrence;
      break;
    }
  }
  const nextFields = stoppedAt
    ? { due: "yes" as const, nextAt: stoppedAt.at.toISOString(), nextDate: stoppedAt.date }
    : next
      ? { due: "yes" as const, nextAt: next.at.toISOString(), nextDate: next.date }
      : { due: "no" as const, nextAt: "-", nextDate: "-" };
  // Conditional on what was read: an owner's edit meanwhile (a new version) keeps its own next
  // occurrence, and a concurrent run that moved it already has done the same.
  // Left undone when that condition no longer holds (or the schedule was deleted).
  await conditionalWrite(
    db.entities.schedule
      .patch({ agencyId, scheduleId })
      .set(nextFields)
      .where((attr, op) => `${op.eq(attr.version, item.version)} AND ${op.eq(attr.nextAt, item.nextAt)}`)
      .go(),
  );
  // The last occurrence made, by the run that made it, whichever run moved the next one.
  if (last) {
    const made = last;
    await conditionalWrite(
      db.entities.schedule
        .patch({ agencyId, scheduleId })
        .set({ lastDate: made.date, lastRequestId: made.requestId })
        .where((attr, op) => `(${op.notExists(attr.lastDate)} OR ${op.lt(attr.lastDate, made.date)})`)
        .go(),
    );
  }
}

/** The tasks an occurrence plans: one per SOP of the service (or the template), else one of the schedule's title. */
async function planTasks(item: ScheduleItem, occurrence: Occurrence): Promise<{ tasks: PlannedTask[]; service: string; serviceId: string | null; sopIds: string[] }> {
  const { agencyId } = item;
  const service = item.serviceId ? await ServicePackages.load(agencyId, item.serviceId) : null;
  const sopIds = service ? (service.sopIds ?? []) : (item.sopIds ?? []);
  const estimateMinutes = Math.round(item.estimateHours * 60);
  // Due a working day after the occurrence (the service's turnaround when it states one).
  const dueAt = new Date(occurrence.at.getTime() + (service?.turnaroundDays ?? 1) * 24 * HOUR).toISOString();
  const heads = (await Sop.heads(agencyId, sopIds)).filter((head) => head !== null);
  const tasks: PlannedTask[] = [];
  for (const head of heads) {
    const version = await Sop.loadVersion(agencyId, head.sopId, head.latestVersion);
    tasks.push({
      title: head.title,
      description: item.description,
      estimateMinutes,
      dueAt,
      skills: head.category ? [head.category] : [],
      sop: { sopId: head.sopId, sopVersion: version?.number ?? head.latestVersion, sopTitle: version?.title ?? head.title, checklist: version?.checklist ?? [] },
    });
  }
  if (!tasks.length) tasks.push({ title: item.title, description: item.description, estimateMinutes, dueAt, skills: [], sop: null });
  return { tasks, service: service?.name ?? "Recurring", serviceId: service ? service.packageId : null, sopIds: heads.map((head) => head.sopId) };
}

/**
 * The usual person takes the occurrence when they have capacity by the assignment's own rule
 * (task/ranking.ts `fits`: the week's remaining capacity and working time before it is due both
 * cover the estimate), all its tasks weighed together; otherwise nobody, and it waits in triage.
 */
async function assigneeFor(item: ScheduleItem, tasks: PlannedTask[], at: Date): Promise<string | null> {
  if (!item.assigneeId) return null;
  const facts = (await teamFacts(item.agencyId)).filter((fact) => fact.member.memberId === item.assigneeId);
  if (!facts.length) return null;
  const estimateMinutes = tasks.reduce((sum, task) => sum + task.estimateMinutes, 0);
  const dueAt = tasks.map((task) => task.dueAt).sort()[0]!;
  const [candidate] = rank({ taskId: "-", skills: [], estimateMinutes, dueAt }, facts, at);
  return candidate?.fits ? item.assigneeId : null;
}

async function createOccurrence(item: ScheduleItem, occurrence: Occurrence) {
  const { agencyId, scheduleId } = item;
  const client = await ClientStore.load(agencyId, item.clientId, { consistent: true });
  if (!client) throw new Error(`schedule ${scheduleId}: client ${item.clientId} not found`);
  const { tasks, service, serviceId, sopIds } = await planTasks(item, occurrence);
  // A client whose hours are used up under "pause new work" gets its occurrence in triage, waiting for hours.
  const paused = (await workStateOf(client)) === "paused";
  const assigneeId = paused ? null : await assigneeFor(item, tasks, occurrence.at);
  return createScheduled({
    agencyId,
    client,
    title: item.title,
    description: item.description || item.title,
    service,
    serviceId,
    sopIds,
    at: occurrence.at.toISOString(),
    tasks,
    assigneeId,
    scheduleId,
    claim: (tx, requestId) => tx.scheduleOccurrence.create({ agencyId, scheduleId, date: occurrence.date, at: occurrence.at.toISOString(), requestId }).commit(),
  });
}
