import { monthOf, monthsBack, monthsToUtc } from "@baton/kernel/dates";
import { z } from "zod";
import { actorRef, assertOwner, useActor } from "../actor/index.ts";
import { AgencyStore } from "../agency/store.ts";
import { Audit } from "../audit/index.ts";
import { VisibleError, notFound } from "../error/index.ts";
import { calendarMonth } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import type { MemberItem } from "../member/entity.ts";
import { MemberStore } from "../member/store.ts";
import { Money } from "../money/index.ts";
import { Rates } from "../rates/index.ts";
import { approvalOf } from "../timesheet/entity.ts";
import { teamTimeBetween } from "../timesheet/queries.ts";
import { PayoutMethods, type PayoutItem } from "./entity.ts";
import { notifyIssued, notifyPaid } from "./notify.ts";
import { visible } from "./read.ts";
import { PayoutStore } from "./store.ts";

export * as Payouts from "./index.ts";
export * from "./output.ts";
export { PayoutMethods, type PayoutMethod } from "./entity.ts";
export { statementCsv, csvSchema } from "./csv.ts";

// What the agency owes its subcontractors (issue 17, part 6): per member and month in the
// member's zone, their approved time not yet on a statement × their cost rate, in their own
// currency. A statement fixes the amount when issued (time approved later goes on the next one:
// each entry is on at most one statement), and is marked paid once, with how and a reference.

/** How far back approved time not yet paid out is looked for. */
const LOOKBACK_MONTHS = 24;

export type PayoutLine = { label: string; minutes: number };

export type Payout = {
  id: string;
  member: { id: string; name: string };
  period: string;
  currency: string;
  /** Minor units of `currency` per hour. */
  costRate: number;
  minutes: number;
  amount: number;
  lines: PayoutLine[];
  /** The stamped rate to the agency's currency (null: paid in the agency's own). */
  exchange: { rate: string; to: string; date: string; amount: number } | null;
  status: PayoutItem["status"];
  issuedAt: string;
  paid: { at: string; method: PayoutItem["method"] & string; reference: string } | null;
  version: number;
};

export type Owed = {
  member: { id: string; name: string };
  costRate: number | null;
  currency: string;
  /** Not yet on a statement; once the month is issued, its statement's. */
  minutes: number;
  amount: number;
  /** The month's statement when it is issued. */
  statementId: string | null;
};

export type Overview = { period: string; currency: string; owed: Owed[]; statements: Payout[] };

export function present(item: PayoutItem): Payout {
  return {
    id: item.payoutId,
    member: { id: item.memberId, name: item.memberName },
    period: item.period,
    currency: item.currency,
    costRate: item.costRate,
    minutes: item.minutes,
    amount: item.amount,
    lines: (item.lines ?? []).map((line) => ({ label: line.label, minutes: line.minutes })),
    exchange: item.exchangeRate && item.rateDate && item.agencyAmount !== undefined ? { rate: item.exchangeRate, to: item.agencyCurrency, date: item.rateDate, amount: item.agencyAmount } : null,
    status: item.status,
    issuedAt: item.issuedAt,
    paid: item.status === "paid" && item.paidAt && item.method ? { at: item.paidAt, method: item.method, reference: item.reference ?? "" } : null,
    version: item.version,
  };
}

const newestFirst = (a: PayoutItem, b: PayoutItem) => b.period.localeCompare(a.period) || a.memberName.localeCompare(b.memberName);

/** The approved time of `member` up to the end of `period` (their zone) that no statement holds yet. */
async function unpaidTime(agencyId: string, member: MemberItem, period: string, statements: readonly PayoutItem[]) {
  const { start } = monthsToUtc(monthsBack(period, LOOKBACK_MONTHS), period, member.timeZone);
  const { end } = monthsToUtc(period, period, member.timeZone);
  const held = new Set(statements.filter((statement) => statement.memberId === member.memberId).flatMap((statement) => statement.entryIds));
  const entries = (await teamTimeBetween(agencyId, [member.memberId], start, end)).filter((entry) => approvalOf(entry) === "approved" && !held.has(entry.entryId));
  const byLabel = new Map<string, number>();
  for (const entry of entries) byLabel.set(entry.label, (byLabel.get(entry.label) ?? 0) + entry.minutes);
  return {
    entryIds: entries.map((entry) => entry.entryId),
    minutes: entries.reduce((sum, entry) => sum + entry.minutes, 0),
    lines: [...byLabel].map(([label, minutes]) => ({ label, minutes })).sort((a, b) => a.label.localeCompare(b.label)),
  };
}

