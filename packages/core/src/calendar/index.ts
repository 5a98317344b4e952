import { z } from "zod";
import { calendarMonth } from "../fields/dates.ts";
import { forbidden, unauthenticated, useActor, type Actor } from "../actor/index.ts";
import { randomSecret, sameHash, sha256 } from "../auth/tokens.ts";
import { zonedParts, zonedTimeToUtc } from "../business-hours/index.ts";
import { Config } from "../config/index.ts";
import { db } from "../db/index.ts";
import { notFound } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { readerLocale, text, type Locale, type TextKey } from "../i18n/index.ts";
import { isId } from "../id/index.ts";
import { Notify } from "../notify/index.ts";
import { People } from "../people/index.ts";
import { addDays, todayIn } from "@baton/kernel/dates";
import type { RequestItem } from "../request/entity.ts";
import { UNASSIGNED, type TaskItem } from "../task/entity.ts";
import type { RequestStatus, TaskStatus } from "../workflow/index.ts";
import { calendar, type IcsEvent } from "./ics.ts";
import { ClientStore } from "../client/store.ts";
import { AgencyStore } from "../agency/store.ts";
import { MemberStore } from "../member/store.ts";
import { ContactStore } from "../contact/store.ts";
import { RequestStore } from "../request/store.ts";
import { TaskStore } from "../task/store.ts";

export * as Calendar from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export * as Ics from "./ics.ts";

// The deadline calendar: a month of open tasks for the team app, and a private iCalendar feed
// per person that calendar apps subscribe to. A feed URL carries its own credential (calendar
// apps send no cookies), so only its hash is stored and every failure looks the same: 404.

export type CalendarTask = {
  id: string;
  reference: string;
  title: string;
  requestId: string;
  /** UTC instant. */
  dueAt: string;
  /** The day it is due in the viewer's time zone ("2026-12-01"). */
  date: string;
  client: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  status: TaskStatus;
  urgent: boolean;
};

export type CalendarMonth = {
  month: string;
  /** The zone the month's days are counted in: the viewer's. */
  timeZone: string;
  /** The month's first instant and the next month's first instant (UTC). */
  start: string;
  end: string;
  today: string;
  tasks: CalendarTask[];
};

export const monthSchema = z.strictObject({
  /** Left out: this month in the viewer's zone. */
  month: calendarMonth.optional(),
  clientId: z.string().max(40).optional(),
  /** A member's id, or "unassigned" (owner only). */
  memberId: z.string().max(40).optional(),
});

type Viewer = { agencyId: string; memberId: string | null; owner: boolean; timeZone: string };

async function viewer(actor: Actor): Promise<Viewer> {
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "contact") throw forbidden();
  if (actor.type === "member") {
    const me = (await MemberStore.load(actor.agencyId, actor.memberId));
    if (!me) throw unauthenticated();
    return { agencyId: actor.agencyId, memberId: actor.memberId, owner: actor.role === "owner", timeZone: me.timeZone };
  }
  // An API key or a job acts for the owner, in the agency's zone.
  const agency = (await AgencyStore.load(actor.agencyId));
  return { agencyId: actor.agencyId, memberId: null, owner: true, timeZone: agency?.timeZone ?? "UTC" };
}

