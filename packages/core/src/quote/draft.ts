import { SearchIndex } from "../search/write.ts";
import { z } from "zod";
import { todayIn } from "@baton/kernel/dates";
import { assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { billingOf } from "../client/index.ts";
import { ClientStore } from "../client/store.ts";
import type { ClientItem } from "../client/entity.ts";
import { db } from "../db/index.ts";
import { failedConditions } from "../db/transaction.ts";
import { notFound, VisibleError } from "../error/index.ts";
import { basisPoints, calendarDate, idOf, minorAmount, oneLine, version } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { createId } from "../id/index.ts";
import { Money } from "../money/index.ts";
import { Request } from "../request/index.ts";
import { ServicePackages } from "../service-package/index.ts";
import type { QuoteItem } from "./entity.ts";
import { conflict, get, load } from "./read.ts";
import { statusOf, type Quote } from "./present.ts";
import { emailClient } from "./send.ts";

// Drafting and editing: lines are copied from the catalog in the client's currency when the
// quote is made or edited, so a price changed in the catalog later never changes a quote.

const line = z
  .strictObject({
    kind: z.enum(["package", "custom"], { error: "Choose a service from the catalog or a custom line." }),
    packageId: idOf("servicePackage", "Choose a service from the catalog.").optional(),
    description: z.string({ error: "Describe the line." }).trim().min(1, "Describe the line.").max(300, "Keep the description under 300 characters.").optional(),
    quantity: z.number({ error: "Enter the quantity." }).int("Use a whole quantity.").min(1, "The quantity is at least 1.").max(10_000, "The quantity is at most 10,000."),
    unitAmount: minorAmount.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "package" && !value.packageId) ctx.addIssue({ code: "custom", path: ["packageId"], message: "Choose a service from the catalog." });
    if (value.kind === "package") return;
    if (!value.description) ctx.addIssue({ code: "custom", path: ["description"], message: "Describe the line." });
    if (value.unitAmount === undefined) ctx.addIssue({ code: "custom", path: ["unitAmount"], message: "Enter the price." });
  });

const fields = {
  title: z.string({ error: "Give the quote a title." }).overwrite(oneLine).min(1, "Give the quote a title.").max(150, "Keep the title under 150 characters."),
  lines: z.array(line, { error: "Add the quote's lines." }).min(1, "Add at least one line.").max(20, "Add at most 20 lines."),
  validUntil: calendarDate,
  terms: z.string({ error: "The terms are text." }).trim().max(5000, "Keep the terms under 5,000 characters.").optional(),
  /** Basis points of the subtotal; left out, the client's deposit terms. */
  depositPercent: basisPoints.optional(),
};

export const createSchema = z.strictObject({
  /** For a blank quote; a quote from a request takes the request's client. */
  clientId: idOf("client", "Choose the client.").optional(),
  requestId: idOf("request", "Choose one of your requests.").optional(),
  ...fields,
});

export const editSchema = z.strictObject({ version, ...fields });

type Line = z.output<typeof line>;

/** Package lines priced from the catalog in the client's currency (copied now); custom lines as typed. */
async function linesFor(agencyId: string, currency: string, lines: Line[]) {
  return Promise.all(
    lines.map(async (value, index) => {
      if (value.kind === "custom") return { kind: "custom" as const, description: value.description!, quantity: value.quantity, unitAmount: value.unitAmount!, amount: value.quantity * value.unitAmount! };
      const priced = await ServicePackages.lineFor(agencyId, value.packageId!, currency, value.quantity, `lines.${index}.packageId`);
      return { ...priced, kind: "package" as const, packageId: value.packageId!, description: value.description ?? priced.description };
    }),
  );
}

function checkValidity(validUntil: string, client: ClientItem) {
  if (validUntil < todayIn(client.timeZone)) {
    throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { validUntil: "The quote must be valid until today or later." } });
  }
}