async function agencyOf(agencyId: string) {
  const agency = await AgencyStore.load(agencyId);
  return { currency: agency?.currency ?? "USD", timeZone: agency?.timeZone ?? "UTC" };
}

export const overviewSchema = z.strictObject({ period: calendarMonth.optional() });

/**
 * The owner's payouts: what each subcontractor is owed for a month (last month in the agency's
 * zone unless asked), and every statement, newest month first.
 */
export const overview = fn(overviewSchema, async ({ period: asked }, now: Date = new Date()): Promise<Overview> => {
  const agencyId = assertOwner();
  const agency = await agencyOf(agencyId);
  const period = asked ?? monthsBack(monthOf(now, agency.timeZone), 2);
  const [team, statements] = await Promise.all([MemberStore.ofAgency(agencyId), PayoutStore.ofAgency(agencyId)]);
  const owed: Owed[] = [];
  for (const member of team.filter((each) => each.role === "subcontractor").sort((a, b) => a.name.localeCompare(b.name))) {
    const issued = statements.find((statement) => statement.memberId === member.memberId && statement.period === period);
    const time = await unpaidTime(agencyId, member, period, statements);
    if (member.status === "removed" && !time.minutes && !issued) continue;
    owed.push({
      member: { id: member.memberId, name: member.name },
      costRate: member.costRate ?? null,
      currency: member.costCurrency ?? agency.currency,
      // Once issued, the month shows its statement's figures (time approved since goes on the next one).
      minutes: issued ? issued.minutes : time.minutes,
      amount: issued ? issued.amount : member.costRate ? Money.forMinutes(time.minutes, member.costRate) : 0,
      statementId: issued?.payoutId ?? null,
    });
  }
  return { period, currency: agency.currency, owed, statements: statements.sort(newestFirst).map(present) };
});

const fieldError = (field: string, message: string) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [field]: message } });

export const issueSchema = z.strictObject({
  memberId: z.string({ error: "Choose the team member." }).max(40, "Choose the team member."),
  period: calendarMonth,
});

/**
 * Issues a member's statement for a month: their approved time not yet on a statement, up to the
 * month's end, at their cost rate now, in their currency with the exchange rate stamped. Once per
 * member and month (409 after); the amount never changes afterwards.
 */
export const issue = fn(issueSchema, async ({ memberId, period }, now: Date = new Date()): Promise<Payout> => {
  const agencyId = assertOwner();
  const member = isId("member", memberId) ? await MemberStore.load(agencyId, memberId) : null;
  if (!member || member.role !== "subcontractor") throw notFound("Team member");
  if (period > monthOf(now, member.timeZone)) throw fieldError("period", "Choose a month that has begun.");
  const statements = await PayoutStore.ofAgency(agencyId);
  const existing = statements.find((statement) => statement.memberId === memberId && statement.period === period);
  if (existing) throw alreadyIssued(existing);
  if (!member.costRate) throw new VisibleError("rule", "payout.no_cost_rate", "Give this team member a cost rate first.");
  const agency = await agencyOf(agencyId);
  const currency = member.costCurrency ?? agency.currency;
  const time = await unpaidTime(agencyId, member, period, statements);
  if (!time.minutes) throw new VisibleError("rule", "payout.nothing_owed", "No approved time of this month is waiting to be paid.");
  const amount = Money.forMinutes(time.minutes, member.costRate);
  const stamp = await Rates.stampFor(agencyId, currency);
  if (currency !== agency.currency && !stamp) throw new VisibleError("rule", "payout.no_rate", "Keep an exchange rate for the team member's currency first.");
  const payoutId = createId("payout");
  const created = await PayoutStore.create({
    agencyId,
    payoutId,
    memberId,
    memberName: member.name,
    timeZone: member.timeZone,
    period,
    currency,
    costRate: member.costRate,
    minutes: time.minutes,
    amount,
    lines: time.lines,
    entryIds: time.entryIds,
    agencyCurrency: agency.currency,
    ...(stamp ? { exchangeRate: stamp.rate, rateDate: stamp.date, agencyAmount: Money.convert(amount, currency, agency.currency, stamp.rate) } : {}),
    issuedAt: now.toISOString(),
    issuedBy: actorRef().id,
  });
  if (!created) {
    const winner = (await PayoutStore.ofMember(agencyId, memberId)).find((statement) => statement.period === period);
    throw alreadyIssued(winner ?? null);
  }
  const item = (await PayoutStore.load(agencyId, payoutId))!;
  await Audit.record(Audit.event("payout.issued", "member", memberId, { payoutId, period, amount, currency, minutes: time.minutes }));
  await notifyIssued(item, member);
  return present(item);
});

