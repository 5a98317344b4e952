import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { ClientStore } from "../client/store.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { calendarDate, idOf, oneLine, version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { MemberStore } from "../member/store.ts";
import { ServicePackages } from "../service-package/index.ts";
import { Sop } from "../sop/index.ts";
import { RuleKinds, ScheduleStatuses, type ScheduleItem } from "./entity.ts";
import { nextOccurrence, timingOf, type Timing } from "./rule.ts";

export * as Schedules from "./index.ts";
export * from "./output.ts";
export { CATCH_UP_DAYS, dateIn, timingOf, due, instantOn, nextOccurrence, occurrencesBetween, occursOn, type Occurrence, type Rule, type Timing } from "./rule.ts";
export { runDueFor } from "./run.ts";
export { RuleKinds, ScheduleStatuses } from "./entity.ts";

// Recurring work (issue 18, part 5), owner only: a schedule per client and piece of work. The
// rule is pure (rule.ts), the job creates each occurrence once (run.ts), and this file keeps the
// schedules: add, edit, pause, resume, delete. Each save works out the next occurrence after now
// in the client's zone (an occurrence already past when saved is not created).

export type Schedule = {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  description: string;
  serviceId: string | null;
  sopIds: string[];
  rule: (typeof RuleKinds)[number];
  days: number[];
  dayOfMonth: number | null;
  time: string;
  timeZone: string;
  startDate: string;
  endDate: string | null;
  estimateHours: number;
  assigneeId: string | null;
  assigneeName: string | null;
  status: (typeof ScheduleStatuses)[number];
  nextAt: string | null;
  nextDate: string | null;
  lastDate: string | null;
  lastRequestId: string | null;
  updatedAt: string;
  version: number;
};


