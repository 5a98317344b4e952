import { z } from "zod";
import { assertOwner, forbidden, unauthenticated, useActor, useAgencyId } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { billingOf } from "../client/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { Config } from "../config/index.ts";
import { staleWrite } from "../db/conflict.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { basisPoints, detailLine, minorAmount, paymentAmount, pageQuery, version, type Page, idOf, calendarDate, checkDateRange, instant, MAX_RANGE_DAYS, whole } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { readerLocale } from "../i18n/index.ts";
import { Money, type BillingIncrement } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import { People } from "../people/index.ts";
import { ServicePackages } from "../service-package/index.ts";
import { Timesheet, UNBILLED } from "../timesheet/index.ts";
import type { TimeEntryItem } from "../timesheet/entity.ts";
import type { TimeEntry } from "../timesheet/index.ts";
import { InvoiceStatuses, PaymentMethods, type InvoiceItem, type PaymentItem } from "./entity.ts";
import * as Csv from "./csv.ts";
import * as Credits from "./credit.ts";
import { printHtml } from "./print.ts";
import { billToOf, issuerOf, stampedParties, type BillTo, type Issuer } from "./parties.ts";
import { invoiceNumber, present, presentPayment, type Invoice, type InvoiceLine, type Payment } from "./present.ts";
import { Log } from "../log/index.ts";
import { todayIn } from "@baton/kernel/dates";
import { Metrics } from "../metrics/index.ts";

export * as Invoices from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";
export { InvoiceStatuses, PaymentMethods } from "./entity.ts";
export type { Invoice, InvoiceLine, Payment } from "./present.ts";
export { applyCredit, applyCreditSchema, creditsOfClient, refundCredit, refundCreditSchema, type ClientCredit } from "./credit.ts";

// Invoices bill one client in the client's currency. A draft locks the time entries it bills
// (in the same transaction, so no entry is billed twice); sending gives it the agency's next
// number (in the same transaction as the counter, so numbers have no gaps); payments add up to
// paid. Every change is conditional on the version the caller read.

/** DynamoDB writes at most 100 items in one transaction: the invoice, its audit event and the entries. */
export const MAX_ENTRIES = 95;

export type InvoiceDetail = Invoice & {
  payments: Payment[];
  /** How to pay without a card (the agency's instructions). */
  paymentInstructions: string | null;
  /** True when the client can pay by card (Stripe is configured and money is owed). */
  cardPayments: boolean;
  /** Who it is from and to: as stamped when sent, today's details on a draft. */
  agency: Issuer;
  billTo: BillTo;
};

async function load(agencyId: string, invoiceId: string): Promise<InvoiceItem | null> {
  if (!isId("invoice", invoiceId)) return null;
  return (await db.entities.invoice.get({ agencyId, invoiceId }).go({ consistent: true })).data;
}

/** The status index's sort value, which a status change must write again (items from before it default to the issue date). */
function issuedSortOf(item: InvoiceItem): string {
  return item.issuedSort && item.issuedSort !== "-" ? item.issuedSort : (item.issuedAt ?? "-");
}

async function clientName(agencyId: string, clientId: string) {
  return (await db.entities.client.get({ agencyId, clientId }).go()).data?.name ?? "";
}

/** An invoice the actor may see: the owner any, a contact their company's once sent. */
export async function loadVisible(invoiceId: string): Promise<InvoiceItem> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  if (actor.type === "member" && actor.role !== "owner") throw forbidden();
  const item = await load(actor.agencyId, invoiceId);
  if (!item) throw notFound("Invoice");
  if (actor.type === "contact" && (item.clientId !== actor.clientId || item.status === "draft")) throw notFound("Invoice");
  return item;
}

async function view(item: InvoiceItem): Promise<Invoice> {
  return present(item, await clientName(item.agencyId, item.clientId));
}

