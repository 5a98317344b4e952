import { z } from "zod";
import { calendarDate, checkDateRange } from "../fields/dates.ts";
import { assertOwner } from "../actor/index.ts";
import { VisibleError } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { owed } from "../invoice/index.ts";
import { balanceOf as owedOn, invoiceNumber } from "../invoice/present.ts";
import { postingsBetween } from "./postings.ts";
import type { MemberItem } from "../member/entity.ts";
import { Money } from "../money/index.ts";
import { People } from "../people/index.ts";
import { Timesheet } from "../timesheet/index.ts";
import { agingBucket, AGING_BUCKETS, daysOverdue, type AgingBucket } from "./aging.ts";
import { daysToUtc, monthOf, todayIn } from "./periods.ts";
import { monthsBetween } from "@baton/kernel/dates";
import { totalsByMember } from "../payout/index.ts";
import { MAX_MONTHS, monthRange, monthRangeSchema, rangeError } from "./range.ts";
import { readerLocale, text } from "../i18n/index.ts";
import { AgencyStore } from "../agency/store.ts";
import { ClientStore } from "../client/store.ts";

export * as Reports from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { AGING_BUCKETS, agingBucket, daysOverdue, type AgingBucket } from "./aging.ts";
export { daysToUtc, monthOf, monthsBack, monthsBetween, monthsToUtc } from "./periods.ts";
export { MAX_MONTHS } from "./range.ts";
export { responses, responsesSchema, type ResponseCounts, type ResponsesReport } from "./responses.ts";

// The owner's money reports. Amounts are given in their own currency (invoices in the client's,
// costs and payouts in the agency's) and converted to the agency's at the rate each invoice
// stamped when it was sent (rates/); an invoice sent with no rate known stays unconverted and
// is reported as such. Months and days are the
// agency's, in its time zone. Revenue is what was invoiced (before tax) on sent, part-paid and
// paid invoices, by the month they were issued, less each credit note by the month it was
// issued (postings.ts); void invoices and drafts are not revenue.

type Named = { clientId: string; name: string };

export type RevenueReport = {
  from: string;
  to: string;
  timeZone: string;
  months: string[];
  currencies: Array<{
    currency: string;
    total: number;
    months: Array<{ month: string; total: number; byClient: Array<{ clientId: string; amount: number }> }>;
    clients: Array<Named & { total: number; invoices: number }>;
  }>;
  /** Everything in the agency's currency, and per month. */
  converted: Converted & { months: Array<{ month: string; total: number }> };
};

export type ReceivablesReport = {
  asOf: string;
  buckets: readonly AgingBucket[];
  currencies: Array<{
    currency: string;
    total: number;
    buckets: Array<{ bucket: AgingBucket; amount: number; count: number }>;
    clients: Array<Named & { total: number; buckets: Array<{ bucket: AgingBucket; amount: number }> }>;
  }>;
  invoices: Array<{ id: string; number: string; client: { id: string; name: string }; currency: string; balance: number; dueAt: string; daysOverdue: number; bucket: AgingBucket }>;
  /** What is owed in the agency's currency, in total and per bucket, at each invoice's stamped rate. */
  converted: Converted & { buckets: Array<{ bucket: AgingBucket; amount: number }> };
};

export type MarginReport = {
  from: string;
  to: string;
  timeZone: string;
  /** Costs are in the agency's currency. */
  currency: string;
  clients: Array<
    Named & {
      /** The client's currency, which `billed` is in. */
      currency: string;
      billed: number;
      minutes: number;
      cost: number;
      /** What was billed in the agency's currency at each invoice's stamped rate; null when an invoice has no rate. */
      billedConverted: number | null;
      /** billedConverted − cost; null when an invoice of the period has no rate (not converted). */
      margin: number | null;
      /** The margin as basis points of billed (2500 = 25%); null without a margin or with nothing billed. */
      marginRate: number | null;
    }
  >;
  /** Members who logged time in the period with no cost rate set: their time costs nothing here. */
  withoutCostRate: Array<{ id: string; name: string; minutes: number }>;
  /** The totals row, in the agency's currency: billed (converted), cost and margin over every client that converts. */
  totals: { billed: number; cost: number; margin: number; marginRate: number | null; unconverted: Converted["unconverted"] };
};

