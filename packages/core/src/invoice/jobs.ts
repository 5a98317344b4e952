import { withActor } from "../actor/index.ts";
import { record as recordEvent } from "../webhook/record.ts";
import { Audit } from "../audit/index.ts";
import { zonedParts, zonedTimeToUtc } from "../business-hours/index.ts";
import { billingOf } from "../client/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { db } from "../db/index.ts";
import { conditionalWrite } from "../db/transaction.ts";
import { createId } from "../id/index.ts";
import { Job } from "../job/index.ts";
import { Money } from "../money/index.ts";
import { Timesheet } from "../timesheet/index.ts";
import { incrementFor, MAX_ENTRIES, totals } from "./draft.ts";
import { emailClient, send } from "./issue.ts";
import type { InvoiceItem } from "./entity.ts";
import { owingBefore } from "./owing.ts";
import type { InvoiceLine } from "./present.ts";
import { ClientStore } from "../client/store.ts";
import { Uniqueness } from "../uniqueness/index.ts";


// The scheduled money jobs (packages/functions/src/jobs/scheduled.ts runs them every 15
// minutes). Each is safe to run twice, or on two machines at once: every effect is claimed by
// a conditional write first, and only the winner acts.

/** Days after the due date on which a reminder goes out; each once. */
export const REMINDER_DAYS = [1, 7, 14] as const;

/**
 * Emails polite reminders for overdue invoices, 1, 7 and 14 days after due; stops once paid.
 * One invoice's failure is logged and counted; the others are still reminded.
 */
export async function remindOverdue(now = new Date()): Promise<{ sent: number; failed: number }> {
  const cutoff = new Date(now.getTime() - REMINDER_DAYS[0] * 86_400_000).toISOString();
  const due = await owingBefore(cutoff);
  const outcome = { sent: 0, failed: 0 };
  for (const invoice of due) {
    const ids = { agencyId: invoice.agencyId, invoiceId: invoice.invoiceId };
    const sent = await Job.isolated("overdue reminder", ids, () => withActor({ type: "system", agencyId: invoice.agencyId }, () => remindOne(invoice, now)));
    if (sent === Job.FAILED) outcome.failed++;
    else if (sent) outcome.sent++;
  }
  return outcome;
}

async function remindOne(invoice: InvoiceItem, now: Date): Promise<boolean> {
  const daysLate = Math.floor((now.getTime() - Date.parse(invoice.owingSince)) / 86_400_000);
  const owed = REMINDER_DAYS.filter((day) => daysLate >= day).length;
  if (owed <= invoice.remindersSent) return false;
  // Claim this reminder: only the run that moves the count sends it.
  const claimed = await conditionalWrite(
    db.entities.invoice
      .patch({ agencyId: invoice.agencyId, invoiceId: invoice.invoiceId })
      .set({ remindersSent: owed })
      .where((attr, op) => `${op.eq(attr.remindersSent, invoice.remindersSent)} AND ${op.eq(attr.owing, "yes")}`)
      .go(),
  );
  if (!claimed) return false;
  await emailClient(invoice, "invoiceReminder");
  // The first reminder is when the invoice is overdue, for the integrations too.
  if (invoice.remindersSent === 0) await recordEvent(invoice.agencyId, "invoice.overdue", { id: invoice.invoiceId, clientId: invoice.clientId });
  await Audit.record(Audit.event("invoice.reminded", "invoice", invoice.invoiceId, { reminder: owed, daysLate }));
  return true;
}

/** "2026-11" and the first instant of that month in `timeZone`, plus the previous month's bounds. */
export function periodIn(now: Date, timeZone: string) {
  const { year, month } = zonedParts(now, timeZone);
  const start = zonedTimeToUtc({ year, month, day: 1 }, timeZone);
  const previousStart = zonedTimeToUtc({ year: month === 1 ? year - 1 : year, month: month === 1 ? 12 : month - 1, day: 1 }, timeZone);
  return { period: `${year}-${String(month).padStart(2, "0")}`, start, previousStart };
}

/**
 * Issues each active retainer client's invoice for the month as it is in the client's time
 * zone: the fee, plus last month's billable time beyond the included hours at the client's rate
 * (that time is locked on it). A claim on client + month in the same transaction as the
 * invoice makes it exactly once per month, however often the job runs.
 */