export async function get(invoiceId: string): Promise<InvoiceDetail> {
  const item = await loadVisible(invoiceId);
  const stamped = stampedParties(item);
  const [client, payments, agency] = await Promise.all([
    db.entities.client.get({ agencyId: item.agencyId, clientId: item.clientId }).go(),
    db.entities.payment.query.paymentsOfInvoice({ agencyId: item.agencyId, invoiceId }).go({ pages: "all" }),
    db.entities.agency.get({ agencyId: item.agencyId }).go(),
  ]);
  const invoice = present(item, client.data?.name ?? "");
  return {
    ...invoice,
    payments: payments.data.map(presentPayment).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    paymentInstructions: agency.data?.paymentInstructions ?? null,
    cardPayments: Boolean(Config.stripeSecretKey) && invoice.balance > 0 && invoice.status !== "void",
    agency: stamped.issuer ?? issuerOf(agency.data),
    billTo: stamped.billTo ?? (client.data ? billToOf(client.data) : { name: invoice.client.name, address: null, taxId: null }),
  };
}

export const listSchema = pageQuery.extend({
  status: z.enum([...InvoiceStatuses, "all"], { error: "Unknown status." }).optional(),
  clientId: z.string().max(40).optional(),
});

/** The owner's invoices (all, by status or by client), newest first; a contact's sent invoices. */
export const list = fn(listSchema, async (query): Promise<Page<Invoice>> => {
  const actor = useActor();
  const status = query.status === "all" ? undefined : query.status;
  const page = async (result: { data: InvoiceItem[]; cursor: string | null }) => {
    const byId = await People.clientNames(useAgencyId(), result.data.map((item) => item.clientId));
    return { items: result.data.map((item) => present(item, byId.get(item.clientId) ?? "")), cursor: result.cursor };
  };
  if (actor.type === "contact") {
    // A company never sees the agency's drafts, whatever it asks for.
    if (status === "draft") return { items: [], cursor: null };
    const base = db.entities.invoice.query.invoicesOfClient({ agencyId: actor.agencyId, clientId: actor.clientId });
    const wanted: InvoiceItem["status"][] = status ? [status] : ["sent", "partially_paid", "paid", "void"];
    return page(
      await base
        .where((attr, op) => wanted.map((value) => op.eq(attr.status, value)).join(" OR "))
        .go({ count: query.limit, cursor: query.cursor ?? null, order: "desc" }),
    );
  }
  const agencyId = assertOwner();
  if (query.clientId) {
    if (!isId("client", query.clientId)) return { items: [], cursor: null };
    const base = db.entities.invoice.query.invoicesOfClient({ agencyId, clientId: query.clientId });
    const filtered = status ? base.where((attr, op) => op.eq(attr.status, status)) : base;
    return page(await filtered.go({ count: query.limit, cursor: query.cursor ?? null, order: "desc" }));
  }
  if (status) return page(await db.entities.invoice.query.invoicesByStatus({ agencyId, status }).go({ limit: query.limit, cursor: query.cursor ?? null, order: "desc" }));
  return page(await db.entities.invoice.query.invoiceById({ agencyId }).go({ limit: query.limit, cursor: query.cursor ?? null, order: "desc" }));
});

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
  const agency = (await db.entities.agency.get({ agencyId: client.agencyId }).go()).data;
  return Money.incrementOf(agency) ?? Money.EXACT_MINUTE;
}

export function totals(lines: InvoiceLine[], taxRate: number) {
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  const tax = Money.percentOf(subtotal, taxRate);
  return { subtotal, tax, total: subtotal + tax };
}

const rule = (code: string, message: string, fields?: Record<string, string>) => new VisibleError("rule", code, message, fields ? { fields } : {});

