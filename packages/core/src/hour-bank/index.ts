import { monthOf, monthsToUtc } from "@baton/kernel/dates";
import { z } from "zod";
import { assertContact, assertOwner, useActor, useAgencyId } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { billingOf } from "../client/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { ClientStore } from "../client/store.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { Job } from "../job/index.ts";
import { approvedMinutesByTask } from "../timesheet/queries.ts";
import { Transparencies } from "./entity.ts";
import { balanceOf, closeEntries, type Entry, hoursByRequest, keys, nextPeriod, NO_ROLLOVER, type Policy, type RequestHours, rolledHours } from "./ledger.ts";
import { HourBankStore, type Transparency } from "./store.ts";
import { overageView } from "./overage.ts";
import { afterUse } from "./alerts.ts";

export * as HourBank from "./index.ts";
export * from "./output.ts";
export { balanceOf, closeEntries, hoursByRequest, remainderOf, type Entry, type Policy, type RequestHours } from "./ledger.ts";
export type { Transparency } from "./store.ts";
export { recordApprovedUse, returnApprovedUse, type ApprovedUse, type UseTotals } from "./use.ts";

// A retainer client's hour bank: per calendar month in the client's zone, the hours included,
// the billable time used (written when time is approved: use.ts), and at the month's close what rolls over,
// expires or is billed as overage, by the rollover policy (the agency's default, or the
// client's own). The balance is the sum of the ledger's entries, nothing else.

/** The longest gap the job catches up in one run (periods nobody settled). */
const MAX_CATCH_UP = 36;

/** A period's figures, each from its entries: `rolledOutMinutes` went on to the next period at its close. */
export type PeriodView = { period: string; includedMinutes: number; usedMinutes: number; rolledInMinutes: number; rolledOutMinutes: number; expiredMinutes: number; overageMinutes: number; adjustedMinutes: number; closed: boolean };
export type HourBankView = Awaited<ReturnType<typeof overageView>> & {
  clientId: string;
  retainer: boolean;
  period: string | null;
  balanceMinutes: number;
  policy: Policy;
  policySource: "client" | "agency" | "default";
  /** What the client's contacts see: everything, the totals without entries or requests, or nothing. */
  transparency: Transparency;
  periods: PeriodView[];
  rolled: Array<{ origin: string; minutes: number; usableUntil: string | null }>;
  entries: Array<{ key: string; period: string; kind: Entry["kind"]; minutes: number; origin: string; reason: string | null; at: string }>;
  /** The open period's billable time per request (and its tasks). */
  requests: RequestHours[];
};

async function policyFor(agencyId: string, clientId: string): Promise<{ policy: Policy; source: HourBankView["policySource"] }> {
  const own = await HourBankStore.policyOf(agencyId, clientId);
  if (own) return { policy: own, source: "client" };
  const agency = await HourBankStore.policyOf(agencyId, "agency");
  return agency ? { policy: agency, source: "agency" } : { policy: NO_ROLLOVER, source: "default" };
}

const toEntry = (item: Awaited<ReturnType<typeof HourBankStore.entriesOf>>[number]): Entry => ({
  key: item.key,
  period: item.period,
  kind: item.kind,
  minutes: item.minutes,
  origin: item.origin,
  ...(item.reason ? { reason: item.reason } : {}),
  at: item.at,
});

/**
 * Brings a client's bank up to `now`: opens the bank (this period's included hours) the first
 * time, and closes every period that has ended in the client's zone, oldest first (the used
 * minutes are already there: approval writes them). Every write is keyed by period and kind, so running it twice (or
 * two at once) writes the same ledger.
 */
