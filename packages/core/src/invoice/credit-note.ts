import { z } from "zod";
import { assertOwner, useActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { currency, minorAmount, oneLine, version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import { Log } from "../log/index.ts";
import { Money } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import type { CreditNoteItem, InvoiceItem } from "./entity.ts";
import { readersOf } from "./issue.ts";
import { balanceOf, creditNoteNumber, invoiceNumber, lineCreditLeft } from "./present.ts";
import { conflict, get, issuedSortOf, load, loadVisible, rule, type InvoiceDetail } from "./read.ts";
import { owingState } from "./owing.ts";

// Credit notes: a sent invoice is what the client has, so it is corrected by a credit note rather
// than edited. The owner credits lines or an amount with a reason; the note takes the agency's
// next credit note number (its own gapless sequence, in the same transaction as its counter),
// keeps the invoice's currency and tax, and takes what it credits off what the invoice owes —
// never more than the invoice has left to credit. The client's readers get it as a PDF.

const creditLine = z.strictObject({
  description: z.string({ error: "Describe what is credited." }).overwrite(oneLine).pipe(z.string().min(1, "Describe what is credited.").max(300, "Keep the description under 300 characters.")),
  /** Before tax, in minor units. */
  amount: minorAmount.refine((amount) => amount > 0, "Enter an amount above 0."),
  /** The invoice line it credits (its place, from 0): then never more than that line has left. */
  line: z.number({ error: "Choose a line of the invoice." }).int("Choose a line of the invoice.").min(0, "Choose a line of the invoice.").max(999, "Choose a line of the invoice.").optional(),
});

export const creditNoteSchema = z
  .strictObject({
    version,
    reason: z.string({ error: "Say why the invoice is credited." }).overwrite(oneLine).pipe(z.string().min(1, "Say why the invoice is credited.").max(500, "Keep the reason under 500 characters.")),
    /** What to credit, tax included (in minor units) — or `lines` before tax. */
    amount: minorAmount.refine((amount) => amount > 0, "Enter an amount above 0.").optional(),
    lines: z.array(creditLine).min(1, "Add a line to credit.").max(20, "Credit at most 20 lines.").optional(),
    /** The currency the caller means; a credit note is always in its invoice's. */
    currency: currency.optional(),
  })
  .superRefine((input, ctx) => {
    if ((input.amount === undefined) === (input.lines === undefined)) ctx.addIssue({ code: "custom", path: ["amount"], message: "Credit either an amount or lines." });
  });

/** Lines that name an invoice line credit at most what that line has left: the first that doesn't is answered by its field. */
async function checkLines(item: InvoiceItem, lines: NonNullable<z.output<typeof creditNoteSchema>["lines"]>): Promise<void> {
  if (!lines.some((line) => line.line !== undefined)) return;
  const notes = await db.entities.creditNote.query.creditNotesOfInvoice({ agencyId: item.agencyId, invoiceId: item.invoiceId }).go({ pages: "all" });
  const left = lineCreditLeft(item, notes.data);
  const asked = new Map<number, number>();
  const fields: Record<string, string> = {};
  lines.forEach((line, index) => {
    if (line.line === undefined) return;
    if (line.line >= item.lines.length || item.lines[line.line]!.amount <= 0) {
      fields[`lines.${index}.line`] = "Choose a line of the invoice.";
      return;
    }
    const total = (asked.get(line.line) ?? 0) + line.amount;
    asked.set(line.line, total);
    if (total > left[line.line]!) fields[`lines.${index}.amount`] = `At most ${Money.toMajorString(left[line.line]!, item.currency)} ${item.currency} is left to credit on this line.`;
  });
  if (Object.keys(fields).length) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields });
}

/** The credit note's lines and sums, in the invoice's tax: a whole amount is split into before tax and tax. */
function sumsOf(item: InvoiceItem, input: z.output<typeof creditNoteSchema>) {
  const left = item.total - (item.credited ?? 0);
  const subtotalLeft = item.subtotal - (item.creditedSubtotal ?? 0);
  const lines = input.lines ?? [{ description: input.reason, amount: 0 }];
  let subtotal: number;
  let tax: number;
  if (input.lines) {
    subtotal = input.lines.reduce((sum, line) => sum + line.amount, 0);
    tax = Money.percentOf(subtotal, item.taxRate);
  } else {
    const total = input.amount!;
    // The part before tax, so that it plus its tax is the amount.
    subtotal = Math.round((total * 10_000) / (10_000 + item.taxRate));
    tax = total - subtotal;
    lines[0]!.amount = subtotal;
  }
  let total = subtotal + tax;
  // Crediting all that is left takes off exactly what is left, however the tax's rounding fell.
  if (input.lines ? subtotal === subtotalLeft : total === left) {
    total = left;
    subtotal = subtotalLeft;
    tax = total - subtotal;
    if (!input.lines) lines[0]!.amount = subtotal;
  }
  return { lines, subtotal, tax, total, left };
}

/**
 * Issues a credit note against a sent (or paid) invoice from the version read. It takes the
 * agency's next credit note number in the same transaction that bumps the counter and adds it to
 * the invoice (on condition of the version), so two notes at once never over-credit an invoice
 * nor share a number; only the counter moving (a note on another invoice) is retried.
 */
