import { SearchIndex } from "../search/write.ts";
import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { billingOf } from "../client/index.ts";
import type { ClientItem } from "../client/entity.ts";
import { db, type TransactionEntities } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { basisPoints, detailLine, detailLines, minorAmount, version, type Page, idOf, calendarDate, checkDateRange, MAX_RANGE_DAYS, whole } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { todayIn } from "@baton/kernel/dates";
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


/** A line already on the draft, by its place in `lines` as read; fields given replace its own. */
const keptLine = z.strictObject({
  index: z.number({ error: "Choose a line of this draft." }).int().min(0).max(200),
  description: z.string({ error: "Describe the line." }).trim().min(1, "Describe the line.").max(300, "Keep the description under 300 characters.").optional(),
  /** Minutes for a time line, units otherwise. */
  quantity: z.number({ error: "Enter the quantity." }).int("Use a whole quantity.").min(1, "The quantity is at least 1.").max(100_000).optional(),
  unitAmount: minorAmount.optional(),
});

export const editSchema = z.strictObject({
  version,
  /**
   * The draft's lines after the edit, in order: `{index}` keeps (and may change) a line it has,
   * a line without `index` is new. A line left out is removed; a time line removed unbills its time.
   */
  lines: z.array(z.union([keptLine, extraLine], { error: "Check the lines." })).min(1, "Keep at least one line.").max(60, "Keep at most 60 lines.").optional(),
  notes: detailLines(2000, "Keep the notes under 2,000 characters.").optional(),
  purchaseOrder: detailLine(60, "Keep the purchase-order number under 60 characters.").optional(),
  paymentTermsDays: z.number({ error: "Enter the payment terms in days." }).int("Use whole days.").min(0, "The terms can't be negative.").max(365, "Keep the terms under a year.").optional(),
  /** The date it is issued on (the agency's calendar); null or "" clears it (issued the day it is sent). */
  issueDate: z.union([calendarDate, z.literal("")]).nullable().optional(),
  /** The date it is due; null or "" clears it (due after the payment terms). Not before the issue date. */
  dueDate: z.union([calendarDate, z.literal("")]).nullable().optional(),
});

/**
 * Time lines come first on a draft, one per task in the order `timeLines` made them: the i-th
 * time line bills the i-th group of the entries still on the invoice.
 */
function timeGroups(entries: TimeEntryItem[]): TimeEntryItem[][] {
  const groups = new Map<string, TimeEntryItem[]>();
  for (const entry of [...entries].sort((a, b) => a.startedAt.localeCompare(b.startedAt))) groups.set(entry.taskId, [...(groups.get(entry.taskId) ?? []), entry]);
  return [...groups.values()];
}