export async function settle(client: ClientItem, now: Date): Promise<{ closed: number }> {
  const retainer = billingOf(client).retainer;
  if (!retainer) return { closed: 0 };
  const { agencyId, clientId } = client;
  const current = monthOf(now, client.timeZone);
  let entries = (await HourBankStore.entriesOf(agencyId, clientId)).map(toEntry);
  const closedPeriods = new Set(entries.filter((entry) => entry.kind === "closed").map((entry) => entry.period));
  const known = entries.filter((entry) => entry.kind !== "closed").map((entry) => entry.period);
  let period = known.length ? known.reduce((a, b) => (a < b ? a : b)) : current;
  while (closedPeriods.has(period) && period < current) period = nextPeriod(period);
  const { policy } = await policyFor(agencyId, clientId);
  let closed = 0;
  for (let step = 0; step <= MAX_CATCH_UP && period <= current; step++, period = nextPeriod(period)) {
    if (closedPeriods.has(period)) continue;
    if (!entries.some((entry) => entry.key === keys.included(period))) {
      const included: Entry = { key: keys.included(period), period, kind: "included", minutes: retainer.includedMinutes, origin: period };
      await HourBankStore.createOnce(agencyId, clientId, included);
      entries = [...entries, included];
    }
    if (period === current) break;
    if (await closePeriod(agencyId, clientId, period, policy)) closed++;
    entries = (await HourBankStore.entriesOf(agencyId, clientId)).map(toEntry);
  }
  return { closed };
}

/** Approvals landing while a close is worked out make it start over; this many times at most. */
const CLOSE_ATTEMPTS = 8;

/**
 * Closes one period from its entries as they are: the revision is read first, then the entries,
 * and the close commits only if the revision hasn't moved (HourBankStore.close), so an entry that
 * came in meanwhile is summed on the next attempt instead of left out. False: it was closed already.
 */
async function closePeriod(agencyId: string, clientId: string, period: string, policy: Policy): Promise<boolean> {
  for (let attempt = 0; attempt < CLOSE_ATTEMPTS; attempt++) {
    const revision = await HourBankStore.revisionOf(agencyId, clientId, period);
    const own = (await HourBankStore.entriesOf(agencyId, clientId)).map(toEntry).filter((entry) => entry.period === period);
    if (own.some((entry) => entry.kind === "closed")) return false;
    const outcome = await HourBankStore.close(agencyId, clientId, period, revision, nextPeriod(period), closeEntries(period, own, policy));
    if (outcome !== "stale") return outcome === "done";
  }
  throw new VisibleError("conflict", "hour_bank.busy", "The hour bank kept changing while its month was closed. Try again in a moment.");
}

/** One client's settle as the acting agency (the job's system actor; tests run it at chosen moments). */
export async function settleClient(clientId: string, now: Date): Promise<{ closed: number }> {
  const client = await ClientStore.load(useAgencyId(), clientId);
  if (!client) throw notFound("Client");
  return settle(client, now);
}

/** The job: every active retainer client of the agency, each on its own. */
export async function settleFor(agencyId: string, now: Date): Promise<{ clients: number; closed: number; failed: number }> {
  const outcome = { clients: 0, closed: 0, failed: 0 };
  for (const client of await ClientStore.ofAgency(agencyId)) {
    if (!billingOf(client).retainer || client.status !== "active") continue;
    const done = await Job.isolated("hour bank", { agencyId, clientId: client.clientId }, () => settle(client, now));
    if (done === Job.FAILED) outcome.failed++;
    else {
      outcome.clients++;
      outcome.closed += done.closed;
    }
  }
  return outcome;
}

/** The open period's approved time per request: one Query of the client's time in the period. */
async function requestsIn(client: ClientItem, period: string): Promise<RequestHours[]> {
  const { start } = monthsToUtc(period, period, client.timeZone);
  const { start: end } = monthsToUtc(nextPeriod(period), nextPeriod(period), client.timeZone);
  return hoursByRequest(await approvedMinutesByTask(client.agencyId, client.clientId, period, start, end));
}