async function loadClient(agencyId: string, clientId: string): Promise<ClientItem> {
  const client = isId("client", clientId) ? (await db.entities.client.get({ agencyId, clientId }).go({ consistent: true })).data : null;
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
  const client = (await db.entities.client.get({ agencyId, clientId: query.clientId }).go()).data;
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
    .write(({ invoice, timeEntry, auditEvent }) => [
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
      auditEvent.create(Audit.event("invoice.drafted", "invoice", invoiceId, { client: client.name, total: sums.total, currency: client.currency })).commit(),
      ...entries.map((entry) =>
        timeEntry
          .patch({ agencyId, entryId: entry.entryId })
          .set({ invoiceId, startedAt: entry.startedAt })
          .add({ version: 1 })
          .where((attr, op) => `${op.eq(attr.invoiceId, UNBILLED)} AND ${op.eq(attr.version, entry.version)}`)
          .commit(),
      ),
    ])
    .go();
  if (failedConditions(result).length) {
    throw new VisibleError("conflict", "invoice.time_changed", "Some of this time or a deposit changed while the invoice was being made. Review them and try again.");
  }
  // What GET /invoices/:id answers: the draft, its (no) payments and how it will be paid.
  return get(invoiceId);
});

/** The entries of `invoice` go back to unbilled, in the same transaction as `write`. */
function releaseEntries(entries: TimeEntryItem[]) {
  return ({ timeEntry }: Pick<Parameters<Parameters<typeof db.transaction.write>[0]>[0], "timeEntry">) =>
    entries.map((entry) =>
      timeEntry
        .patch({ agencyId: entry.agencyId, entryId: entry.entryId })
        .set({ invoiceId: UNBILLED, startedAt: entry.startedAt })
        .add({ version: 1 })
        .where((attr, op) => op.eq(attr.invoiceId, entry.invoiceId))
        .commit(),
    );
}

/** The deposits `item` took off can be taken off another invoice again, in the same transaction. */
function releaseDeposits(item: InvoiceItem) {
  return ({ invoice }: Pick<Parameters<Parameters<typeof db.transaction.write>[0]>[0], "invoice">) =>
    (item.depositIds ?? []).map((depositId) =>
      invoice
        .patch({ agencyId: item.agencyId, invoiceId: depositId })
        .remove(["deductedOn"])
        .where((attr, op) => op.eq(attr.deductedOn, item.invoiceId))
        .commit(),
    );
}

async function conflict(agencyId: string, invoiceId: string): Promise<VisibleError> {
  const current = await load(agencyId, invoiceId);
  return staleWrite("Invoice", current && (await view(current)));
}

export const versionSchema = z.strictObject({ version });

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
      entities.auditEvent.create(Audit.event("invoice.deleted", "invoice", invoiceId, {})).commit(),
      ...releaseEntries(entries)(entities),
      ...releaseDeposits(item)(entities),
    ])
    .go();
  if (failedConditions(result).length) throw await conflict(agencyId, invoiceId);
});

/**
 * Sends a draft: it takes the agency's next invoice number in the same transaction that bumps
 * the counter (conditional on the counter's value), so two sends never share a number and a
 * failed send leaves no gap. The client's contacts are emailed.
 */