function present(item: ScheduleItem, names: { client: string; assignee: string | null }): Schedule {
  return {
    id: item.scheduleId,
    clientId: item.clientId,
    clientName: names.client,
    title: item.title,
    description: item.description ?? "",
    serviceId: item.serviceId ?? null,
    sopIds: item.sopIds ?? [],
    rule: item.ruleKind,
    days: item.days ?? [],
    dayOfMonth: item.dayOfMonth ?? null,
    time: item.time,
    timeZone: item.timeZone,
    startDate: item.startDate,
    endDate: item.endDate ?? null,
    estimateHours: item.estimateHours,
    assigneeId: item.assigneeId ?? null,
    assigneeName: names.assignee,
    status: item.status,
    nextAt: item.due === "yes" ? item.nextAt : null,
    nextDate: item.due === "yes" ? (item.nextDate ?? null) : null,
    lastDate: item.lastDate ?? null,
    lastRequestId: item.lastRequestId ?? null,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

async function presentAll(agencyId: string, items: ScheduleItem[]): Promise<Schedule[]> {
  const clients = new Map((await ClientStore.loadMany(agencyId, [...new Set(items.map((i) => i.clientId))])).map((c) => [c.clientId, c.name]));
  const members = new Map((await MemberStore.ofAgency(agencyId)).map((m) => [m.memberId, m.name]));
  return items.map((item) => present(item, { client: clients.get(item.clientId) ?? "", assignee: item.assigneeId ? (members.get(item.assigneeId) ?? null) : null }));
}

const time = z.string({ error: "Choose a time of day." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the time as HH:MM, 00:00 to 23:59.");
const days = z
  .array(z.number({ error: "Choose weekdays from Monday (1) to Sunday (7)." }).int("Choose weekdays from Monday (1) to Sunday (7).").min(1, "Choose weekdays from Monday (1) to Sunday (7).").max(7, "Choose weekdays from Monday (1) to Sunday (7)."), { error: "List the weekdays." })
  .max(7, "Choose each weekday once.");
const dayOfMonth = z.number({ error: "Choose a day of the month from 1 to 31." }).int("Choose a day of the month from 1 to 31.").min(1, "Choose a day of the month from 1 to 31.").max(31, "Choose a day of the month from 1 to 31.");
const estimateHours = z.number({ error: "Estimate the hours." }).positive("The estimate must be more than zero.").max(200, "Split work estimated over 200 hours into several tasks.").multipleOf(0.25, "Use quarter hours.");
const fields = {
  title: z.string({ error: "Give the work a title." }).overwrite(oneLine).min(1, "Give the work a title.").max(150, "Keep the title under 150 characters."),
  description: z.string({ error: "Describe the work as text." }).trim().max(10_000, "Keep the description under 10,000 characters."),
  serviceId: idOf("servicePackage", "Choose a service from the catalog."),
  sopIds: z.array(idOf("sop", "Choose an SOP from the library."), { error: "List the SOPs by id." }).max(10, "Choose at most 10 SOPs."),
  rule: z.enum(RuleKinds, { error: "Choose every weekday, weekly or monthly." }),
  days,
  dayOfMonth,
  time,
  startDate: calendarDate,
  endDate: calendarDate,
  estimateHours,
  assigneeId: idOf("member", "Choose a current team member."),
};

type Shape = { rule?: string | undefined; days?: number[] | undefined; dayOfMonth?: number | null | undefined; startDate?: string | undefined; endDate?: string | null | undefined };
function ruleChecks(input: Shape, ctx: z.RefinementCtx) {
  if (input.rule === "weekly" && !input.days?.length) ctx.addIssue({ code: "custom", path: ["days"], message: "Choose at least one weekday." });
  if (input.days && new Set(input.days).size !== input.days.length) ctx.addIssue({ code: "custom", path: ["days"], message: "Choose each weekday once." });
  if (input.rule === "monthly" && input.dayOfMonth == null) ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: "Choose a day of the month from 1 to 31." });
  if (input.startDate && input.endDate && input.endDate < input.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date can't be before the start date." });
}

export const createSchema = z
  .strictObject({
    clientId: idOf("client", "Choose the client."),
    title: fields.title,
    description: fields.description.default(""),
    serviceId: fields.serviceId.optional(),
    sopIds: fields.sopIds.default([]),
    rule: fields.rule,
    days: fields.days.default([]),
    dayOfMonth: fields.dayOfMonth.optional(),
    time: fields.time,
    startDate: fields.startDate,
    endDate: fields.endDate.optional(),
    estimateHours: fields.estimateHours.default(1),
    assigneeId: fields.assigneeId.optional(),
  })
  .superRefine(ruleChecks);

export const updateSchema = z
  .strictObject({
    version,
    title: fields.title.optional(),
    description: fields.description.optional(),
    serviceId: fields.serviceId.nullable().optional(),
    sopIds: fields.sopIds.optional(),
    rule: fields.rule.optional(),
    days: fields.days.optional(),
    dayOfMonth: fields.dayOfMonth.nullable().optional(),
    time: fields.time.optional(),
    startDate: fields.startDate.optional(),
    endDate: fields.endDate.nullable().optional(),
    estimateHours: fields.estimateHours.optional(),
    assigneeId: fields.assigneeId.nullable().optional(),
  })
  .superRefine(ruleChecks);

export const versionSchema = z.strictObject({ version });
export const listSchema = z.strictObject({ clientId: z.string().max(40).optional() });

const invalid = (list: Record<string, string>) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: list });

/** The service, the SOPs and the member must be the agency's (else 400 naming the field). */
async function checkRefs(agencyId: string, input: { serviceId?: string | null | undefined; sopIds?: string[] | undefined; assigneeId?: string | null | undefined }) {
  const problems: Record<string, string> = {};
  if (input.serviceId) {
    const service = await ServicePackages.load(agencyId, input.serviceId);
    if (!service || service.status !== "active") problems.serviceId = "Choose one of your active services.";
  }
  if (input.sopIds?.length) {
    (await Sop.heads(agencyId, input.sopIds)).forEach((head, i) => {
      if (!head) problems[`sopIds.${i}`] = "That SOP does not exist.";
    });
  }
  if (input.assigneeId) {
    const member = await MemberStore.load(agencyId, input.assigneeId);
    if (!member || member.status === "removed") problems.assigneeId = "Choose a current team member.";
  }
  if (Object.keys(problems).length) throw invalid(problems);
}

/** The due index's fields for a schedule as it now stands: its next occurrence after now, if active and not ended. */
export function nextFields(timing: Timing, status: ScheduleItem["status"], now = new Date()): Pick<ScheduleItem, "due" | "nextAt" | "nextDate"> {
  const next = status === "active" ? nextOccurrence(timing, now) : null;
  return next ? { due: "yes", nextAt: next.at.toISOString(), nextDate: next.date } : { due: "no", nextAt: "-", nextDate: "-" };
}

export async function load(agencyId: string, scheduleId: string): Promise<ScheduleItem | null> {
  if (!isId("schedule", scheduleId)) return null;
  return (await db.entities.schedule.get({ agencyId, scheduleId }).go({ consistent: true })).data;
}

/** The agency's schedules (the Recurring list), or one client's (the client page). */
export const list = fn(listSchema, async (query): Promise<{ items: Schedule[]; cursor: null }> => {
  const agencyId = assertOwner();
  let items: ScheduleItem[];
  if (query.clientId) {
    if (!isId("client", query.clientId)) return { items: [], cursor: null };
    items = (await db.entities.schedule.query.schedulesOfClient({ agencyId, clientId: query.clientId }).go({ pages: "all" })).data;
  } else {
    items = (await db.entities.schedule.query.schedulesOfAgency({ agencyId }).go({ pages: "all" })).data;
  }
  const presented = await presentAll(agencyId, items);
  return { items: presented.sort((a, b) => a.clientName.localeCompare(b.clientName) || a.title.localeCompare(b.title)), cursor: null };
});

export async function get(scheduleId: string): Promise<Schedule> {
  const agencyId = assertOwner();
  const item = await load(agencyId, scheduleId);
  if (!item) throw notFound("Schedule");
  return (await presentAll(agencyId, [item]))[0]!;
}

export const create = fn(createSchema, async (input): Promise<Schedule> => {
  const agencyId = assertOwner();
  const client = await ClientStore.load(agencyId, input.clientId);
  if (!client) throw invalid({ clientId: "Choose one of your clients." });
  await checkRefs(agencyId, input);
  const scheduleId = createId("schedule");
  const stored = {
    ruleKind: input.rule,
    days: input.rule === "weekly" ? [...input.days].sort() : [],
    ...(input.rule === "monthly" ? { dayOfMonth: input.dayOfMonth! } : {}),
    time: input.time,
    timeZone: client.timeZone,
    startDate: input.startDate,
    ...(input.endDate ? { endDate: input.endDate } : {}),
  };
  await db.transaction
    .write(({ schedule, ...tx }) => [
      schedule
        .create({
          agencyId,
          scheduleId,
          clientId: client.clientId,
          title: input.title,
          description: input.description,
          ...(input.serviceId ? { serviceId: input.serviceId } : {}),
          sopIds: input.sopIds,
          estimateHours: input.estimateHours,
          ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
          status: "active",
          ...stored,
          ...nextFields(timingOf(stored), "active"),
        })
        .commit(),
      Audit.item(tx, Audit.event("schedule.created", "schedule", scheduleId, { title: input.title, clientId: client.clientId })),
    ])
    .go();
  return get(scheduleId);
});

async function write(agencyId: string, before: ScheduleItem, expected: number, set: Partial<ScheduleItem>, remove: string[], action: string) {
  const after = { ...before, ...set } as ScheduleItem;
  for (const key of remove) delete (after as Record<string, unknown>)[key];
  // The client's zone as it is now: a client who moved has their schedule follow them on save.
  const client = await ClientStore.load(agencyId, before.clientId);
  const timing = timingOf({ ...after, timeZone: client?.timeZone ?? before.timeZone });
  const changes = { ...set, timeZone: timing.timeZone, ...nextFields(timing, after.status) };
  const result = await db.transaction
    .write(({ schedule, ...tx }) => [
      (remove.length ? schedule.patch({ agencyId, scheduleId: before.scheduleId }).set(changes).remove(remove as never) : schedule.patch({ agencyId, scheduleId: before.scheduleId }).set(changes))
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.version, expected))
        .commit(),
      Audit.item(tx, Audit.event(action, "schedule", before.scheduleId, { fields: [...Object.keys(set), ...remove] })),
    ])
    .go();
  if (failedConditions(result).length) {
    const current = await load(agencyId, before.scheduleId);
    throw staleWrite("Schedule", current && (await presentAll(agencyId, [current]))[0]!);
  }
  return get(before.scheduleId);
}