async function view(client: ClientItem, now: Date, transparency: Transparency): Promise<HourBankView> {
  const retainer = billingOf(client).retainer;
  if (retainer) await settle(client, now);
  const entries = (await HourBankStore.entriesOf(client.agencyId, client.clientId)).map(toEntry);
  const { policy, source } = await policyFor(client.agencyId, client.clientId);
  const current = monthOf(now, client.timeZone);
  const byPeriod = new Map<string, PeriodView>();
  for (const entry of entries) {
    const row = byPeriod.get(entry.period) ?? { period: entry.period, includedMinutes: 0, usedMinutes: 0, rolledInMinutes: 0, rolledOutMinutes: 0, expiredMinutes: 0, overageMinutes: 0, adjustedMinutes: 0, closed: false };
    if (entry.kind === "included") row.includedMinutes += entry.minutes;
    if (entry.kind === "used") row.usedMinutes -= entry.minutes;
    if (entry.kind === "rolledOver" && entry.minutes > 0) row.rolledInMinutes += entry.minutes;
    if (entry.kind === "rolledOver" && entry.minutes < 0) row.rolledOutMinutes -= entry.minutes;
    if (entry.kind === "expired") row.expiredMinutes -= entry.minutes;
    if (entry.kind === "overage") row.overageMinutes += entry.minutes;
    if (entry.kind === "adjusted") row.adjustedMinutes += entry.minutes;
    if (entry.kind === "closed") row.closed = true;
    byPeriod.set(entry.period, row);
  }
  return {
    ...(await overageView(client.agencyId, client.clientId, entries, retainer ? current : null)),
    clientId: client.clientId,
    retainer: retainer !== null,
    period: retainer ? current : null,
    balanceMinutes: balanceOf(entries),
    policy,
    policySource: source,
    transparency,
    periods: [...byPeriod.values()].sort((a, b) => b.period.localeCompare(a.period)),
    rolled: retainer ? rolledHours(entries, current, policy) : [],
    entries: entries
      .filter((entry) => entry.kind !== "closed")
      .map((entry) => ({ key: entry.key, period: entry.period, kind: entry.kind, minutes: entry.minutes, origin: entry.origin, reason: entry.reason ?? null, at: entry.at ?? "" })),
    requests: retainer && transparency === "full" ? await requestsIn(client, current) : [],
  };
}

async function ownClient(clientId: string): Promise<ClientItem> {
  const agencyId = assertOwner();
  const client = await ClientStore.load(agencyId, clientId);
  if (!client) throw notFound("Client");
  return client;
}

/** The owner's view of a client's hour bank: everything, whatever the client sees. */
async function ownerView(client: ClientItem, now: Date): Promise<HourBankView> {
  const transparency = await HourBankStore.transparencyOf(client.agencyId, client.clientId);
  return { ...(await view(client, now, "full")), transparency };
}

/** The owner's view of a client's hour bank. */
export async function forClient(clientId: string, now = new Date()): Promise<HourBankView> {
  return ownerView(await ownClient(clientId), now);
}

/**
 * The signed-in client contact's own hour bank, as much of it as the owner shares: hidden
 * answers 404 (as if there were no such page), totals leave out the entries (with their
 * reasons) and the time per request.
 */
export async function mine(now = new Date()): Promise<HourBankView> {
  const actor = assertContact();
  const client = await ClientStore.load(actor.agencyId, actor.clientId);
  if (!client) throw notFound("Client");
  const transparency = await HourBankStore.transparencyOf(client.agencyId, client.clientId);
  if (transparency === "hidden") throw new VisibleError("not_found", "not_found", "There are no hours to show here.");
  const seen = await view(client, now, transparency);
  return transparency === "full" ? seen : { ...seen, entries: [], requests: [] };
}

export const transparencySchema = z.strictObject({ transparency: z.enum(Transparencies, { error: "Choose full detail, totals only, or hidden." }) });

/** What the client's contacts see of its hour bank in the portal (the owner always sees all of it). */
export const setTransparency = fn(transparencySchema, async ({ transparency }, clientId: string): Promise<{ transparency: Transparency }> => {
  const client = await ownClient(clientId);
  await HourBankStore.setTransparency(client.agencyId, clientId, transparency);
  await Audit.record(Audit.event("hourBank.transparency", "client", clientId, { transparency }));
  return { transparency };
});

/** At most a year of a month's hours either way: anything beyond is a typo. */
const MAX_ADJUST_MINUTES = 744 * 60;

export const adjustSchema = z.strictObject({
  minutes: z
    .number({ error: "Enter the minutes to add or take away." })
    .int("Enter whole minutes.")
    .min(-MAX_ADJUST_MINUTES, "Take away at most 744 hours at once.")
    .max(MAX_ADJUST_MINUTES, "Add at most 744 hours at once.")
    .refine((minutes) => minutes !== 0, "Enter the minutes to add or take away."),
  reason: z.string({ error: "Say why the hours change." }).trim().min(1, "Say why the hours change.").max(500, "Keep the reason under 500 characters."),
});

