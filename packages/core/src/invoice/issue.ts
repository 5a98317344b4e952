import { z } from "zod";
import { record as recordEvent } from "../webhook/record.ts";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { Log } from "../log/index.ts";
import { Money } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import { invoiceReaders } from "../notify/preferences.ts";
import { invoiceRecipients } from "../contact/policy.ts";
import type { InvoiceItem } from "./entity.ts";
import { billToOf, issuerOf } from "./parties.ts";
import { balanceOf, invoiceNumber } from "./present.ts";
import { conflict, get, load, rule, view, type InvoiceDetail } from "./read.ts";
import { addDays, startOfDay, todayIn } from "@baton/kernel/dates";
import { ClientStore } from "../client/store.ts";
import { AgencyStore } from "../agency/store.ts";
import { Brand } from "../agency/brand/index.ts";
import { SearchIndex } from "../search/write.ts";
import { Rates } from "../rates/index.ts";
import { owingState } from "./owing.ts";

// Issuing: sending gives a draft the agency's next number (in the same transaction as the
// counter, so numbers have no gaps) and emails the client; the emails about an invoice go from here.

export const versionSchema = z.strictObject({ version });

/** Sending may carry the exchange rate to stamp (an invoice in another currency than the agency's); else the kept one is. */
export const sendSchema = versionSchema.extend({ rate: Rates.rateField.optional() });

/**
 * Sends a draft: it takes the agency's next invoice number in the same transaction that bumps
 * the counter (conditional on the counter's value), so two sends never share a number and a
 * failed send leaves no gap. The client's contacts are emailed.
 */
export const send = fn(sendSchema, async ({ version: expected, rate: entered }, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  for (let attempt = 0; attempt < 30; attempt++) {
    // Others are taking numbers at the same moment: wait a little, a little longer each time.
    if (attempt) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(attempt, 5)));
    const [item, agency] = await Promise.all([load(agencyId, invoiceId), AgencyStore.load(agencyId, { consistent: true })]);
    if (!item) throw notFound("Invoice");
    const client = (await ClientStore.load(agencyId, item.clientId));
    if (item.version !== expected) throw await conflict(agencyId, invoiceId);
    if (item.status !== "draft") throw new VisibleError("conflict", "invoice.not_draft", "This invoice has already been sent.", { current: await view(item) });
    const seq = agency?.invoiceSeq ?? 0;
    // Without a rate the invoice is still sent; the reports say it is not converted.
    const stamp = await Rates.stampFor(agencyId, item.currency, entered);
    const { issuedAt, dueAt } = datesOf(item, agency?.timeZone ?? "UTC");
    const result = await db.transaction
      .write(({ invoice, ...tx }) => [
        AgencyStore.invoiceNumberItem(tx, agencyId, seq),
        invoice
          .patch({ agencyId, invoiceId })
          .set({
            number: seq + 1,
            status: "sent",
            issuedAt: issuedAt.toISOString(),
            issuedSort: issuedAt.toISOString(),
            dueAt,
            ...owingState(invoiceId, dueAt),
            // What the invoice says about both parties stays as it was issued.
            issuerJson: JSON.stringify(issuerOf(agency)),
            ...(client ? { billToJson: JSON.stringify(billToOf(client)) } : {}),
            ...(stamp ? { rate: stamp.rate, rateTo: stamp.to, rateDate: stamp.date, rateSource: stamp.source } : {}),
          })
          .add({ version: 1 })
          .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.status, "draft")}`)
          .commit(),
        Audit.item(tx, Audit.event("invoice.sent", "invoice", invoiceId, { number: invoiceNumber(seq + 1) })),
      ])
      .go();
    const failed = failedConditions(result);
    if (!failed.length) {
      const sent = (await load(agencyId, invoiceId))!;
      // Its number is what search finds it by now.
      await SearchIndex.invoice(sent);
      await emailClient(sent, "invoiceSent");
      await recordEvent(agencyId, "invoice.sent", { id: invoiceId, clientId: sent.clientId });
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
 * Moves a sent invoice's issue and due dates `days` back, for demo history only (the local seed
 * makes invoices that were "sent weeks ago"); nothing a user does calls it.
 */
export async function backdate(agencyId: string, invoiceId: string, days: number): Promise<{ issuedAt: string; dueAt: string }> {
  const item = await load(agencyId, invoiceId);
  if (!item?.issuedAt || !item.dueAt) throw notFound("Invoice");
  const DAY = 24 * 3600_000;
  const issuedAt = new Date(Date.parse(item.issuedAt) - days * DAY).toISOString();
  const dueAt = new Date(Date.parse(item.dueAt) - days * DAY).toISOString();
  await db.entities.invoice
    .patch({ agencyId, invoiceId })
    .set({ status: item.status, issuedAt, issuedSort: issuedAt, dueAt, ...owingState(invoiceId, item.owing === "yes" ? dueAt : null) })
    .go();
  return { issuedAt, dueAt };
}

export const rateSchema = versionSchema.extend({ rate: Rates.rateField });

/**
 * Stamps the exchange rate on an invoice sent in another currency without one (none was kept nor
 * entered then), from the version read: the reports then convert it. A stamped rate stays as it
 * was issued; a draft takes its rate when sent.
 */
export const setRate = fn(rateSchema, async ({ version: expected, rate }, invoiceId: string): Promise<InvoiceDetail> => {
  const agencyId = assertOwner();
  const item = await load(agencyId, invoiceId);
  if (!item) throw notFound("Invoice");
  if (item.version !== expected) throw await conflict(agencyId, invoiceId);
  if (item.status === "draft") throw rule("invoice.rate_draft", "A draft takes its exchange rate when it is sent: enter it in the send step.");
  if (item.status === "void") throw rule("invoice.rate_void", "This invoice is void: reports don't count it.");
  if (item.rate) throw rule("invoice.rate_stamped", "This invoice already has its exchange rate, kept as it was issued.");
  const stamp = await Rates.stampFor(agencyId, item.currency, rate);
  if (!stamp) throw rule("invoice.rate_same_currency", "This invoice is in the agency's currency: it needs no exchange rate.");
  const result = await db.transaction
    .write(({ invoice, ...tx }) => [
      invoice
        .patch({ agencyId, invoiceId })
        .set({ rate: stamp.rate, rateTo: stamp.to, rateDate: stamp.date, rateSource: stamp.source })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.notExists(attr.rate)}`)
        .commit(),
      Audit.item(tx, Audit.event("invoice.rate_set", "invoice", invoiceId, { rate: stamp.rate, from: item.currency, to: stamp.to })),
    ])
    .go();
  if (failedConditions(result).length) throw await conflict(agencyId, invoiceId);
  return get(invoiceId);
});

