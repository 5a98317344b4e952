import { z } from "zod";
import { assertContact, forbidden, withActor } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { ClientStore } from "../client/store.ts";
import { ContactStore } from "../contact/store.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import type { Locale } from "../email/index.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { Invoices } from "../invoice/index.ts";
import { Log } from "../log/index.ts";
import { Money } from "../money/index.ts";
import { Notify } from "../notify/index.ts";
import { comparableName } from "../onboarding/progress.ts";
import { Request } from "../request/index.ts";
import { ServicePackages } from "../service-package/index.ts";
import { AgencyStore } from "../agency/store.ts";
import type { QuoteItem } from "./entity.ts";
import { digestOf, quoteNumber, quoteText, statusOf, type Quote } from "./present.ts";
import { conflict, get, load } from "./read.ts";

// The client's answer. Accepting is a signature as the onboarding agreement's is: the typed name
// (the contact's own), the SHA-256 of exactly the text shown (composed again here in the
// contact's language), the time and the IP are kept with the text. The acceptance is one
// conditional write on the version read, so accepting twice, after an edit or after expiry is a
// 409 with the quote as it is; once it is written, acceptance issues the deposit invoice and plans
// the work (the request accepted with its services' SOP tasks; a blank quote's request made).

export const acceptSchema = z.strictObject({
  version,
  fullName: z.string({ error: "Type your full name." }).trim().min(2, "Type your full name (at least 2 characters).").max(120, "Keep the name under 120 characters."),
  sha256: z
    .string({ error: "Send the SHA-256 of the quote you were shown." })
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/, "Send the SHA-256 of the quote you were shown, as 64 hex digits."),
});

export const declineSchema = z.strictObject({
  version,
  reason: z.string({ error: "Tell us why." }).trim().min(1, "Tell us why.").max(2000, "Keep the reason under 2,000 characters."),
});

/** The contact's quote, open to an answer from the version they read, with what they read it in. */
async function openQuote(quoteId: string, expected: number) {
  const actor = assertContact();
  const [item, contact, client, agency] = await Promise.all([
    load(actor.agencyId, quoteId),
    ContactStore.load(actor.agencyId, actor.contactId, { consistent: true }),
    ClientStore.load(actor.agencyId, actor.clientId),
    AgencyStore.load(actor.agencyId),
  ]);
  if (!item || item.clientId !== actor.clientId || item.status === "draft" || !client) throw notFound("Quote");
  if (!actor.clientActive) throw forbidden();
  if (item.version !== expected) throw await conflict(actor.agencyId, quoteId);
  if (statusOf(item, client.timeZone) === "expired") throw await conflict(actor.agencyId, quoteId, "quote.expired", "This quote has expired. Ask the agency for a new one.");
  if (item.status !== "sent") throw await conflict(actor.agencyId, quoteId, "quote.answered", "This quote has already been answered.");
  const locale: Locale = contact?.locale ?? "en";
  return { actor, item, client, contactName: contact?.name ?? "", locale, agencyName: agency?.name ?? "" };
}

export const accept = fn(acceptSchema, async (input, quoteId: string, ip?: string): Promise<Quote> => {
  const { actor, item, client, contactName, locale, agencyName } = await openQuote(quoteId, input.version);
  const text = quoteText(locale, item, { agency: agencyName, client: client.name });
  const sha256 = digestOf(text);
  if (input.sha256 !== sha256) throw await conflict(actor.agencyId, quoteId, "quote.changed", "The quote is not the one you were shown. Please read it again before accepting.");
  if (comparableName(input.fullName) !== comparableName(contactName)) {
    const message = `Type your full name as it is on your profile: ${contactName}.`;
    throw new VisibleError("validation", "quote.name_mismatch", message, { fields: { fullName: message } });
  }
  const now = new Date().toISOString();
  const result = await db.transaction
    .write(({ quote, ...tx }) => [
      quote
        .patch({ agencyId: actor.agencyId, quoteId })
        .set({
          status: "accepted",
          awaiting: "no",
          validUntil: item.validUntil,
          answeredAt: now,
          answeredBy: contactName,
          acceptedFullName: input.fullName,
          acceptedText: text,
          acceptedSha256: sha256,
          acceptedLocale: locale,
          ...(ip ? { acceptedIp: ip } : {}),
        })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, input.version)} AND ${op.eq(attr.status, "sent")}`)
        .commit(),
      Audit.item(tx, Audit.event("quote.accepted", "quote", quoteId, { number: quoteNumber(item.number), fullName: input.fullName, sha256, ip: ip ?? null, locale })),
    ])
    .go();
  if (failedConditions(result).length) throw await conflict(actor.agencyId, quoteId);
  // What acceptance sets going is the agency's doing, on the quote's authority: as the system.
  await withActor({ type: "system", agencyId: actor.agencyId }, () => carryOut(item));
  await tellOwners(item, "quoteAccepted", (person) => ({ client: client.name, name: contactName, amount: Money.format(item.total, item.currency, person.locale) }));
  return get(quoteId);
});

export const decline = fn(declineSchema, async (input, quoteId: string): Promise<Quote> => {
  const { actor, item, client, contactName } = await openQuote(quoteId, input.version);
  const result = await db.transaction
    .write(({ quote, ...tx }) => [
      quote
        .patch({ agencyId: actor.agencyId, quoteId })
        .set({ status: "declined", awaiting: "no", validUntil: item.validUntil, answeredAt: new Date().toISOString(), answeredBy: contactName, declineReason: input.reason })
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, input.version)} AND ${op.eq(attr.status, "sent")}`)
        .commit(),
      Audit.item(tx, Audit.event("quote.declined", "quote", quoteId, { number: quoteNumber(item.number), reason: input.reason })),
    ])
    .go();
  if (failedConditions(result).length) throw await conflict(actor.agencyId, quoteId);
  await tellOwners(item, "quoteDeclined", () => ({ client: client.name, name: contactName, reason: input.reason }));
  return get(quoteId);
});

