import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { billingOf } from "../client/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { db, type TransactionEntities } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { basisPoints, detailLine, minorAmount, type Page, idOf, calendarDate, checkDateRange, MAX_RANGE_DAYS, whole } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { Money, type BillingIncrement } from "../money/index.ts";
import { ServicePackages } from "../service-package/index.ts";
import { Timesheet } from "../timesheet/index.ts";
import type { TimeEntryItem } from "../timesheet/entity.ts";
import type { TimeEntry } from "../timesheet/index.ts";
import type { InvoiceItem } from "./entity.ts";
import { invoiceNumber, present, type Invoice, type InvoiceLine } from "./present.ts";
import { clientName, conflict, get, load, rule, type InvoiceDetail } from "./read.ts";
import { ClientStore } from "../client/store.ts";
import { AgencyStore } from "../agency/store.ts";

// Drafting: a draft bills one client in the client's currency and locks the time entries it
// bills (in the same transaction, so no entry is billed twice). Deleting a draft unlocks them.

/** DynamoDB writes at most 100 items in one transaction: the invoice, its audit event and the entries. */
export const MAX_ENTRIES = 95;

const isoDate = calendarDate;

const extraLine = z
  .strictObject({
    kind: z.enum(["package", "custom"], { error: "Choose a package or a custom line." }),
    /** A package from the library: its name, deliverables and price in the client's currency. */
    packageId: idOf("servicePackage", "Choose a package from the library.").optional(),
    description: z.string({ error: "Describe the line." }).trim().min(1, "Describe the line.").max(300, "Keep the description under 300 characters.").optional(),
    quantity: z.number({ error: "Enter the quantity." }).int("Use a whole quantity.").min(1, "The quantity is at least 1.").max(10_000),
    unitAmount: minorAmount.optional(),
  })
  .superRefine((line, ctx) => {
    if (line.packageId) return;
    if (!line.description) ctx.addIssue({ code: "custom", path: ["description"], message: "Describe the line." });
    if (line.unitAmount === undefined) ctx.addIssue({ code: "custom", path: ["unitAmount"], message: "Enter the price." });
  });

export const createSchema = z.strictObject({
  clientId: idOf("client", "Choose the client."),
  /** Bill the client's unbilled billable time (within the dates, if given). */
  includeTime: z.boolean().default(true),
  from: isoDate.optional(),
  to: isoDate.optional(),
  lines: z.array(extraLine).max(20, "Add at most 20 lines.").default([]),
  /**
   * A deposit invoice: `percent` (basis points; the client's deposit terms by default) of `of`
   * (minor units) — or, without `of`, of the lines above, which it then describes rather than bills.
   */
  deposit: z
    .strictObject({
      percent: basisPoints.refine((bp) => bp > 0, "The deposit must be more than 0%.").optional(),
      of: minorAmount.optional(),
      description: z.string().trim().min(1).max(300).optional(),
    })
    .optional(),
  /** Earlier deposit invoices of this client to take off this one (each only once). */
  deductDeposits: z.array(idOf("invoice", "Choose deposit invoices of this client.")).max(10, "Take off at most 10 deposits.").default([]),
  notes: z.string().trim().max(2000, "Keep the notes under 2,000 characters.").optional(),
  purchaseOrder: detailLine(60, "Keep the purchase-order number under 60 characters."),
}).superRefine(checkDateRange(MAX_RANGE_DAYS));

/**
 * One time line per task (or per client for time without a task): the billed minutes at the
 * client's rate, each entry rounded by the billing increment before it is added.
 */
export function timeLines(entries: TimeEntryItem[], hourlyRate: number, increment: BillingIncrement = Money.EXACT_MINUTE): InvoiceLine[] {
  const groups = new Map<string, { description: string; minutes: number }>();
  for (const entry of [...entries].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    const group = groups.get(entry.taskId) ?? { description: entry.label, minutes: 0 };
    group.minutes += Money.billedMinutes(entry.minutes, increment);
    groups.set(entry.taskId, group);
  }
  return [...groups.values()].map((group) => ({
    kind: "time" as const,
    description: group.description,
    quantity: group.minutes,
    unitAmount: hourlyRate,
    amount: Money.forMinutes(group.minutes, hourlyRate),
  }));
}

/** The rule a client's time is billed by: its own, else its agency's, else the exact minute. */
export async function incrementFor(client: ClientItem): Promise<BillingIncrement> {
  const own = Money.incrementOf(client);
  if (own) return own;
  const agency = (await AgencyStore.load(client.agencyId));
  return Money.incrementOf(agency) ?? Money.EXACT_MINUTE;
}

export function totals(lines: InvoiceLine[], taxRate: number) {
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const tax = Money.percentOf(subtotal, taxRate);
  return { subtotal, tax, total: subtotal + tax };
}


async function loadClient(agencyId: string, clientId: string): Promise<ClientItem> {
  const client = isId("client", clientId) ? (await ClientStore.load(agencyId, clientId, { consistent: true })) : null;
  if (!client) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { clientId: "Choose one of your clients." } });
  return client;
}