export type PayoutReport = {
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  total: number;
  members: Array<{ id: string; name: string; role: MemberItem["role"]; minutes: number; billableMinutes: number; costRate: number | null; amount: number | null; statements: { currency: string; owed: number; paid: number } | null }>;
};

const day = calendarDate;

/**
 * Amounts converted to the agency's currency at each invoice's stamped rate (rates/), rounded
 * half up per invoice (money/convert.ts) and then summed. An invoice with no stamped rate is not
 * converted: it is counted in `unconverted`, per currency, and left out of the converted totals.
 */
export type Converted = { currency: string; total: number; unconverted: Array<{ currency: string; amount: number; invoices: number }> };

type Stamped = { currency: string; rate?: string | undefined };

/** An invoice's amount in the agency's currency, or null when no rate was stamped on it. */
export function toAgency(invoice: Stamped, amount: number, agencyCurrency: string): number | null {
  if (invoice.currency === agencyCurrency) return amount;
  return invoice.rate ? Money.convert(amount, invoice.currency, agencyCurrency, invoice.rate) : null;
}

function converted<T extends Stamped>(items: T[], amountOf: (item: T) => number, agencyCurrency: string): Converted {
  let total = 0;
  const missing = new Map<string, { amount: number; invoices: number }>();
  for (const item of items) {
    const value = toAgency(item, amountOf(item), agencyCurrency);
    if (value !== null) total += value;
    else {
      const entry = missing.get(item.currency) ?? { amount: 0, invoices: 0 };
      missing.set(item.currency, { amount: entry.amount + amountOf(item), invoices: entry.invoices + 1 });
    }
  }
  return { currency: agencyCurrency, total, unconverted: [...missing.entries()].map(([currency, entry]) => ({ currency, ...entry })).sort((a, b) => a.currency.localeCompare(b.currency)) };
}

/** The longest margin or payout period, in days. */
export const MAX_DAYS = 366;

async function agencyOf(agencyId: string) {
  const agency = (await AgencyStore.load(agencyId));
  return { timeZone: agency?.timeZone ?? "UTC", currency: agency?.currency ?? "USD" };
}

export const revenueSchema = monthRangeSchema;

/** Invoiced revenue (before tax) per currency, per month and client; the last 12 months by default. */
export const revenue = fn(revenueSchema, async (query): Promise<RevenueReport> => {
  const agencyId = assertOwner();
  const { timeZone, currency: agencyCurrency } = await agencyOf(agencyId);
  const { from, to, months, range } = monthRange(query, timeZone);
  const postings = await postingsBetween(agencyId, range.start, range.end);
  const names = await People.clientNames(agencyId, postings.map((posting) => posting.clientId));
  const byCurrency = new Map<string, typeof postings>();
  for (const posting of postings) byCurrency.set(posting.currency, [...(byCurrency.get(posting.currency) ?? []), posting]);
  const currencies = [...byCurrency.entries()].map(([currency, items]) => {
    const cells = new Map<string, Map<string, number>>(months.map((m) => [m, new Map()]));
    const clients = new Map<string, { total: number; invoices: number }>();
    for (const posting of items) {
      const cell = cells.get(monthOf(posting.at, timeZone));
      if (!cell) continue;
      cell.set(posting.clientId, (cell.get(posting.clientId) ?? 0) + posting.amount);
      const client = clients.get(posting.clientId) ?? { total: 0, invoices: 0 };
      clients.set(posting.clientId, { total: client.total + posting.amount, invoices: client.invoices + (posting.kind === "invoice" ? 1 : 0) });
    }
    return {
      currency,
      total: [...clients.values()].reduce((sum, client) => sum + client.total, 0),
      months: months.map((m) => {
        const byClient = [...cells.get(m)!.entries()].map(([clientId, amount]) => ({ clientId, amount })).sort((a, b) => b.amount - a.amount);
        return { month: m, total: byClient.reduce((sum, cell) => sum + cell.amount, 0), byClient };
      }),
      clients: [...clients.entries()]
        .map(([clientId, totals]) => ({ clientId, name: names.get(clientId) ?? "", ...totals }))
        .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
    };
  });
  const all = converted(postings, (posting) => posting.amount, agencyCurrency);
  const byMonth = months.map((m) => ({
    month: m,
    total: converted(postings.filter((posting) => monthOf(posting.at, timeZone) === m), (posting) => posting.amount, agencyCurrency).total,
  }));
  return {
    from,
    to,
    timeZone,
    months,
    currencies: currencies.sort((a, b) => b.total - a.total || a.currency.localeCompare(b.currency)),
    converted: { ...all, months: byMonth },
  };
});