export const issueCreditNote = fn(creditNoteSchema, async (input, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  const actor = useActor();
  for (let attempt = 0; attempt < 30; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(attempt, 5)));
    const [item, counter] = await Promise.all([load(agencyId, invoiceId), db.entities.creditNoteCounter.get({ agencyId }).go({ consistent: true })]);
    if (!item) throw notFound("Invoice");
    if (item.version !== input.version) throw await conflict(agencyId, invoiceId);
    if (item.status === "draft") throw rule("creditNote.draft", "A draft is edited, not credited: edit the draft instead.");
    if (item.status === "void") throw rule("creditNote.void", "This invoice is void: there is nothing to credit.");
    const field = (name: string, message: string) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [name]: message } });
    if (input.currency && input.currency !== item.currency) throw field("currency", `A credit note is in its invoice's currency: ${item.currency}.`);
    if (input.lines) await checkLines(item, input.lines);
    const sums = sumsOf(item, input);
    if (sums.left <= 0) throw rule("creditNote.nothing_left", "This invoice is credited in full already.");
    if (sums.total > sums.left) throw field(input.lines ? "lines" : "amount", `At most ${Money.toMajorString(sums.left, item.currency)} ${item.currency} is left to credit on this invoice.`);
    const seq = counter.data?.seq ?? 0;
    const creditNoteId = createId("creditNote");
    const now = new Date().toISOString();
    const credited = (item.credited ?? 0) + sums.total;
    // What the credit took off may leave nothing owed: then the invoice is settled.
    const settled = balanceOf({ ...item, credited }) === 0 && item.status !== "paid";
    const note: CreditNoteItem = {
      agencyId,
      invoiceId,
      creditNoteId,
      clientId: item.clientId,
      number: seq + 1,
      currency: item.currency,
      lines: sums.lines,
      subtotal: sums.subtotal,
      taxName: item.taxName,
      taxRate: item.taxRate,
      tax: sums.tax,
      total: sums.total,
      reason: input.reason,
      issuedAt: now,
      issuedBy: actor.type === "member" ? actor.memberId : "api",
      createdAt: now,
      updatedAt: now,
    };
    const result = await db.transaction
      .write(({ creditNoteCounter, invoice, creditNote, ...tx }) => [
        seq
          ? creditNoteCounter.patch({ agencyId }).set({ seq: seq + 1 }).where((attr, op) => op.eq(attr.seq, seq)).commit()
          : creditNoteCounter.create({ agencyId, seq: 1 }).commit(),
        invoice
          .patch({ agencyId, invoiceId })
          .set({
            credited,
            creditedSubtotal: (item.creditedSubtotal ?? 0) + sums.subtotal,
            issuedSort: issuedSortOf(item),
            ...(settled ? { status: "paid" as const, paidAt: now, ...owingState(invoiceId, null) } : {}),
          })
          .add({ version: 1 })
          .where((attr, op) => op.eq(attr.version, input.version))
          .commit(),
        creditNote.create(note).commit(),
        Audit.item(tx, Audit.event("invoice.credit_note", "invoice", invoiceId, { number: creditNoteNumber(seq + 1), total: sums.total, currency: item.currency, reason: input.reason })),
      ])
      .go();
    const failed = failedConditions(result);
    if (!failed.length) {
      await emailCreditNote((await load(agencyId, invoiceId))!, note);
      return get(invoiceId);
    }
    // The invoice moved (another note, a payment): answer with it as it is now.
    if (failed.includes(1)) throw await conflict(agencyId, invoiceId);
  }
  throw new VisibleError("conflict", "conflict", "Credit notes are being issued right now. Please try again.");
});

/** One credit note of an invoice the actor may see (the owner any, a contact their company's). */
export async function loadCreditNote(invoiceId: string, creditNoteId: string): Promise<{ invoice: InvoiceItem; note: CreditNoteItem }> {
  const invoice = await loadVisible(invoiceId);
  const note = isId("creditNote", creditNoteId) ? (await db.entities.creditNote.get({ agencyId: invoice.agencyId, invoiceId, creditNoteId }).go()).data : null;
  if (!note) throw notFound("Credit note");
  return { invoice, note };
}

/** The client's contacts and billing addresses get the credit note, as a PDF in each reader's language. */
async function emailCreditNote(invoice: InvoiceItem, note: CreditNoteItem): Promise<void> {
  try {
    const { agency, client, readers, brand } = await readersOf(invoice);
    const { creditNoteAttacher } = await import("./pdf/attachment.ts");
    const pdf = creditNoteAttacher(invoice, note, { agency, client });
    const messages = await Promise.all(
      readers.map(async (reader) => {
        const params = {
          agency: brand?.name ?? "",
          number: creditNoteNumber(note.number),
          invoice: invoiceNumber(invoice.number) ?? "",
          amount: Money.format(note.total, note.currency, reader.locale),
          balance: Money.format(balanceOf(invoice), invoice.currency, reader.locale),
        };
        const email = Email.notice({ locale: reader.locale, kind: "creditNoteIssued", params, url: Notify.links.portalInvoice(invoice.invoiceId), brand });
        const attachment = await pdf(reader.locale, reader.timeZone);
        return {
          to: reader.email,
          email: attachment ? { ...email, attachments: [attachment] } : email,
          ids: { invoiceId: invoice.invoiceId, ...(reader.contactId ? { contactId: reader.contactId } : {}) },
        };
      }),
    );
    await Email.later(messages);
  } catch (error) {
    Log.error("invoice: credit note email not sent", error, { invoiceId: invoice.invoiceId, creditNoteId: note.creditNoteId });
  }
}