/** The deposit invoice (issued) and the planned work of an accepted quote; each part is logged, never undoes the acceptance. */
async function carryOut(item: QuoteItem): Promise<void> {
  const done: { depositInvoiceId?: string; requestId?: string } = {};
  if (item.depositPercent > 0) {
    try {
      const draft = await Invoices.create({
        clientId: item.clientId,
        includeTime: false,
        lines: item.lines.map((line) => ({ kind: "custom" as const, description: line.description, quantity: line.quantity, unitAmount: line.unitAmount })),
        deposit: { percent: item.depositPercent },
      });
      const sent = await Invoices.send({ version: draft.version }, draft.id);
      done.depositInvoiceId = sent.id;
    } catch (error) {
      Log.error("quote: deposit invoice not issued", error, { quoteId: item.quoteId });
    }
  }
  try {
    const requestId = item.requestId ?? (await requestFor(item));
    done.requestId = requestId;
    await Request.acceptByQuote(requestId, await tasksFor(item));
  } catch (error) {
    Log.error("quote: work not planned", error, { quoteId: item.quoteId });
  }
  if (Object.keys(done).length) await db.entities.quote.patch({ agencyId: item.agencyId, quoteId: item.quoteId }).set(done).go();
}

/** A blank quote's request: what was accepted, as the team would enter it for the client. */
async function requestFor(item: QuoteItem): Promise<string> {
  const request = await Request.submit({
    clientId: item.clientId,
    title: item.title,
    description: item.lines.map((line) => `- ${line.quantity} × ${line.description}`).join("\n"),
    service: `Quote ${quoteNumber(item.number)}`,
  });
  return request.id;
}

/** One task per SOP of each catalog service quoted, due after its turnaround; none: one task for the quote. */
async function tasksFor(item: QuoteItem) {
  const now = new Date();
  const dueAfter = (days: number) => new Date(now.getTime() + Math.ceil((days * 7) / 5) * 86_400_000).toISOString();
  const packageIds = [...new Set(item.lines.flatMap((line) => (line.packageId ? [line.packageId] : [])))];
  const proposed = (
    await Promise.all(
      packageIds.map(async (packageId) => {
        const [service, tasks] = await Promise.all([ServicePackages.load(item.agencyId, packageId), ServicePackages.proposal(item.agencyId, packageId)]);
        return tasks.map((task) => ({ title: task.title.slice(0, 150), sopId: task.sopId, skills: task.skills.slice(0, 10), estimateHours: 1, dueAt: dueAfter(service?.turnaroundDays ?? 5) }));
      }),
    )
  ).flat();
  if (proposed.length) return proposed.slice(0, 10);
  return [{ title: item.title, description: item.lines.map((line) => `- ${line.quantity} × ${line.description}`).join("\n"), estimateHours: 1, dueAt: dueAfter(5) }];
}

/** The owners hear of the answer, each in their own language. */
async function tellOwners(item: QuoteItem, kind: "quoteAccepted" | "quoteDeclined", params: (person: { locale: Locale }) => Record<string, string>) {
  const owners = await Notify.owners(item.agencyId);
  await Notify.send(item.agencyId, kind, owners, (person) => ({ number: quoteNumber(item.number) ?? "", title: item.title, ...params(person) }), Notify.links.webQuote(item.quoteId));
}

