import { billingOf } from "../client/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { Audit } from "../audit/index.ts";
import { periodIn } from "../invoice/jobs.ts";
import { links } from "../notify/index.ts";
import type { RequestItem } from "../request/entity.ts";
import { RequestStore } from "../request/store.ts";
import type { TaskItem } from "../task/entity.ts";
import { TaskStore } from "../task/store.ts";
import { unbilledApprovedMinutesBetween } from "../timesheet/queries.ts";
import type { DigestWeek } from "./timing.ts";

// What one client's digest says. The agency-wide reads (open requests, open tasks, the
// requests completed lately) are each made at most once per agency per run, and only once a
// client of the agency is actually due; every one is bounded by open work or by time, never by
// the agency's whole history.

const DAY = 86_400_000;

/**
 * Completions are looked up this far back from the run: far enough for any due client's week
 * (its previous Monday 09:00 is at most 7 days and a catch-up day before now, plus an hour of DST).
 */
const COMPLETED_LOOKBACK_DAYS = 9;

export type DigestContent = {
  done: { requestId: string; reference: string; title: string }[];
  inProgress: { requestId: string; reference: string; title: string; dueAt: string | null }[];
  awaiting: { requestId: string; reference: string; title: string }[];
  retainer: { usedMinutes: number; includedMinutes: number } | null;
};

export const hasNews = (content: DigestContent) => content.done.length + content.inProgress.length + content.awaiting.length > 0;

/** The agency-wide reads one run shares between the agency's due clients, made on first use. */
export type AgencyWork = ReturnType<typeof agencyWork>;

export function agencyWork(agencyId: string, now: Date) {
  const once = <T>(load: () => Promise<T>) => {
    let loaded: Promise<T> | undefined;
    return () => (loaded ??= load());
  };
  return {
    openRequests: once(() => openRequests(agencyId)),
    openTasks: once(() => openTasks(agencyId)),
    completed: once(() => completedSince(agencyId, new Date(now.getTime() - COMPLETED_LOOKBACK_DAYS * DAY), now)),
  };
}

const openRequests = (agencyId: string): Promise<RequestItem[]> => RequestStore.ofAgencyIn(agencyId, ["in_progress", "awaiting_approval"]);

const openTasks = (agencyId: string): Promise<TaskItem[]> => TaskStore.openOfAgency(agencyId);

/**
 * Requests completed in [from, to]: the agency's audit log over that window (event ids sort by
 * time, so the window is a key range) names them, and one BatchGetItem reads them.
 */
async function completedSince(agencyId: string, from: Date, to: Date): Promise<RequestItem[]> {
  const events = await Audit.actionBetween(agencyId, "request.completed", from, to);
  const ids = [...new Set(events.map((event) => event.subjectId))];
  if (!ids.length) return [];
  return (await RequestStore.loadMany(agencyId, ids)).filter((request) => request.status === "completed");
}

/** One client's digest for `week`, as of `now`. */
export async function contentFor(client: ClientItem, week: DigestWeek, now: Date, work: AgencyWork): Promise<DigestContent> {
  const { agencyId, clientId } = client;
  const retainer = billingOf(client).retainer;
  const [open, tasks, completed, usedMinutes] = await Promise.all([
    work.openRequests(),
    work.openTasks(),
    work.completed(),
    retainer ? minutesThisMonth(client, now) : Promise.resolve(0),
  ]);
  const mine = open.filter((request) => request.clientId === clientId).sort(byReference);
  // A request is due when its last open task is.
  const dueOf = new Map<string, string>();
  for (const task of tasks) {
    if (task.clientId !== clientId) continue;
    const seen = dueOf.get(task.requestId);
    if (!seen || task.dueAt > seen) dueOf.set(task.requestId, task.dueAt);
  }
  const from = week.previousSendAt.toISOString();
  const to = week.sendAt.toISOString();
  const pick = ({ requestId, reference, title }: RequestItem) => ({ requestId, reference, title });
  return {
    done: completed
      .filter((request) => request.clientId === clientId && request.completedAt !== undefined && request.completedAt >= from && request.completedAt < to)
      .sort(byReference)
      .map(pick),
    inProgress: mine.filter((request) => request.status === "in_progress").map((request) => ({ ...pick(request), dueAt: dueOf.get(request.requestId) ?? null })),
    awaiting: mine.filter((request) => request.status === "awaiting_approval").map(pick),
    retainer: retainer ? { usedMinutes, includedMinutes: retainer.includedMinutes } : null,
  };
}

/**
 * Approved billable time not yet invoiced, logged in the client's current month (in the client's
 * zone) up to now: exactly what next month's retainer invoice will weigh against the included
 * hours (time still waiting for approval counts neither there nor here).
 */
async function minutesThisMonth(client: ClientItem, now: Date): Promise<number> {
  const { start } = periodIn(now, client.timeZone);
  return unbilledApprovedMinutesBetween(client.agencyId, client.clientId, start.toISOString(), now.toISOString());
}

const byReference = (a: Pick<RequestItem, "number">, b: Pick<RequestItem, "number">) => a.number - b.number;

export const requestUrl = links.portalRequest;