/** What clients owe now, per currency, aged by days past due (current, 1–30, 31–60, 61–90, 90+). */
export async function receivables(now = new Date()): Promise<ReceivablesReport> {
  const agencyId = assertOwner();
  const [open, agency] = await Promise.all([owed(agencyId), agencyOf(agencyId)]);
  const names = await People.clientNames(agencyId, open.map((invoice) => invoice.clientId));
  const invoices = open
    .map((invoice) => {
      const late = daysOverdue(invoice.dueAt ?? now.toISOString(), now);
      return {
        id: invoice.invoiceId,
        number: invoiceNumber(invoice.number) ?? "",
        client: { id: invoice.clientId, name: names.get(invoice.clientId) ?? "" },
        currency: invoice.currency,
        balance: owedOn(invoice),
        dueAt: invoice.dueAt ?? "",
        daysOverdue: late,
        bucket: agingBucket(late),
        rate: invoice.rate,
      };
    })
    .filter((invoice) => invoice.balance > 0)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.number.localeCompare(b.number));
  const currencies = [...new Set(invoices.map((invoice) => invoice.currency))].sort().map((currency) => {
    const mine = invoices.filter((invoice) => invoice.currency === currency);
    const clientIds = [...new Set(mine.map((invoice) => invoice.client.id))];
    const sum = (items: typeof mine) => items.reduce((total, invoice) => total + invoice.balance, 0);
    return {
      currency,
      total: sum(mine),
      buckets: AGING_BUCKETS.map((bucket) => {
        const inBucket = mine.filter((invoice) => invoice.bucket === bucket);
        return { bucket, amount: sum(inBucket), count: inBucket.length };
      }),
      clients: clientIds
        .map((clientId) => {
          const theirs = mine.filter((invoice) => invoice.client.id === clientId);
          return {
            clientId,
            name: names.get(clientId) ?? "",
            total: sum(theirs),
            buckets: AGING_BUCKETS.map((bucket) => ({ bucket, amount: sum(theirs.filter((invoice) => invoice.bucket === bucket)) })),
          };
        })
        .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)),
    };
  });
  const balanceOf = (invoice: (typeof invoices)[number]) => invoice.balance;
  const all = converted(invoices, balanceOf, agency.currency);
  const buckets = AGING_BUCKETS.map((bucket) => ({ bucket, amount: converted(invoices.filter((invoice) => invoice.bucket === bucket), balanceOf, agency.currency).total }));
  return { asOf: now.toISOString(), buckets: AGING_BUCKETS, currencies, invoices: invoices.map(({ rate: _rate, ...invoice }) => invoice), converted: { ...all, buckets } };
}

export const periodSchema = z.strictObject({ from: day.optional(), to: day.optional() }).superRefine(checkDateRange(MAX_DAYS));