/** The first instants of `month` and of the month after it, in `timeZone` (UTC ISO). */
export function monthRange(month: string, timeZone: string): { start: string; end: string } {
  const [year = NaN, m = NaN] = month.split("-").map(Number);
  return {
    start: zonedTimeToUtc({ year, month: m, day: 1 }, timeZone).toISOString(),
    end: zonedTimeToUtc({ year: m === 12 ? year + 1 : year, month: m === 12 ? 1 : m + 1, day: 1 }, timeZone).toISOString(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar day of an instant in `timeZone` ("2026-12-01"). */
export function dayOf(at: string, timeZone: string): string {
  const { year, month, day } = zonedParts(new Date(at), timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A month of deadlines: every open task due in it, days counted in the viewer's zone. The owner
 * sees every task (optionally one client's, one member's or the unassigned ones); anyone else
 * only their own. Each open status is one query on its dueAt range, so the cost is the month's.
 */
export const month = fn(monthSchema, async (query): Promise<CalendarMonth> => {
  const me = await viewer(useActor());
  const { agencyId } = me;
  if (!me.owner && query.memberId && query.memberId !== me.memberId) throw forbidden();
  const memberId = me.owner ? query.memberId : me.memberId!;
  if (query.clientId) {
    const found = isId("client", query.clientId) && (await ClientStore.load(agencyId, query.clientId));
    if (!found) throw notFound("Client");
  }
  if (memberId && memberId !== UNASSIGNED && memberId !== me.memberId) {
    const found = isId("member", memberId) && (await MemberStore.load(agencyId, memberId));
    if (!found) throw notFound("Member");
  }
  const today = todayIn(me.timeZone);
  const month = query.month ?? today.slice(0, 7);
  const { start, end } = monthRange(month, me.timeZone);
  const filter = { due: { from: start, to: end }, clientId: query.clientId };
  let items: TaskItem[] = memberId ? await TaskStore.openOfAssignee(agencyId, memberId, filter) : await TaskStore.openOfAgency(agencyId, filter);
  // The index's upper bound is the next month's first instant, which begins no key: it is excluded.
  items = items.filter((item) => item.dueAt >= start && item.dueAt < end).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const names = await People.namesFor(agencyId, items);
  return {
    month,
    timeZone: me.timeZone,
    start,
    end,
    today,
    tasks: items.map((item) => {
      const assignee =
        item.assigneeId === UNASSIGNED ? null : { id: item.assigneeId, name: names.team.get(item.assigneeId)?.name ?? text(readerLocale(), "people.formerMember") };
      return {
        id: item.taskId,
        reference: item.reference,
        title: item.title,
        requestId: item.requestId,
        dueAt: item.dueAt,
        date: dayOf(item.dueAt, me.timeZone),
        client: { id: item.clientId, name: names.clients.get(item.clientId) ?? "" },
        assignee,
        status: item.status,
        urgent: item.urgent,
      };
    }),
  };
});

// ─── Private feeds ────────────────────────────────────────────────────────────────────────────

/**
 * The signed-in person's feed link. `url` is there only right after the link is made (the first
 * time it is asked for, or on a reset): only its hash is kept, so it can't be shown again.
 */
export type FeedLink = { url: string | null; createdAt: string };

type Subject = { agencyId: string; subjectId: string; subjectType: "member" | "contact" };

function subjectOf(actor: Actor): Subject {
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "member") return { agencyId: actor.agencyId, subjectId: actor.memberId, subjectType: "member" };
  if (actor.type === "contact") return { agencyId: actor.agencyId, subjectId: actor.contactId, subjectType: "contact" };
  // API keys and jobs are not people: they have no calendar.
  throw forbidden();
}

/** Members' feeds live on the team app's origin, contacts' on the portal's; both route /api. */
function urlFor(subject: Subject, secret: string): string {
  const origin = new URL(subject.subjectType === "member" ? Config.webUrl : Config.portalUrl).origin;
  return `${origin}/api/calendar/feeds/${subject.agencyId}.${subject.subjectId}.${secret}.ics`;
}

/** The signed-in person's feed: made (and its URL shown) the first time, else only its date. */
export async function feedUrl(): Promise<FeedLink> {
  const subject = subjectOf(useActor());
  const key = { agencyId: subject.agencyId, subjectId: subject.subjectId };
  const existing = (await db.entities.calendarFeed.get(key).go({ consistent: true })).data;
  if (existing) return { url: null, createdAt: existing.createdAt };
  const secret = randomSecret();
  try {
    const created = await db.entities.calendarFeed.create({ ...subject, tokenHash: sha256(secret) }).go();
    return { url: urlFor(subject, secret), createdAt: created.data.createdAt };
  } catch (error) {
    // Made at the same moment by another request (another tab): that one showed its URL.
    const raced = (await db.entities.calendarFeed.get(key).go({ consistent: true })).data;
    if (raced) return { url: null, createdAt: raced.createdAt };
    throw error;
  }
}

/** A new link for the signed-in person's feed; the old URL stops working at once. */
export async function rotateFeedUrl(): Promise<FeedLink> {
  const subject = subjectOf(useActor());
  const secret = randomSecret();
  const now = new Date().toISOString();
  await db.entities.calendarFeed.put({ ...subject, tokenHash: sha256(secret), createdAt: now, updatedAt: now }).go();
  return { url: urlFor(subject, secret), createdAt: now };
}

const FEED_TOKEN = /^(agy_[0-9a-z]{26})\.((?:mem|con)_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})(?:\.ics)?$/;
const noFeed = () => notFound("Calendar feed");

/** How long calendar apps should wait between fetches. */
export const FEED_REFRESH = "PT1H";

/**
 * The iCalendar document behind a feed token (`<agency>.<person>.<secret>`, ".ics" optional).
 * Malformed, unknown, reset, or belonging to someone who no longer has access: all 404 alike.
 */
export async function feed(token: string): Promise<string> {
  const match = FEED_TOKEN.exec(token);
  if (!match) throw noFeed();
  const [, agencyId, subjectId, secret] = match as unknown as [string, string, string, string];
  const stored = (await db.entities.calendarFeed.get({ agencyId, subjectId }).go()).data;
  if (!stored || !sameHash(stored.tokenHash, sha256(secret))) throw noFeed();
  const agency = (await AgencyStore.load(agencyId));
  const agencyName = agency?.name ?? "Baton";
  if (stored.subjectType === "member") {
    const member = (await MemberStore.load(agencyId, subjectId));
    if (!member || member.status !== "active") throw noFeed();
    // A feed has no session: it reads in its owner's saved language.
    const locale = member.locale;
    const events = await memberEvents(agencyId, member.memberId, member.role === "owner", locale);
    return render(text(locale, member.role === "owner" ? "calendar.name.owner" : "calendar.name.member", { agency: agencyName }), events, locale);
  }
  const contact = (await ContactStore.load(agencyId, subjectId));
  if (!contact || contact.status !== "active") throw noFeed();
  const client = (await ClientStore.load(agencyId, contact.clientId));
  const locale = contact.locale;
  const events = await contactEvents(agencyId, contact.clientId, locale);
  const name = client ? text(locale, "calendar.name.client", { agency: agencyName, client: client.name }) : text(locale, "calendar.name.clientUnknown", { agency: agencyName });
  return render(name, events, locale);
}

function render(name: string, events: IcsEvent[], locale: Locale): string {
  return calendar({
    prodId: "-//Baton//Deadline calendar//EN",
    name,
    description: text(locale, "calendar.description"),
    refresh: FEED_REFRESH,
    events,
  });
}

const statusLabel = (locale: Locale, status: TaskStatus) => text(locale, `calendar.status.${status}` as TextKey);

/** A deadline is an instant; calendars draw it as a short block starting then. */
const DEADLINE_MINUTES = 30;
const after = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const summaryOf = (task: Pick<TaskItem, "reference" | "title">) => `${task.reference} · ${task.title}`;

/** The owner's feed: every open task. Anyone else's: the open tasks assigned to them. */
async function memberEvents(agencyId: string, memberId: string, owner: boolean, locale: Locale): Promise<IcsEvent[]> {
  const items = owner ? await TaskStore.openOfAgency(agencyId) : await TaskStore.openOfAssignee(agencyId, memberId);
  const names = await People.namesFor(agencyId, items);
  return items
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((task) => {
      const assignee =
        task.assigneeId === UNASSIGNED ? text(locale, "calendar.unassigned") : (names.team.get(task.assigneeId)?.name ?? text(locale, "people.formerMember"));
      return {
        uid: `${task.taskId}@baton`,
        stamp: task.updatedAt,
        start: { at: task.dueAt },
        end: { at: after(task.dueAt, DEADLINE_MINUTES) },
        summary: summaryOf(task),
        description: [
          text(locale, "calendar.client", { name: names.clients.get(task.clientId) ?? "" }),
          text(locale, "calendar.status", { status: statusLabel(locale, task.status) }),
          text(locale, "calendar.assignee", { name: assignee }),
          ...(task.urgent ? [text(locale, "calendar.urgent")] : []),
          Notify.links.webTask(task.taskId),
        ].join("\n"),
        url: Notify.links.webTask(task.taskId),
        ...(task.urgent ? { priority: 1 } : {}),
      };
    });
}

const openRequestStatuses: readonly RequestStatus[] = ["submitted", "in_progress", "awaiting_approval"];

/** A client's feed: its open requests' task deadlines and the due dates the client asked for. */
async function contactEvents(agencyId: string, clientId: string, locale: Locale): Promise<IcsEvent[]> {
  const [requests, tasks] = await Promise.all([RequestStore.ofClientIn(agencyId, clientId, openRequestStatuses), TaskStore.openOfClient(agencyId, clientId)]);
  const open = new Map<string, RequestItem>(requests.map((request) => [request.requestId, request]));
  const deadlines: IcsEvent[] = tasks
    .filter((task) => open.has(task.requestId))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map((task) => {
      const request = open.get(task.requestId)!;
      return {
        uid: `${task.taskId}@baton`,
        stamp: task.updatedAt,
        start: { at: task.dueAt },
        end: { at: after(task.dueAt, DEADLINE_MINUTES) },
        summary: summaryOf(task),
        description: [
          text(locale, "calendar.request", { reference: request.reference, title: request.title }),
          text(locale, "calendar.status", { status: statusLabel(locale, task.status) }),
          Notify.links.portalRequest(request.requestId),
        ].join("\n"),
        url: Notify.links.portalRequest(request.requestId),
      };
    });
  const wanted: IcsEvent[] = [...open.values()]
    .filter((request) => request.desiredDueDate)
    .map((request) => ({
      uid: `${request.requestId}-wanted@baton`,
      stamp: request.updatedAt,
      // An all-day event on the date the client asked for (a date in the client's zone).
      start: { date: request.desiredDueDate! },
      end: { date: nextDay(request.desiredDueDate!) },
      summary: text(locale, "calendar.wantedSummary", { reference: request.reference, title: request.title }),
      description: [text(locale, "calendar.wantedDescription", { title: request.title }), Notify.links.portalRequest(request.requestId)].join("\n"),
      url: Notify.links.portalRequest(request.requestId),
    }));
  return [...deadlines, ...wanted];
}

const nextDay = (date: string): string => addDays(date, 1);