/** Edits a schedule from the version read; the next occurrence is worked out again. */
export const update = fn(updateSchema, async ({ version: expected, rule, serviceId, dayOfMonth, endDate, assigneeId, ...rest }, scheduleId: string): Promise<Schedule> => {
  const agencyId = assertOwner();
  const before = await load(agencyId, scheduleId);
  if (!before) throw notFound("Schedule");
  await checkRefs(agencyId, { serviceId, sopIds: rest.sopIds, assigneeId });
  const set: Partial<ScheduleItem> = { ...rest };
  const remove: string[] = [];
  if (rule) set.ruleKind = rule;
  const kind = rule ?? before.ruleKind;
  if (serviceId === null) remove.push("serviceId");
  else if (serviceId) set.serviceId = serviceId;
  if (dayOfMonth === null) remove.push("dayOfMonth");
  else if (dayOfMonth !== undefined) set.dayOfMonth = dayOfMonth;
  if (endDate === null) remove.push("endDate");
  else if (endDate) set.endDate = endDate;
  if (assigneeId === null) remove.push("assigneeId");
  else if (assigneeId) set.assigneeId = assigneeId;
  // The rule as it will stand must still be whole: weekly with days, monthly with its day, an end after the start.
  const problems: Record<string, string> = {};
  const daysAfter = set.days ?? before.days ?? [];
  if (kind === "weekly" && !daysAfter.length) problems.days = "Choose at least one weekday.";
  if (kind === "monthly" && (remove.includes("dayOfMonth") || (set.dayOfMonth ?? before.dayOfMonth) == null)) problems.dayOfMonth = "Choose a day of the month from 1 to 31.";
  const start = set.startDate ?? before.startDate;
  const end = remove.includes("endDate") ? null : (set.endDate ?? before.endDate);
  if (end && end < start) problems.endDate = "The end date can't be before the start date.";
  if (Object.keys(problems).length) throw invalid(problems);
  if (set.days) set.days = [...set.days].sort();
  return write(agencyId, before, expected, set, remove, "schedule.updated");
});

