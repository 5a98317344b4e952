import { SearchIndex } from "../search/write.ts";
import { z } from "zod";
import { assertOwner } from "../actor/index.ts";
import { AgencyStore } from "../agency/store.ts";
import { Brand } from "../agency/brand/index.ts";
import { Audit } from "../audit/index.ts";
import { ClientStore } from "../client/store.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { Email } from "../email/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { Log } from "../log/index.ts";
import { Money } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import type { QuoteItem } from "./entity.ts";
import { quoteNumber, statusOf, type Quote } from "./present.ts";
import { conflict, get, load } from "./read.ts";

// Sending: a draft takes the agency's next quote number in the same transaction that bumps the
// quote counter (conditional on its value), as invoices and credit notes are numbered, so two
// sends never share a number and a failed send leaves no gap. The client's people are emailed.

export const sendSchema = z.strictObject({ version });

export const send = fn(sendSchema, async ({ version: expected }, quoteId: string): Promise<Quote> => {
  const agencyId = assertOwner();
  for (let attempt = 0; attempt < 30; attempt++) {
    // Others are taking numbers at the same moment: wait a little, a little longer each time.
    if (attempt) await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * Math.min(attempt, 5)));
    const [item, counter] = await Promise.all([load(agencyId, quoteId), db.entities.quoteCounter.get({ agencyId }).go({ consistent: true })]);
    if (!item) throw notFound("Quote");
    if (item.version !== expected) throw await conflict(agencyId, quoteId);
    if (item.status !== "draft") throw await conflict(agencyId, quoteId, "quote.not_draft", "This quote has already been sent.");
    const client = await ClientStore.load(agencyId, item.clientId);
    if (client && statusOf({ ...item, status: "sent" }, client.timeZone) === "expired") {
      throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { validUntil: "The quote must be valid until today or later." } });
    }
    const seq = counter.data?.seq ?? 0;
    const result = await db.transaction
      .write(({ quoteCounter, quote, ...tx }) => [
        seq ? quoteCounter.patch({ agencyId }).set({ seq: seq + 1 }).where((attr, op) => op.eq(attr.seq, seq)).commit() : quoteCounter.create({ agencyId, seq: 1 }).commit(),
        quote
          .patch({ agencyId, quoteId })
          .set({ number: seq + 1, status: "sent", awaiting: "yes", validUntil: item.validUntil, sentAt: new Date().toISOString() })
          .add({ version: 1 })
          .where((attr, op) => `${op.eq(attr.version, expected)} AND ${op.eq(attr.status, "draft")}`)
          .commit(),
        Audit.item(tx, Audit.event("quote.sent", "quote", quoteId, { number: quoteNumber(seq + 1) })),
      ])
      .go();
    const failed = failedConditions(result);
    if (!failed.length) {
      const sent = (await load(agencyId, quoteId))!;
      // Its number is new: search finds it by Q-0007 from now on.
      await SearchIndex.quote(sent);
      await emailClient(sent);
      return get(quoteId);
    }
    // The quote moved (an edit): answer with it as it is. Only the counter moving is retried.
    if (failed.includes(1)) throw await conflict(agencyId, quoteId);
  }
  throw new VisibleError("conflict", "conflict", "Quotes are being sent right now. Please try again.");
});

/**
 * The client's people and billing addresses get the quote with a link into the portal, each in
 * their own language (a billing address in the language of the client's people): when it is sent,
 * and again when a sent quote is edited (what they read before can no longer be accepted).
 */
export async function emailClient(item: QuoteItem, kind: "quoteSent" | "quoteExpiring" = "quoteSent"): Promise<void> {
  try {
    const [contacts, agency, client] = await Promise.all([Notify.contactsOf(item.agencyId, item.clientId), AgencyStore.load(item.agencyId), ClientStore.load(item.agencyId, item.clientId)]);
    const people = contacts.filter((contact) => contact.status === "invited" || contact.status === "active");
    const known = new Set(people.map((person) => person.email));
    const readers = [
      ...people.map((person) => ({ email: person.email, locale: person.locale, contactId: person.contactId as string | undefined })),
      ...(client?.billingEmails ?? []).filter((address) => !known.has(address)).map((address) => ({ email: address, locale: people[0]?.locale ?? ("en" as const), contactId: undefined })),
    ];
    const brand = agency ? Brand.emailBrandOf(agency) : null;
    const messages = readers.map((reader) => ({
      to: reader.email,
      email: Email.notice({
        locale: reader.locale,
        kind,
        params: {
          agency: brand?.name ?? "",
          number: quoteNumber(item.number) ?? "",
          title: item.title,
          amount: Money.format(item.total, item.currency, reader.locale),
          until: new Intl.DateTimeFormat(reader.locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${item.validUntil}T12:00:00Z`)),
        },
        url: Notify.links.portalQuote(item.quoteId),
        brand,
      }),
      ids: reader.contactId ? { contactId: reader.contactId } : {},
    }));
    await Email.later(messages);
  } catch (error) {
    Log.error(`quote: ${kind} email not sent`, error, { quoteId: item.quoteId });
  }
}