export const send = fn(versionSchema, async ({ version: expected }, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  for (let attempt = 0; attempt < 30; attempt++) {
    // Others are taking numbers at the same moment: wait a little, a little longer each time.
    if (attempt) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(attempt, 5)));
    const [item, agency] = await Promise.all([load(agencyId, invoiceId), db.entities.agency.get({ agencyId }).go({ consistent: true })]);
    if (!item) throw notFound("Invoice");
    const client = (await db.entities.client.get({ agencyId, clientId: item.clientId }).go()).data;
    if (item.version !== expected) throw await conflict(agencyId, invoiceId);
    if (item.status !== "draft") throw new VisibleError("conflict", "invoice.not_draft", "This invoice has already been sent.", { current: await view(item) });
    const seq = agency.data?.invoiceSeq ?? 0;
    const issuedAt = new Date();
    const dueAt = new Date(issuedAt.getTime() + item.paymentTermsDays * 86_400_000).toISOString();
    const result = await db.transaction
      .write(({ agency: agencies, invoice, auditEvent }) => [
        agencies
          .patch({ agencyId })
          .set({ invoiceSeq: seq + 1 })
          .where((attr, op) => (seq ? op.eq(attr.invoiceSeq, seq) : `(${op.notExists(attr.invoiceSeq)} OR ${op.eq(attr.invoiceSeq, 0)})`))
          .commit(),
        invoice
          .patch({ agencyId, invoiceId })
          .set({
            number: seq + 1,
            status: "sent",
            issuedAt: issuedAt.toISOString(),
            issuedSort: issuedAt.toISOString(),
            dueAt,
            owing: "yes",
            owingSince: dueAt,
            // What the invoice says about both parties stays as it was issued.
            issuerJson: JSON.stringify(issuerOf(agency.data)),
            ...(client ? { billToJson: JSON.stringify(billToOf(client)) } : {}),
          })
          .add({ version: 1 })
          .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.status, "draft")}`)
          .commit(),
        auditEvent.create(Audit.event("invoice.sent", "invoice", invoiceId, { number: invoiceNumber(seq + 1) })).commit(),
      ])
      .go();
    const failed = failedConditions(result);
    if (!failed.length) {
      const sent = (await load(agencyId, invoiceId))!;
      await emailClient(sent, "invoiceSent");
      return get(invoiceId);
    }
    // Only the counter moved (another invoice was sent at the same moment): take the next number.
    if (failed.includes(1) || failed.length !== 1) {
      const current = await load(agencyId, invoiceId);
      if (current && current.version !== expected) throw await conflict(agencyId, invoiceId);
    }
  }
  throw new VisibleError("conflict", "conflict", "Invoices are being sent right now. Please try again.");
});

/**
 * Emails the client's contacts about an invoice: sent, overdue, or a receipt for a payment of
 * `paid`. These go out even to contacts who turned hand-off emails off.
 */
export async function emailClient(item: InvoiceItem, kind: "invoiceSent" | "invoiceReminder" | "paymentReceipt", paid?: number): Promise<void> {
  try {
    const [contacts, agency, { data: client }] = await Promise.all([
      Notify.contactsOf(item.agencyId, item.clientId),
      db.entities.agency.get({ agencyId: item.agencyId }).go(),
      db.entities.client.get({ agencyId: item.agencyId, clientId: item.clientId }).go(),
    ]);
    const people = contacts.filter((c) => c.status === "invited" || c.status === "active");
    // Billing addresses need no portal account; they read in the language of the client's people.
    const known = new Set(people.map((c) => c.email));
    const billing = (client?.billingEmails ?? [])
      .filter((address) => !known.has(address))
      .map((address) => ({ email: address, locale: people[0]?.locale ?? ("en" as const), timeZone: client?.timeZone ?? "UTC", contactId: undefined }));
    const readers = [...people, ...billing];
    const messages = readers.map((contact) => {
      const params = {
        agency: agency.data?.name ?? "Baton",
        number: invoiceNumber(item.number) ?? "",
        amount: Money.format(paid ?? item.total, item.currency, contact.locale),
        balance: Money.format(item.total - item.amountPaid, item.currency, contact.locale),
        due: new Intl.DateTimeFormat(contact.locale, { timeZone: contact.timeZone, dateStyle: "medium" }).format(new Date(item.dueAt ?? Date.now())),
      };
      const email = Email.notice({ locale: contact.locale, kind, params, url: Notify.links.portalInvoice(item.invoiceId) });
      return { to: contact.email, email, ids: { invoiceId: item.invoiceId, ...(contact.contactId ? { contactId: contact.contactId } : {}) } };
    });
    // Sending an invoice or recording a payment is a request (or Stripe's webhook): its emails are
    // kept in the outbox and sent after the response. A reminder is the scheduled job's: it sends
    // in small batches itself.
    if (kind === "invoiceSent" || kind === "paymentReceipt") await Email.later(messages);
    else await Email.sendAll(messages, `invoice: ${kind}`);
  } catch (error) {
    Log.error(`invoice: ${kind} email not sent`, error, { invoiceId: item.invoiceId });
  }
}

export const voidSchema = z.strictObject({ version, reason: z.string().trim().max(500).optional() });

/** Voids a sent invoice nobody has paid anything on; its time is unbilled again. */
export const voidInvoice = fn(voidSchema, async ({ version: expected, reason }, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  const item = await load(agencyId, invoiceId);
  if (!item) throw notFound("Invoice");
  if (item.status === "draft") throw rule("invoice.draft", "Delete a draft instead of voiding it.");
  if (item.deductedOn) {
    const on = await load(agencyId, item.deductedOn);
    throw rule("invoice.deposit_taken", `This deposit is taken off ${invoiceNumber(on?.number ?? 0) ?? "a draft invoice"}; delete or void that invoice first.`);
  }
  if (item.amountPaid > 0 || item.status === "void") throw rule("invoice.cannot_void", item.status === "void" ? "This invoice is already void." : "Money was paid on this invoice, so it can't be voided.");
  const entries = await Timesheet.onInvoice(agencyId, item.clientId, invoiceId);
  const result = await db.transaction
    .write((entities) => [
      entities.invoice
        .patch({ agencyId, invoiceId })
        .set({ status: "void", issuedSort: issuedSortOf(item), voidedAt: new Date().toISOString(), owing: "no", owingSince: "-" })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.amountPaid, 0)} AND ${op.notExists(attr.deductedOn)}`)
        .commit(),
      entities.auditEvent.create(Audit.event("invoice.voided", "invoice", invoiceId, { reason: reason ?? null })).commit(),
      ...releaseEntries(entries)(entities),
      ...releaseDeposits(item)(entities),
    ])
    .go();
  if (failedConditions(result).length) throw await conflict(agencyId, invoiceId);
  return get(invoiceId);
});