export async function issueRetainers(now = new Date()): Promise<{ issued: number; failed: number }> {
  return Job.forEachAgency("retainer invoices", { issued: 0, failed: 0 }, (agency) => issueRetainersFor(agency.agencyId, now));
}

/**
 * One agency's retainer invoices (run as its system actor). Each client is on its own: a client
 * whose stored data can't be invoiced (say, a fee too large to total) is logged and counted as
 * failed, and the agency's other clients are still invoiced.
 */
export async function issueRetainersFor(agencyId: string, now: Date): Promise<{ issued: number; failed: number }> {
  const outcome = { issued: 0, failed: 0 };
  const clients = await ClientStore.ofAgency(agencyId);
  for (const client of clients) {
    if (!billingOf(client).retainer || client.status !== "active") continue;
    const issued = await Job.isolated("retainer invoice", { agencyId, clientId: client.clientId }, () => issueForClient(client, now));
    if (issued === Job.FAILED) outcome.failed++;
    else if (issued) outcome.issued++;
  }
  return outcome;
}

/** Issues one client's invoice for the month unless it was issued already; true when this run issued it. */
async function issueForClient(client: ClientItem, now: Date): Promise<boolean> {
  const { agencyId } = client;
  const billing = billingOf(client);
  if (!billing.retainer) return false;
  const { period, start, previousStart } = periodIn(now, client.timeZone);
  const taken = await Uniqueness.isClaimed({ agencyId, scope: "retainer-period", value: `${client.clientId}#${period}` });
  if (taken) return false;
  const lastMonth = (await Timesheet.unbilledItems(agencyId, client.clientId))
    .filter((entry) => entry.startedAt >= previousStart.toISOString() && entry.startedAt < start.toISOString())
    .slice(0, MAX_ENTRIES);
  const increment = lastMonth.length ? await incrementFor(client) : Money.EXACT_MINUTE;
  const minutes = lastMonth.reduce((sum, entry) => sum + Money.billedMinutes(entry.minutes, increment), 0);
  const overage = Math.max(0, minutes - billing.retainer.includedMinutes);
  const monthName = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: client.timeZone }).format(new Date(start.getTime() + 86_400_000));
  const lines: InvoiceLine[] = [
    {
      kind: "retainer",
      description: `Retainer for ${monthName} (${Math.round(billing.retainer.includedMinutes / 60)} h included)`,
      text: { key: "retainer" as const, period, hours: Math.round(billing.retainer.includedMinutes / 60) },
      quantity: 1,
      unitAmount: billing.retainer.fee,
      amount: billing.retainer.fee,
    },
    ...(overage && billing.hourlyRate !== null
      ? [{ kind: "overage" as const, description: `Time beyond the included hours last month`, text: { key: "overage" as const }, quantity: overage, unitAmount: billing.hourlyRate, amount: Money.forMinutes(overage, billing.hourlyRate) }]
      : []),
  ];
  const sums = totals(lines, billing.taxRate);
  const invoiceId = createId("invoice");
  const result = await db.transaction
    .write(({ invoice, ...tx }) => [
      Uniqueness.claimItem(tx, { agencyId, scope: "retainer-period", value: `${client.clientId}#${period}`, ownerId: invoiceId }),
      invoice
        .create({
          agencyId,
          invoiceId,
          clientId: client.clientId,
          currency: client.currency,
          kind: "retainer",
          period,
          status: "draft",
          lines,
          ...sums,
          taxName: billing.taxName,
          taxRate: billing.taxRate,
          paymentTermsDays: billing.paymentTermsDays,
          entryCount: lastMonth.length,
        })
        .commit(),
      Audit.item(tx, Audit.event("invoice.drafted", "invoice", invoiceId, { client: client.name, period, retainer: true })),
      ...Timesheet.lockItems(tx, lastMonth, invoiceId),
    ])
    .go();
  if (result.canceled) return false; // Another run claimed this month (or the time moved): it is theirs.
  const draft = (await db.entities.invoice.get({ agencyId, invoiceId }).go({ consistent: true })).data!;
  await send({ version: draft.version }, invoiceId);
  return true;
}