/** Pauses a schedule: no occurrence is created while paused, and none is caught up on resume. */
export const pause = fn(versionSchema, async ({ version: expected }, scheduleId: string): Promise<Schedule> => {
  const agencyId = assertOwner();
  const before = await load(agencyId, scheduleId);
  if (!before) throw notFound("Schedule");
  return write(agencyId, before, expected, { status: "paused" }, [], "schedule.paused");
});

/** Resumes a paused schedule from its next occurrence after now. */
export const resume = fn(versionSchema, async ({ version: expected }, scheduleId: string): Promise<Schedule> => {
  const agencyId = assertOwner();
  const before = await load(agencyId, scheduleId);
  if (!before) throw notFound("Schedule");
  return write(agencyId, before, expected, { status: "active" }, [], "schedule.resumed");
});

/** Deletes a schedule; the requests it created stay. */
export async function remove(scheduleId: string): Promise<void> {
  const agencyId = assertOwner();
  const before = await load(agencyId, scheduleId);
  if (!before) throw notFound("Schedule");
  await db.transaction
    .write(({ schedule, ...tx }) => [
      schedule.delete({ agencyId, scheduleId }).commit(),
      Audit.item(tx, Audit.event("schedule.deleted", "schedule", scheduleId, { title: before.title })),
    ])
    .go();
}
