import { formatMonth, parseMonth } from "@baton/kernel/dates";

// The hour bank's rules, with no I/O: what a period's close writes, given the period's entries
// and the rollover policy. Pure, so the property tests can run thousands of sequences.

export type Kind = "included" | "used" | "rolledOver" | "expired" | "overage" | "adjusted" | "closed";

export type Entry = { key: string; period: string; kind: Kind; minutes: number; origin: string; reason?: string; by?: string; at?: string };

export type Policy = { mode: "none" } | { mode: "cap"; maxMinutes: number } | { mode: "expire"; afterPeriods: number };

export const NO_ROLLOVER: Policy = { mode: "none" };

const index = (period: string) => {
  const { year, month } = parseMonth(period);
  return year * 12 + month - 1;
};

export const nextPeriod = (period: string): string => {
  const i = index(period) + 1;
  return formatMonth(Math.floor(i / 12), (i % 12) + 1);
};

/** Periods from `from` to `to`, inclusive. */
export const periodsBetween = (from: string, to: string): number => index(to) - index(from);

export const keys = {
  included: (period: string) => `${period}#included`,
  /** The whole period's use, as the bank recorded it before approval (kept in older ledgers). */
  used: (period: string) => `${period}#used`,
  /** One approved time entry's use. */
  usedBy: (period: string, entryId: string) => `${period}#used#${entryId}`,
  closed: (period: string) => `${period}#closed`,
  overage: (period: string) => `${period}#overage`,
  expired: (period: string, origin: string) => `${period}#expired#${origin}`,
  rolledOut: (period: string, origin: string) => `${period}#rolledOut#${origin}`,
  rolledIn: (period: string, origin: string) => `${period}#rolledIn#${origin}`,
  adjusted: (period: string, id: string) => `${period}#adjusted#${id}`,
};

export const balanceOf = (entries: readonly Pick<Entry, "minutes">[]): number => entries.reduce((sum, entry) => sum + entry.minutes, 0);

/**
 * What remains of a period, by the period its hours were included in: the used (and taken away)
 * minutes are taken from the oldest hours first, so rolled-over hours go before they can expire.
 * A negative `short` is time used beyond every hour the period had.
 */
export function remainderOf(entries: readonly Entry[]): { chunks: Array<{ origin: string; minutes: number }>; short: number } {
  const chunks = new Map<string, number>();
  let taken = 0;
  for (const entry of entries) {
    if (entry.minutes > 0) chunks.set(entry.origin, (chunks.get(entry.origin) ?? 0) + entry.minutes);
    else taken -= entry.minutes;
  }
  const ordered = [...chunks].sort(([a], [b]) => a.localeCompare(b)).map(([origin, minutes]) => ({ origin, minutes }));
  for (const chunk of ordered) {
    const take = Math.min(chunk.minutes, taken);
    chunk.minutes -= take;
    taken -= take;
  }
  return { chunks: ordered.filter((chunk) => chunk.minutes > 0), short: taken };
}

/**
 * The entries that close `period` (given every entry of that period): hours left either roll into
 * the next period (an entry out of this one, one into the next, same origin) or expire, and time
 * used beyond the hours is billed as overage (the retainer invoice), so a closed period sums to 0.
 */
export function closeEntries(period: string, entries: readonly Entry[], policy: Policy): Entry[] {
  const own = entries.filter((entry) => entry.period === period);
  const { chunks, short } = remainderOf(own);
  const next = nextPeriod(period);
  const out: Entry[] = [];
  if (short > 0) out.push({ key: keys.overage(period), period, kind: "overage", minutes: short, origin: period });
  let room = policy.mode === "cap" ? policy.maxMinutes : Infinity;
  // Newest first, so a cap keeps the hours that were included last.
  for (const { origin, minutes } of [...chunks].reverse()) {
    const keeps = policy.mode === "none" ? 0 : policy.mode === "cap" ? Math.min(minutes, room) : periodsBetween(origin, next) <= policy.afterPeriods ? minutes : 0;
    room -= keeps;
    if (keeps > 0) {
      out.push({ key: keys.rolledOut(period, origin), period, kind: "rolledOver", minutes: -keeps, origin });
      out.push({ key: keys.rolledIn(next, origin), period: next, kind: "rolledOver", minutes: keeps, origin });
    }
    if (minutes - keeps > 0) out.push({ key: keys.expired(period, origin), period, kind: "expired", minutes: -(minutes - keeps), origin });
  }
  out.push({ key: keys.closed(period), period, kind: "closed", minutes: 0, origin: period });
  return out;
}

/**
 * The rolled-over hours still in the bank after the open period, with the last period they can
 * be used in (null: they don't expire).
 */
export function rolledHours(entries: readonly Entry[], period: string, policy: Policy): Array<{ origin: string; minutes: number; usableUntil: string | null }> {
  const { chunks } = remainderOf(entries.filter((entry) => entry.period === period));
  return chunks
    .filter((chunk) => chunk.origin !== period)
    .map((chunk) => {
      let until: string | null = null;
      if (policy.mode === "expire") {
        until = chunk.origin;
        for (let i = 0; i < policy.afterPeriods; i++) until = nextPeriod(until);
      }
      return { ...chunk, usableUntil: until };
    });
}

export type RequestHours = { reference: string | null; minutes: number; tasks: Array<{ reference: string | null; title: string; minutes: number }> };

/**
 * A period's time per request, from its time per task: a task's reference is its request's
 * ("ACME-7") or the request's with the task's number ("ACME-7.2"), as it was logged; time
 * logged for the client without a task has no request (reference null). Most used first.
 */
export function hoursByRequest(work: ReadonlyArray<{ taskId: string; label: string; minutes: number }>): RequestHours[] {
  const requests = new Map<string, RequestHours>();
  for (const task of work) {
    if (task.minutes <= 0) continue;
    const none = task.taskId === "none";
    const [reference = "", ...title] = task.label.split(" · ");
    const request = none ? null : reference.replace(/\.\d+$/, "");
    const row = requests.get(request ?? "") ?? { reference: request, minutes: 0, tasks: [] };
    row.minutes += task.minutes;
    row.tasks.push({ reference: none ? null : reference, title: none ? "" : title.join(" · "), minutes: task.minutes });
    requests.set(request ?? "", row);
  }
  return [...requests.values()]
    .map((row) => ({ ...row, tasks: row.tasks.sort((a, b) => b.minutes - a.minutes) }))
    .sort((a, b) => (a.reference === null ? 1 : b.reference === null ? -1 : b.minutes - a.minutes || a.reference.localeCompare(b.reference)));
}