export const paymentSchema = z.strictObject({
  // Up to a whole invoice's total (which may exceed any single input amount).
  amount: paymentAmount.refine((amount) => amount > 0, "Enter the amount received."),
  method: z.enum(PaymentMethods, { error: "Choose how it was paid." }),
  reference: z.string().trim().max(200, "Keep the reference under 200 characters.").optional(),
  receivedAt: instant("Choose when it was received.").optional(),
});

/** The owner records money received by transfer, Wise, PayPal or cash. */
export const recordPayment = fn(paymentSchema, async (input, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  await applyPayment({ agencyId, invoiceId, paymentId: createId("payment"), amount: input.amount, method: input.method, reference: input.reference, receivedAt: input.receivedAt, recordedBy: useActor().type === "member" ? (useActor() as { memberId: string }).memberId : "api" });
  return get(invoiceId);
});

export type PaymentInput = {
  agencyId: string;
  invoiceId: string;
  /** The same id for the same payment (e.g. from the Stripe event): a second attempt changes nothing. */
  paymentId: string;
  amount: number;
  currency?: string;
  method: PaymentItem["method"];
  reference?: string | undefined;
  receivedAt?: string | undefined;
  recordedBy: string;
  /** Money already taken (a card payment): recorded even if it is more than the balance. */
  alreadyTaken?: boolean;
};

/**
 * Records a payment and adds it to the invoice in one transaction: the payment is created only
 * if its id is new, and the invoice only moves from the version read. A replayed payment is a
 * no-op ("duplicate"); a concurrent one re-reads and tries again.
 */