function alreadyIssued(existing: PayoutItem | null): VisibleError {
  return new VisibleError("conflict", "payout.already_issued", "This month's statement is already issued.", existing ? { current: present(existing) } : undefined);
}

export async function get(payoutId: string): Promise<Payout> {
  return present(await visible(payoutId));
}

/** The statement as a PDF, in the member's language (pdfkit and the fonts load with the first one). */
export async function download(payoutId: string): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  return (await import("./pdf.ts")).download(payoutId);
}

/** The signed-in member's own statements, newest month first. */
export async function mine(): Promise<{ statements: Payout[] }> {
  const actor = useActor();
  if (actor.type !== "member") throw notFound("Payout statement");
  return { statements: (await PayoutStore.ofMember(actor.agencyId, actor.memberId)).sort(newestFirst).map(present) };
}

export const paidSchema = z.strictObject({
  method: z.enum(PayoutMethods, { error: "Choose bank transfer, Wise, PayPal or other." }),
  reference: z.string({ error: "Enter the payment's reference." }).trim().min(1, "Enter the payment's reference.").max(200, "Keep the reference under 200 characters."),
});

/**
 * Marks a statement paid with how and a reference. The same answer again (a retry) changes
 * nothing; paying a paid statement otherwise answers 409 with it as it is.
 */
export const markPaid = fn(paidSchema, async ({ method, reference }, payoutId: string, now: Date = new Date()): Promise<Payout> => {
  assertOwner();
  for (let attempt = 0; attempt < 3; attempt++) {
    const item = await visible(payoutId);
    if (item.status === "paid") {
      if (item.method === method && item.reference === reference) return present(item);
      throw new VisibleError("conflict", "payout.already_paid", "This statement is already marked paid.", { current: present(item) });
    }
    if (await PayoutStore.markPaid(item.agencyId, payoutId, item.version, { method, reference, paidBy: actorRef().id, paidAt: now.toISOString() })) {
      const paid = (await PayoutStore.load(item.agencyId, payoutId))!;
      await Audit.record(Audit.event("payout.paid", "member", item.memberId, { payoutId, method, reference }));
      const member = await MemberStore.load(item.agencyId, item.memberId);
      if (member) await notifyPaid(paid, member);
      return present(paid);
    }
  }
  throw new VisibleError("conflict", "payout.already_paid", "This statement is already marked paid.");
});

/** Per member, what statements of `months` hold: owed (issued, not paid) and paid, in the member's currency (reports). */
export async function totalsByMember(agencyId: string, months: readonly string[]): Promise<Map<string, { currency: string; owed: number; paid: number }>> {
  const wanted = new Set(months);
  const totals = new Map<string, { currency: string; owed: number; paid: number }>();
  for (const statement of await PayoutStore.ofAgency(agencyId)) {
    if (!wanted.has(statement.period)) continue;
    const row = totals.get(statement.memberId) ?? { currency: statement.currency, owed: 0, paid: 0 };
    if (statement.currency !== row.currency) continue;
    if (statement.status === "paid") row.paid += statement.amount;
    else row.owed += statement.amount;
    totals.set(statement.memberId, row);
  }
  return totals;
}
