import { calendarOf } from "../agency/index.ts";
import { assertOwner } from "../actor/index.ts";
import { businessHoursBetween, type ResponsePromise, type WorkingWeek } from "../business-hours/index.ts";
import { promiseOf } from "../client/promise.ts";
import { fn } from "../fn/index.ts";
import type { RequestItem } from "../request/entity.ts";
import { RequestStore } from "../request/store.ts";
import { monthRange, monthRangeSchema } from "./range.ts";
import { AgencyStore } from "../agency/store.ts";
import { ClientStore } from "../client/store.ts";

// Response promises kept and broken: for the requests received in a range of the agency's
// months, whether the first response (accept or decline) came by `responseDueAt`. A request
// still unanswered counts as breached once its due time has passed, and as open until then.
// Response times are business hours in the agency's week and holidays as they are now.

export type ResponseCounts = {
  received: number;
  /** Answered by the due time. */
  onTime: number;
  /** answeredLate + overdue. */
  breached: number;
  /** Answered, but after the due time. */
  answeredLate: number;
  /** Not answered and past the due time now. */
  overdue: number;
  /** Not answered, still within the promise. */
  open: number;
  /** breached ÷ (onTime + breached), as basis points (2500 = 25%); null while nothing is decided. */
  breachRate: number | null;
  /** The median of answered requests' first response, in business hours; null with none answered. */
  medianResponseHours: number | null;
};

export type ResponsesReport = {
  from: string;
  to: string;
  timeZone: string;
  asOf: string;
  clients: Array<ResponseCounts & { clientId: string; name: string; /** The client's promise now. */ responseHours: number | null; responsePromise: ResponsePromise | null }>;
  total: ResponseCounts;
};

export const responsesSchema = monthRangeSchema;

/** Promises kept and broken per client for months of the agency's (the last 12 by default), as of now. */
export const responses = fn(responsesSchema, async (query, now: Date = new Date()): Promise<ResponsesReport> => {
  const agencyId = assertOwner();
  const agency = (await AgencyStore.load(agencyId));
  const timeZone = agency?.timeZone ?? "UTC";
  const week = calendarOf(agency);
  const { from, to, range } = monthRange(query, timeZone, now);
  const requests = await RequestStore.receivedBetween(agencyId, range.start, range.end);
  const clientIds = [...new Set(requests.map((request) => request.clientId))];
  const clients = await ClientStore.loadMany(agencyId, clientIds);
  const byId = new Map(clients.map((client) => [client.clientId, client]));
  const rows = clientIds.map((clientId) => {
    const client = byId.get(clientId);
    const theirs = requests.filter((request) => request.clientId === clientId);
    return { clientId, name: client?.name ?? "", responseHours: client && promiseOf(client).unit === "hours" ? promiseOf(client).amount : null, responsePromise: client ? promiseOf(client) : null, ...count(theirs, now, timeZone, week) };
  });
  return {
    from,
    to,
    timeZone,
    asOf: now.toISOString(),
    clients: rows.sort((a, b) => b.breached - a.breached || b.received - a.received || a.name.localeCompare(b.name)),
    total: count(requests, now, timeZone, week),
  };
});

function count(requests: RequestItem[], now: Date, timeZone: string, week: WorkingWeek): ResponseCounts {
  let onTime = 0;
  let answeredLate = 0;
  let overdue = 0;
  let open = 0;
  const times: number[] = [];
  for (const request of requests) {
    if (request.respondedAt) {
      if (request.respondedAt <= request.responseDueAt) onTime++;
      else answeredLate++;
      times.push(businessHoursBetween(new Date(request.createdAt), new Date(request.respondedAt), timeZone, week));
    } else if (Date.parse(request.responseDueAt) < now.getTime()) overdue++;
    else open++;
  }
  const breached = answeredLate + overdue;
  const decided = onTime + breached;
  return {
    received: requests.length,
    onTime,
    breached,
    answeredLate,
    overdue,
    open,
    breachRate: decided ? Math.round((breached * 10_000) / decided) : null,
    medianResponseHours: median(times),
  };
}

/** The middle value (the mean of the middle two for an even count), to the minute. */
function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 60) / 60;
}