export async function applyPayment(input: PaymentInput): Promise<"recorded" | "duplicate"> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const item = await load(input.agencyId, input.invoiceId);
    if (!item) throw notFound("Invoice");
    const existing = await db.entities.payment.get({ agencyId: input.agencyId, invoiceId: input.invoiceId, paymentId: input.paymentId }).go({ consistent: true });
    if (existing.data) return "duplicate";
    // Card money taken on an invoice voided while its checkout was open: kept, as a credit.
    if (item.status === "void" && input.alreadyTaken) return Credits.receiveOnVoid(item, input);
    if (item.status === "draft" || item.status === "void") throw rule("invoice.not_payable", item.status === "draft" ? "Send the invoice before recording payments." : "This invoice is void.");
    if (input.currency && input.currency.toUpperCase() !== item.currency) throw rule("payment.currency", `This invoice is in ${item.currency}.`);
    const balance = item.total - item.amountPaid;
    if (input.amount > balance && !input.alreadyTaken) {
      throw new VisibleError("validation", "validation_failed", "Some fields need attention.", {
        fields: { amount: balance ? `At most the balance due: ${Money.toMajorString(balance, item.currency)} ${item.currency}.` : "This invoice is already paid." },
      });
    }
    const paid = item.amountPaid + input.amount;
    const full = paid >= item.total;
    const now = new Date().toISOString();
    const result = await db.transaction
      .write(({ payment, invoice, auditEvent }) => [
        payment
          .create({
            agencyId: input.agencyId,
            invoiceId: input.invoiceId,
            paymentId: input.paymentId,
            amount: input.amount,
            currency: item.currency,
            method: input.method,
            ...(input.reference ? { reference: input.reference } : {}),
            receivedAt: input.receivedAt ?? now,
            recordedBy: input.recordedBy,
          })
          .commit(),
        invoice
          .patch({ agencyId: input.agencyId, invoiceId: input.invoiceId })
          .set({ amountPaid: paid, status: full ? "paid" : "partially_paid", issuedSort: issuedSortOf(item), owing: full ? "no" : "yes", owingSince: full ? "-" : item.owingSince, ...(full ? { paidAt: now } : {}) })
          .add({ version: 1 })
          .where((attr, op) => op.eq(attr.version, item.version))
          .commit(),
        auditEvent.create(Audit.event("invoice.payment", "invoice", input.invoiceId, { amount: input.amount, currency: item.currency, method: input.method })).commit(),
      ])
      .go();
    const failed = failedConditions(result);
    if (!failed.length) {
      Metrics.count(Metrics.Names.paymentsRecorded, { Method: input.method });
      const saved = (await load(input.agencyId, input.invoiceId))!;
      await notifyOwners(saved, input.amount);
      // Every payment, by hand or by card, gets the client a receipt with what is still owed.
      await emailClient(saved, "paymentReceipt", input.amount);
      return "recorded";
    }
  }
  throw new VisibleError("conflict", "conflict", "Payments for this invoice are being recorded right now. Please try again.");
}

async function notifyOwners(item: InvoiceItem, amount: number) {
  const name = await clientName(item.agencyId, item.clientId);
  await Notify.send(
    item.agencyId,
    "paymentReceived",
    await Notify.owners(item.agencyId),
    (person) => ({
      client: name,
      number: invoiceNumber(item.number) ?? "",
      amount: Money.format(amount, item.currency, person.locale),
      balance: Money.format(item.total - item.amountPaid, item.currency, person.locale),
    }),
    Notify.links.webInvoice(item.invoiceId),
  );
}

export { load as loadInvoice };

/** The print-ready page of an invoice, in the viewer's language and time zone. */
export async function printPage(invoiceId: string): Promise<string> {
  const detail = await get(invoiceId);
  const actor = useActor();
  const viewer =
    actor.type === "member"
      ? (await db.entities.member.get({ agencyId: actor.agencyId, memberId: actor.memberId }).go()).data
      : actor.type === "contact"
        ? (await db.entities.contact.get({ agencyId: actor.agencyId, contactId: actor.contactId }).go()).data
        : null;
  return printHtml(detail, { locale: viewer?.locale ?? readerLocale(), timeZone: viewer?.timeZone ?? "UTC" });
}

/** Statuses of an issued invoice that counts: sent, partly or fully paid (not drafts, not void). */
export const ISSUED_STATUSES = ["sent", "partially_paid", "paid"] as const;