type ExtraLine = z.output<typeof extraLine>;

/** Custom lines as given; package lines priced from the library in the client's currency. */
async function extraLines(agencyId: string, currency: string, lines: ExtraLine[]): Promise<InvoiceLine[]> {
  return Promise.all(
    lines.map((line, index) =>
      line.packageId
        ? ServicePackages.lineFor(agencyId, line.packageId, currency, line.quantity, `lines.${index}.packageId`)
        : { kind: line.kind, description: line.description!, quantity: line.quantity, unitAmount: line.unitAmount!, amount: line.quantity * line.unitAmount! },
    ),
  );
}

/** The one line of a deposit invoice: a share of `of`, or of the lines it is a deposit for. */
function depositLine(deposit: NonNullable<z.output<typeof createSchema>["deposit"]>, lines: InvoiceLine[], clientRate: number): InvoiceLine {
  const percent = deposit.percent ?? clientRate;
  if (!percent) throw rule("invoice.no_deposit_rate", "Enter the deposit percentage, or set the client's deposit terms.", { "deposit.percent": "Enter the deposit percentage." });
  const base = deposit.of ?? lines.reduce((sum, line) => sum + line.amount, 0);
  if (!base) throw rule("invoice.empty", "Add the package or amount the deposit is for.", { "deposit.of": "Enter the amount the deposit is a share of." });
  const share = `${percent % 100 ? (percent / 100).toFixed(2) : percent / 100}%`;
  const items = lines.map((line) => (line.quantity > 1 ? `${line.quantity} × ${line.description}` : line.description)).join("; ").slice(0, 300);
  const description = deposit.description ?? `${share} deposit${lines.length ? `: ${items}` : ""}`;
  const amount = Money.percentOf(base, percent);
  // A description the owner typed is theirs; the one Baton writes reads in each reader's language.
  const text = deposit.description ? {} : { text: lines.length ? { key: "depositFor" as const, percent, items } : { key: "deposit" as const, percent } };
  return { kind: "custom", description: description.slice(0, 300), quantity: 1, unitAmount: amount, amount, ...text };
}

/** The client's issued deposit invoices named to be taken off, each not yet taken off another. */
async function depositsToDeduct(agencyId: string, clientId: string, invoiceIds: string[]): Promise<InvoiceItem[]> {
  const unique = [...new Set(invoiceIds)];
  const found = await Promise.all(unique.map((invoiceId) => load(agencyId, invoiceId)));
  return found.map((item, index) => {
    const fail = (message: string) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [`deductDeposits.${index}`]: message } });
    if (!item || item.clientId !== clientId || item.kind !== "deposit") throw fail("Choose one of this client's deposit invoices.");
    if (item.status === "draft" || item.status === "void") throw fail(`Deposit ${invoiceNumber(item.number) ?? "draft"} isn't issued; send it first.`);
    if (item.deductedOn) throw fail(`Deposit ${invoiceNumber(item.number)} is already taken off another invoice.`);
    return item;
  });
}

/** A client's unbilled time and the rule it will be billed by (the new-invoice form's preview). */
export const unbilledTime = fn(Timesheet.unbilledSchema, async (query): Promise<Page<TimeEntry> & { increment: BillingIncrement }> => {
  const agencyId = assertOwner();
  const items = await Timesheet.unbilled(query);
  const client = (await ClientStore.load(agencyId, query.clientId));
  if (!client) throw notFound("Client");
  return { ...whole(items), increment: await incrementFor(client) };
});

/** A client's deposit invoices not yet taken off an invoice, for the new-invoice form. */
export const openDeposits = fn(z.strictObject({ clientId: z.string().max(40) }), async ({ clientId }): Promise<Invoice[]> => {
  const agencyId = assertOwner();
  if (!isId("client", clientId)) return [];
  const result = await db.entities.invoice.query
    .invoicesOfClient({ agencyId, clientId })
    .where((attr, op) => `${op.eq(attr.kind, "deposit")} AND ${op.notExists(attr.deductedOn)} AND ${op.ne(attr.status, "draft")} AND ${op.ne(attr.status, "void")}`)
    .go({ pages: "all" });
  const name = await clientName(agencyId, clientId);
  return result.data.map((item) => present(item, name));
});