/** The owner adds or takes away hours in the open period, with a reason (kept on the entry and in the audit log). */
export const adjust = fn(adjustSchema, async (input, clientId: string, now: Date = new Date()): Promise<HourBankView> => {
  const client = await ownClient(clientId);
  if (!billingOf(client).retainer) throw new VisibleError("rule", "hour_bank.no_retainer", "This client has no retainer. Give it one in its billing first.");
  await settle(client, now);
  const period = monthOf(now, client.timeZone);
  const actor = useActor();
  const by = actor.type === "member" ? actor.memberId : undefined;
  const id = createId("time").slice(4);
  const entry: Entry = { key: keys.adjusted(period, id), period, kind: "adjusted", minutes: input.minutes, origin: period, reason: input.reason, ...(by ? { by } : {}) };
  // Into the open period only, as use is: a close worked out meanwhile starts over and counts it.
  const outcome = await HourBankStore.writeUse(client.agencyId, clientId, { use: entry, remove: false, closedKey: keys.closed(period) }, () => []);
  if (outcome === "closed") throw new VisibleError("conflict", "hour_bank.period_closed", "The retainer month of this time is closed, so it can't change now.");
  if (outcome === "conflict") throw new VisibleError("conflict", "hour_bank.busy", "The hour bank kept changing while its month was closed. Try again in a moment.");
  await Audit.record(Audit.event("hourBank.adjusted", "client", clientId, { minutes: input.minutes, reason: input.reason, period }));
  // Hours taken away can cross a threshold as use does (once per threshold per period).
  if (input.minutes < 0) await afterUse(client, period, now);
  return ownerView(client, now);
});

export const policySchema = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ mode: z.literal("none") }),
    z.strictObject({ mode: z.literal("cap"), maxMinutes: z.number({ error: "Enter the hours that may roll over." }).int("Enter whole minutes.").min(1, "Roll over at least a minute.").max(744 * 60, "Roll over at most 744 hours.") }),
    z.strictObject({ mode: z.literal("expire"), afterPeriods: z.number({ error: "Enter after how many months." }).int("Enter whole months.").min(1, "Keep rolled hours at least a month.").max(24, "Keep rolled hours at most 24 months.") }),
  ],
  { error: "Choose no rollover, a cap, or expiry." },
);
export const clientPolicySchema = z.strictObject({ policy: policySchema.nullable() });

export async function agencyPolicy(): Promise<{ policy: Policy }> {
  const agencyId = assertOwner();
  return { policy: (await HourBankStore.policyOf(agencyId, "agency")) ?? NO_ROLLOVER };
}

export const setAgencyPolicy = fn(policySchema, async (policy): Promise<{ policy: Policy }> => {
  const agencyId = assertOwner();
  await HourBankStore.setPolicy(agencyId, "agency", policy);
  await Audit.record(Audit.event("hourBank.policy", "agency", agencyId, { ...policy }));
  return { policy };
});

/**
 * A client's own rollover policy; null returns the client to the agency's default. It applies
 * from the next close on: periods already closed keep what they rolled over.
 */
export const setClientPolicy = fn(clientPolicySchema, async ({ policy }, clientId: string): Promise<{ policy: Policy; policySource: HourBankView["policySource"] }> => {
  const client = await ownClient(clientId);
  await HourBankStore.setPolicy(client.agencyId, clientId, policy);
  await Audit.record(Audit.event("hourBank.policy", "client", clientId, { ...(policy ?? { mode: "agency" }) }));
  const effective = await policyFor(client.agencyId, clientId);
  return { policy: effective.policy, policySource: effective.source };
});

export { approve, approveByLink, linkPage, linkPageSchema, signConsent, readConsent, type ConsentPage, type ConsentResult } from "./consent.ts";
export { agencyOverage, setAgencyOverage, setClientOverage } from "./overage-policy.ts";
export { THRESHOLDS } from "./alerts.ts";
export { workStateOf, workStatesOf, type WorkState } from "./work-state.ts";