/** Changes a draft (lines, notes, purchase order, terms) from the version read; totals are worked out again. */
export const editDraft = fn(editSchema, async (input, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  const item = await load(agencyId, invoiceId);
  if (!item) throw notFound("Invoice");
  // A sent invoice is what the client has: it changes by credit note or void, never by edit.
  if (item.status !== "draft" || item.version !== input.version) throw await conflict(agencyId, invoiceId);
  let lines = item.lines;
  let unlock: TimeEntryItem[] = [];
  if (input.lines) {
    const field = (index: number, name: string, message: string) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [`lines.${index}.${name}`]: message } });
    const kept = new Set<number>();
    const added = input.lines.filter((line) => !("index" in line));
    const extra = await extraLines(agencyId, item.currency, added as ExtraLine[]);
    let next = 0;
    lines = input.lines.map((line, at) => {
      if (!("index" in line)) return extra[next++]!;
      const old = item.lines[line.index];
      if (!old || kept.has(line.index)) throw field(at, "index", "Choose a line of this draft, once.");
      kept.add(line.index);
      if (old.kind === "deposit" && (line.quantity !== undefined || line.unitAmount !== undefined)) throw field(at, "unitAmount", "A deposit taken off keeps its amount.");
      if (old.kind === "time" && line.unitAmount !== undefined) throw field(at, "unitAmount", "Time is billed at the client's rate.");
      const quantity = line.quantity ?? old.quantity;
      const unitAmount = line.unitAmount ?? old.unitAmount;
      const changed = line.description !== undefined || line.quantity !== undefined || line.unitAmount !== undefined;
      const amount = !changed ? old.amount : old.kind === "time" ? Money.forMinutes(quantity, unitAmount) : quantity * unitAmount;
      // A line the owner rewrote is theirs: Baton's wording (`text`) goes with the change.
      const { text: _text, ...plain } = old;
      const description = line.description ?? old.description;
      return line.description !== undefined ? { ...plain, description, quantity, unitAmount, amount } : { ...old, quantity, unitAmount, amount };
    });
    const removed = item.lines.map((line, index) => ({ line, index })).filter(({ index }) => !kept.has(index));
    if (removed.some(({ line }) => line.kind === "deposit")) throw rule("invoice.deposit_line", "A deposit taken off can't be removed here; delete the draft to take it off no more.", { lines: "Keep the deposit lines." });
    const timeIndexes = item.lines.map((line, index) => (line.kind === "time" ? index : -1)).filter((index) => index >= 0);
    const removedTime = removed.filter(({ line }) => line.kind === "time");
    if (removedTime.length) {
      const groups = timeGroups(await Timesheet.onInvoice(agencyId, item.clientId, invoiceId));
      if (groups.length !== timeIndexes.length) throw rule("invoice.time_lines", "This draft's time lines no longer match its time; delete the draft and draft it again.");
      unlock = removedTime.flatMap(({ index }) => groups[timeIndexes.indexOf(index)]!);
    }
  }
  if (lines.reduce((sum, line) => sum + line.amount, 0) < 0) throw rule("invoice.negative", "The deposits taken off are more than this invoice.", { lines: "Add the work the deposits were for." });
  const sums = totals(lines, item.taxRate);
  if (sums.total > Money.MAX_MINOR) throw rule("invoice.too_large", "That invoice total is too large.");
  const issueDate = input.issueDate === undefined ? item.issueDate : input.issueDate || undefined;
  const dueDate = input.dueDate === undefined ? item.dueDate : input.dueDate || undefined;
  if (dueDate && (input.dueDate !== undefined || input.issueDate !== undefined)) {
    // Blank, it is issued the day it is sent: today at the earliest.
    const from = issueDate ?? todayIn((await AgencyStore.load(agencyId))?.timeZone ?? "UTC");
    if (dueDate < from) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { dueDate: issueDate ? "The due date can't be before the issue date." : "The due date can't be before today, the day it would be issued." } });
  }
  // An empty value clears: notes and the PO are removed rather than kept empty.
  const set: Partial<InvoiceItem> = { lines, ...sums, entryCount: item.entryCount - unlock.length, ...(input.paymentTermsDays !== undefined ? { paymentTermsDays: input.paymentTermsDays } : {}) };
  const remove: ("notes" | "purchaseOrder" | "issueDate" | "dueDate")[] = [];
  for (const name of ["notes", "purchaseOrder", "issueDate", "dueDate"] as const) {
    const value = input[name];
    if (value === undefined) continue;
    if (value) set[name] = value;
    else remove.push(name);
  }
  const result = await db.transaction
    .write((entities) => {
      let patch = entities.invoice.patch({ agencyId, invoiceId }).set(set);
      if (remove.length) patch = patch.remove(remove);
      return [
        patch
          .add({ version: 1 })
          .where((attr, op) => `${op.eq(attr.version, input.version)} AND ${op.eq(attr.status, "draft")}`)
          .commit(),
        Audit.item(entities, Audit.event("invoice.edited", "invoice", invoiceId, { total: sums.total, currency: item.currency, unbilled: unlock.length })),
        ...releaseEntries(unlock)(entities),
      ];
    })
    .go();
  if (failedConditions(result).length) throw await conflict(agencyId, invoiceId);
  // The draft's wording is what search finds it by: rewritten now, not first when it is sent.
  if (input.lines) {
    const edited = await load(agencyId, invoiceId);
    if (edited) await SearchIndex.invoice(edited);
  }
  return get(invoiceId);
});