/** A period of whole days in the agency's zone: this month so far by default. */
async function period(agencyId: string, query: z.infer<typeof periodSchema>) {
  const agency = await agencyOf(agencyId);
  const today = todayIn(agency.timeZone);
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 8)}01`;
  if (from > to) throw rangeError("from", "Start on or before the end date.");
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= MAX_DAYS) throw rangeError("from", `Choose at most ${MAX_DAYS} days.`);
  return { ...agency, from, to, range: daysToUtc(from, to, agency.timeZone) };
}

/** The cost of time: minutes at the member's hourly cost rate (minor units, half up). */
function costOf(minutes: number, member: MemberItem | undefined): number {
  return member?.costRate ? Money.forMinutes(minutes, member.costRate) : 0;
}

/**
 * Per client for a period: invoiced (before tax) on invoices issued in it less credit notes issued
 * in it, and the cost of the team's time logged for the client in it at each member's cost rate,
 * billable or not.
 */
export const margin = fn(periodSchema, async (query): Promise<MarginReport> => {
  const agencyId = assertOwner();
  const { from, to, range, timeZone, currency } = await period(agencyId, query);
  const team = await People.team(agencyId);
  const [postings, entries] = await Promise.all([
    postingsBetween(agencyId, range.start, range.end),
    Timesheet.teamTimeBetween(agencyId, [...team.keys()], range.start, range.end),
  ]);
  const clientIds = [...new Set([...postings.map((posting) => posting.clientId), ...entries.map((entry) => entry.clientId)])];
  const clients = await ClientStore.loadMany(agencyId, clientIds);
  const rows = clients.map((client) => {
    const billedHere = postings.filter((posting) => posting.clientId === client.clientId);
    const billed = billedHere.reduce((sum, posting) => sum + posting.amount, 0);
    const inAgency = converted(billedHere, (posting) => posting.amount, currency);
    const billedConverted = inAgency.unconverted.length ? null : inAgency.total;
    const theirs = entries.filter((entry) => entry.clientId === client.clientId);
    const cost = theirs.reduce((sum, entry) => sum + costOf(entry.minutes, team.get(entry.memberId)), 0);
    const value = billedConverted === null ? null : billedConverted - cost;
    return {
      clientId: client.clientId,
      name: client.name,
      currency: client.currency,
      billed,
      billedConverted,
      minutes: theirs.reduce((sum, entry) => sum + entry.minutes, 0),
      cost,
      margin: value,
      marginRate: value !== null && billedConverted ? Math.round((value * 10_000) / billedConverted) : null,
    };
  });
  const uncosted = new Map<string, number>();
  for (const entry of entries) if (!team.get(entry.memberId)?.costRate) uncosted.set(entry.memberId, (uncosted.get(entry.memberId) ?? 0) + entry.minutes);
  const counted = rows.filter((row) => row.margin !== null);
  const totalBilled = counted.reduce((sum, row) => sum + row.billedConverted!, 0);
  const totalMargin = counted.reduce((sum, row) => sum + row.margin!, 0);
  const totals = {
    billed: totalBilled,
    cost: rows.reduce((sum, row) => sum + row.cost, 0),
    margin: totalMargin,
    marginRate: totalBilled > 0 ? Math.round((totalMargin * 10_000) / totalBilled) : null,
    unconverted: converted(postings, (posting) => posting.amount, currency).unconverted,
  };
  return {
    from,
    to,
    timeZone,
    currency,
    totals,
    clients: rows.sort((a, b) => b.billed - a.billed || a.name.localeCompare(b.name)),
    withoutCostRate: [...uncosted.entries()].map(([id, minutes]) => ({ id, name: team.get(id)?.name ?? text(readerLocale(), "people.formerMember"), minutes })),
  };
});

/** What the agency owes each team member (not the owner) for their time in a period, at their cost rate. */
export const payouts = fn(periodSchema, async (query): Promise<PayoutReport> => {
  const agencyId = assertOwner();
  const { from, to, range, timeZone, currency } = await period(agencyId, query);
  const team = await People.team(agencyId);
  const paid = [...team.values()].filter((member) => member.role !== "owner");
  const entries = await Timesheet.teamTimeBetween(agencyId, paid.map((member) => member.memberId), range.start, range.end);
  // Payout statements of the months the range touches: what is issued and still owed, and what is paid.
  const statements = await totalsByMember(agencyId, monthsBetween(from.slice(0, 7), to.slice(0, 7)));
  const members = paid
    .map((member) => {
      const theirs = entries.filter((entry) => entry.memberId === member.memberId);
      const minutes = theirs.reduce((sum, entry) => sum + entry.minutes, 0);
      return {
        id: member.memberId,
        name: member.name,
        role: member.role,
        minutes,
        billableMinutes: theirs.filter((entry) => entry.billable).reduce((sum, entry) => sum + entry.minutes, 0),
        costRate: member.costRate ?? null,
        // Summed per entry, as each entry's cost is rounded on its own in the margin report too.
        amount: member.costRate ? theirs.reduce((sum, entry) => sum + costOf(entry.minutes, member), 0) : null,
        statements: statements.get(member.memberId) ?? null,
      };
    })
    .filter((member) => member.minutes > 0 || member.costRate !== null || member.statements !== null)
    .sort((a, b) => (b.amount ?? -1) - (a.amount ?? -1) || a.name.localeCompare(b.name));
  return { from, to, timeZone, currency, total: members.reduce((sum, member) => sum + (member.amount ?? 0), 0), members };
});