/**
 * When a draft sent now is issued and due: its chosen dates (the issue date's noon and the due
 * date's last moment in the agency's zone), else now and its payment terms from now. A chosen
 * issue date of today is now. A due date the calendar has passed since it was chosen is refused.
 */
function datesOf(item: InvoiceItem, timeZone: string): { issuedAt: Date; dueAt: string } {
  const today = todayIn(timeZone);
  const issuedAt = item.issueDate && item.issueDate !== today ? new Date(startOfDay(item.issueDate, timeZone).getTime() + 12 * 3_600_000) : new Date();
  if (item.dueDate && item.dueDate < (item.issueDate ?? today)) {
    throw rule("invoice.due_before_issue", "The due date is before the day it would be issued: change it in the draft.", { dueDate: "The due date can't be before the issue date." });
  }
  const dueAt = item.dueDate ? new Date(startOfDay(addDays(item.dueDate, 1), timeZone).getTime() - 1).toISOString() : new Date(issuedAt.getTime() + item.paymentTermsDays * 86_400_000).toISOString();
  return { issuedAt, dueAt };
}

/**
 * Who reads what the agency sends about an invoice: the client's people chosen for invoices (else its admins), and
 * its billing addresses (no portal account needed; they read in the language of its people).
 */
export async function readersOf(item: InvoiceItem) {
  const [contacts, agency, client] = await Promise.all([
    Notify.contactsOf(item.agencyId, item.clientId),
    AgencyStore.load(item.agencyId),
    ClientStore.load(item.agencyId, item.clientId),
  ]);
  // The people the client chose for invoices, else its admins (contact/policy.ts).
  const current = invoiceRecipients(contacts);
  const known = new Set(current.map((c) => c.email));
  // Those who turned invoice emails off are left out, as long as someone else gets them.
  const people = invoiceReaders(current, (client?.billingEmails ?? []).filter((address) => !known.has(address)).length);
  const billing = (client?.billingEmails ?? [])
    .filter((address) => !known.has(address))
    .map((address) => ({ email: address, locale: people[0]?.locale ?? ("en" as const), timeZone: client?.timeZone ?? "UTC", contactId: undefined }));
  return { agency, client, readers: [...people, ...billing], brand: agency ? Brand.emailBrandOf(agency) : null };
}

/**
 * Emails the client's contacts about an invoice: sent, overdue, or a receipt for a payment of
 * `paid`. These go out even to contacts who turned hand-off emails off.
 */
export async function emailClient(item: InvoiceItem, kind: "invoiceSent" | "invoiceReminder" | "paymentReceipt", paid?: number): Promise<void> {
  try {
    const { agency, client, readers, brand } = await readersOf(item);
    // The invoice itself goes with the sent and reminder emails, as a PDF in each reader's language.
    const pdf = kind === "paymentReceipt" ? null : (await import("./pdf/attachment.ts")).attacher(item, { agency, client });
    const messages = await Promise.all(readers.map(async (contact) => {
      const params = {
        agency: brand?.name ?? "",
        number: invoiceNumber(item.number) ?? "",
        amount: Money.format(paid ?? item.total, item.currency, contact.locale),
        balance: Money.format(balanceOf(item), item.currency, contact.locale),
        due: new Intl.DateTimeFormat(contact.locale, { timeZone: contact.timeZone, dateStyle: "medium" }).format(new Date(item.dueAt ?? Date.now())),
      };
      const email = Email.notice({ locale: contact.locale, kind, params, url: Notify.links.portalInvoice(item.invoiceId), brand });
      const attachment = await pdf?.(contact.locale, contact.timeZone);
      return { to: contact.email, email: attachment ? { ...email, attachments: [attachment] } : email, ids: { invoiceId: item.invoiceId, ...(contact.contactId ? { contactId: contact.contactId } : {}) } };
    }));
    // Sending an invoice or recording a payment is a request (or Stripe's webhook): its emails are
    // kept in the outbox and sent after the response. A reminder is the scheduled job's: it sends
    // in small batches itself.
    if (kind === "invoiceSent" || kind === "paymentReceipt") await Email.later(messages);
    else await Email.sendAll(messages, `invoice: ${kind}`);
  } catch (error) {
    Log.error(`invoice: ${kind} email not sent`, error, { invoiceId: item.invoiceId });
  }
}