/** Invoices issued within [from, to] (ISO instants), not void: one range query per status. */
export async function issuedBetween(agencyId: string, from: string, to: string): Promise<InvoiceItem[]> {
  const pages = await Promise.all(
    ISSUED_STATUSES.map((status) =>
      db.entities.invoice.query.invoicesByStatus({ agencyId, status }).between({ issuedSort: from }, { issuedSort: to }).go({ pages: "all" }),
    ),
  );
  return pages.flatMap((page) => page.data);
}

/** Invoices with money owed (sent or partly paid), whenever issued. */
export async function owed(agencyId: string): Promise<InvoiceItem[]> {
  const pages = await Promise.all(
    (["sent", "partially_paid"] as const).map((status) => db.entities.invoice.query.invoicesByStatus({ agencyId, status }).go({ pages: "all" })),
  );
  return pages.flatMap((page) => page.data);
}

export const exportSchema = z.strictObject({
  format: z.enum(["quickbooks", "xero"], { error: "Choose quickbooks or xero." }).default("quickbooks"),
  from: isoDate.optional(),
  to: isoDate.optional(),
}).superRefine(checkDateRange(MAX_RANGE_DAYS));

/** Sent invoices (not drafts or void), issued within the dates, as a CSV the accounting tool imports. */
export const exportInvoices = fn(exportSchema, async (query): Promise<string> => {
  const agencyId = assertOwner();
  const issued = await issuedBetween(agencyId, query.from ? `${query.from}T00:00:00.000Z` : "0", query.to ? `${query.to}T23:59:59.999Z` : "9");
  const names = await People.clientNames(agencyId, issued.map((item) => item.clientId));
  const named = issued.sort((a, b) => a.number - b.number).map((item) => ({ ...item, clientName: names.get(item.clientId) ?? "" }));
  return query.format === "xero" ? Csv.xero(named) : Csv.quickbooks(named);
});

export const timeExportSchema = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }).superRefine(checkDateRange(MAX_RANGE_DAYS));

/** Every member's time within the dates (UTC; this month so far by default), as CSV. */
export const exportTime = fn(timeExportSchema, async (range): Promise<string> => {
  const agencyId = assertOwner();
  const today = todayIn("UTC");
  const query = { from: range.from ?? `${today.slice(0, 8)}01`, to: range.to ?? today };
  // With one end left to its default, the span is checked here (the schema checks a given pair).
  const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 + 1;
  if (days < 1) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { to: "End on or after the start date." } });
  if (days > MAX_RANGE_DAYS) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { from: `Choose at most ${MAX_RANGE_DAYS} days.` } });
  const team = await People.team(agencyId);
  const entries = await Timesheet.teamTimeBetween(agencyId, [...team.keys()], `${query.from}T00:00:00.000Z`, `${query.to}T23:59:59.999Z`);
  const names = { team, clients: await People.clientNames(agencyId, entries.map((entry) => entry.clientId)) };
  const onInvoices = [...new Set(entries.map((e) => e.invoiceId).filter((id) => id !== UNBILLED))];
  const invoices = await Promise.all(onInvoices.map((invoiceId) => load(agencyId, invoiceId)));
  const numbers = new Map(onInvoices.map((invoiceId, index) => [invoiceId, invoiceNumber(invoices[index]?.number ?? 0) ?? "draft"]));
  const rows = [Csv.csvRow(Csv.TIME_HEADER)];
  for (const entry of entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt))) {
    rows.push(
      Csv.csvRow([
        entry.startedAt.slice(0, 10),
        names.team.get(entry.memberId)?.name ?? "",
        names.clients.get(entry.clientId) ?? "",
        entry.taskId === "none" ? "" : entry.label,
        entry.minutes,
        (entry.minutes / 60).toFixed(2),
        entry.billable ? "yes" : "no",
        entry.note ?? "",
        entry.invoiceId === UNBILLED ? "" : (numbers.get(entry.invoiceId) ?? ""),
      ]),
    );
  }
  return rows.join("\r\n") + "\r\n";
});
export * as MoneyJobs from "./jobs.ts";