/** Drafts an invoice from unbilled time and/or other lines, locking the time it bills. */
export const create = fn(createSchema, async (input): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  const client = await loadClient(agencyId, input.clientId);
  const billing = billingOf(client);
  // A deposit invoice bills only its deposit: unbilled time waits for the next invoice.
  const entries = input.includeTime && !input.deposit ? await Timesheet.unbilledItems(agencyId, client.clientId, input.from, input.to) : [];
  if (entries.length && billing.hourlyRate === null) {
    throw rule("invoice.no_rate", `Set ${client.name}'s hourly rate before invoicing their time.`);
  }
  if (entries.length > MAX_ENTRIES) {
    throw rule("invoice.too_many_entries", `That is ${entries.length} time entries; one invoice takes at most ${MAX_ENTRIES}. Choose a shorter period.`, {
      to: `Choose an earlier end date (at most ${MAX_ENTRIES} entries).`,
    });
  }
  const extra = await extraLines(agencyId, client.currency, input.lines);
  const deposits = await depositsToDeduct(agencyId, client.clientId, input.deductDeposits);
  const lines: InvoiceLine[] = [
    ...timeLines(entries, billing.hourlyRate ?? 0, entries.length ? await incrementFor(client) : undefined),
    ...(input.deposit ? [depositLine(input.deposit, extra, billing.depositRate)] : extra),
    ...deposits.map((deposit) => ({
      kind: "deposit" as const,
      description: `Less deposit ${invoiceNumber(deposit.number)}`,
      text: { key: "lessDeposit" as const, number: invoiceNumber(deposit.number) ?? "" },
      quantity: 1,
      unitAmount: -deposit.subtotal,
      amount: -deposit.subtotal,
    })),
  ];
  if (!lines.length) throw rule("invoice.empty", "There is nothing to invoice: no unbilled time in that period and no other lines.");
  if (lines.reduce((sum, line) => sum + line.amount, 0) < 0) {
    throw rule("invoice.negative", "The deposits taken off are more than this invoice. Add the work they were for, or take off fewer deposits.", { deductDeposits: "Take off fewer deposits." });
  }
  const sums = totals(lines, billing.taxRate);
  if (sums.total > Money.MAX_MINOR) throw rule("invoice.too_large", "That invoice total is too large.");
  const invoiceId = createId("invoice");
  const result = await db.transaction
    .write(({ invoice, ...tx }) => [
      invoice
        .create({
          agencyId,
          invoiceId,
          clientId: client.clientId,
          currency: client.currency,
          kind: input.deposit ? "deposit" : "standard",
          status: "draft",
          lines,
          ...sums,
          taxName: billing.taxName,
          taxRate: billing.taxRate,
          paymentTermsDays: billing.paymentTermsDays,
          entryCount: entries.length,
          depositIds: deposits.map((deposit) => deposit.invoiceId),
          ...(input.notes ? { notes: input.notes } : {}),
          ...(input.purchaseOrder ? { purchaseOrder: input.purchaseOrder } : {}),
        })
        .commit(),
      ...deposits.map((deposit) =>
        invoice
          .patch({ agencyId, invoiceId: deposit.invoiceId })
          .set({ deductedOn: invoiceId })
          .where((attr, op) => `${op.notExists(attr.deductedOn)} AND ${op.ne(attr.status, "void")}`)
          .commit(),
      ),
      Audit.item(tx, Audit.event("invoice.drafted", "invoice", invoiceId, { client: client.name, total: sums.total, currency: client.currency })),
      ...Timesheet.lockItems(tx, entries, invoiceId),
    ])
    .go();
  if (failedConditions(result).length) {
    throw new VisibleError("conflict", "invoice.time_changed", "Some of this time or a deposit changed while the invoice was being made. Review them and try again.");
  }
  // What GET /invoices/:id answers: the draft, its (no) payments and how it will be paid.
  return get(invoiceId);
});

/** The entries of `invoice` go back to unbilled, in the same transaction as `write`. */
export function releaseEntries(entries: TimeEntryItem[]) {
  return (tx: Pick<TransactionEntities, "timeEntry">) => Timesheet.releaseItems(tx, entries);
}

/** The deposits `item` took off can be taken off another invoice again, in the same transaction. */
export function releaseDeposits(item: InvoiceItem) {
  return ({ invoice }: Pick<TransactionEntities, "invoice">) =>
    (item.depositIds ?? []).map((depositId) =>
      invoice
        .patch({ agencyId: item.agencyId, invoiceId: depositId })
        .remove(["deductedOn"])
        .where((attr, op) => op.eq(attr.deductedOn, item.invoiceId))
        .commit(),
    );
}
/** Deletes a draft; its time is unbilled again. */
export const removeDraft = fn(z.strictObject({ version: z.coerce.number().int().min(1) }), async ({ version: expected }, invoiceId: string): Promise<void> => {
  const agencyId = assertOwner();
  const item = await load(agencyId, invoiceId);
  if (!item) throw notFound("Invoice");
  if (item.status !== "draft") throw rule("invoice.not_draft", "Only a draft can be deleted; void a sent invoice instead.");
  const entries = await Timesheet.onInvoice(agencyId, item.clientId, invoiceId);
  const result = await db.transaction
    .write((entities) => [
      entities.invoice
        .delete({ agencyId, invoiceId })
        .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.status, "draft")}`)
        .commit(),
      Audit.item(entities, Audit.event("invoice.deleted", "invoice", invoiceId, {})),
      ...releaseEntries(entries)(entities),
      ...releaseDeposits(item)(entities),
    ])
    .go();
  if (failedConditions(result).length) throw await conflict(agencyId, invoiceId);
});