/** The stored money of a quote: its lines, the client's tax, the deposit share. */
async function priced(agencyId: string, client: ClientItem, input: z.output<typeof editSchema> | z.output<typeof createSchema>) {
  checkValidity(input.validUntil, client);
  const billing = billingOf(client);
  const lines = await linesFor(agencyId, client.currency, input.lines);
  const subtotal = lines.reduce((sum, each) => sum + each.amount, 0);
  const tax = Money.percentOf(subtotal, billing.taxRate);
  if (subtotal + tax > Money.MAX_MINOR) throw new VisibleError("rule", "quote.too_large", "That quote total is too large.");
  const depositPercent = input.depositPercent ?? billing.depositRate;
  if (depositPercent > 10_000) throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { depositPercent: "The deposit is at most 100%." } });
  return { lines, subtotal, tax, total: subtotal + tax, taxName: billing.taxName, taxRate: billing.taxRate, depositPercent, validUntil: input.validUntil, title: input.title, ...(input.terms ? { terms: input.terms } : {}) };
}

/** Drafts a quote for a request (its client's) or a blank one for a client. */
export const create = fn(createSchema, async (input): Promise<Quote> => {
  const agencyId = assertOwner();
  const field = (name: string, message: string) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: { [name]: message } });
  let clientId = input.clientId;
  if (input.requestId) {
    const request = await Request.load(agencyId, input.requestId);
    if (!request) throw field("requestId", "Choose one of your requests.");
    if (clientId && clientId !== request.clientId) throw field("clientId", "The request is another client's.");
    if (request.status !== "submitted") throw field("requestId", "Only a request waiting for triage can be quoted.");
    clientId = request.clientId;
  }
  if (!clientId) throw field("clientId", "Choose the client.");
  const client = await ClientStore.load(agencyId, clientId, { consistent: true });
  if (!client) throw field("clientId", "Choose one of your clients.");
  const money = await priced(agencyId, client, input);
  const quoteId = createId("quote");
  await db.transaction
    .write(({ quote, ...tx }) => [
      quote.create({ agencyId, quoteId, clientId: client.clientId, currency: client.currency, status: "draft", ...(input.requestId ? { requestId: input.requestId } : {}), ...money }).commit(),
      Audit.item(tx, Audit.event("quote.drafted", "quote", quoteId, { client: client.name, total: money.total, currency: client.currency })),
    ])
    .go();
  return get(quoteId);
});

/**
 * Edits a quote not yet answered, from the version read: its lines are priced from the catalog
 * again. A sent quote keeps its number; a client who read the earlier version and accepts it gets
 * 409 with this one. An expired quote given a new date is sent again (the client is emailed).
 */
export const edit = fn(editSchema, async (input, quoteId: string): Promise<Quote> => {
  const agencyId = assertOwner();
  const item = await load(agencyId, quoteId);
  if (!item) throw notFound("Quote");
  if (item.version !== input.version) throw await conflict(agencyId, quoteId);
  if (item.status === "accepted" || item.status === "declined") throw await conflict(agencyId, quoteId, "quote.answered", "This quote has been answered; it can't be changed any more.");
  const client = await ClientStore.load(agencyId, item.clientId, { consistent: true });
  if (!client) throw notFound("Client");
  const money = await priced(agencyId, client, input);
  const result = await db.transaction
    .write(({ quote, ...tx }) => [
      quote
        .patch({ agencyId, quoteId })
        // An expired quote edited is sent again (with its new date); a sent one waits for an answer still.
        .set({ ...money, status: item.status === "draft" ? "draft" : "sent", awaiting: item.status === "draft" ? "no" : "yes" })
        .remove([...(input.terms ? [] : (["terms"] as const)), "expiredAt", "remindedAt"])
        .add({ version: 1 })
        .where((attr, op) => `${op.eq(attr.version, input.version)} AND (${op.eq(attr.status, "draft")} OR ${op.eq(attr.status, "sent")} OR ${op.eq(attr.status, "expired")})`)
        .commit(),
      Audit.item(tx, Audit.event("quote.edited", "quote", quoteId, { total: money.total, status: statusOf(item, client.timeZone) })),
    ])
    .go();
  if (failedConditions(result).length) throw await conflict(agencyId, quoteId);
  const edited = (await load(agencyId, quoteId))!;
  if (edited.title !== item.title) await SearchIndex.quote(edited);
  if (item.status !== "draft") await emailClient(edited);
  return get(quoteId);
});

export type { QuoteItem };
