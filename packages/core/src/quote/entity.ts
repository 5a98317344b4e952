import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

/**
 * What a quote is stored as. A sent quote past its validity date reads as expired at once
 * (statusOf); the expiry job then stores "expired" and tells the owner. An edit with a new date
 * sends an expired quote again.
 */
export const QuoteStatuses = ["draft", "sent", "accepted", "declined", "expired"] as const;
export const QuoteLineKinds = ["package", "custom"] as const;

/**
 * An offer to one client in the client's currency: lines copied from the catalog (or typed), a
 * validity date, terms and a deposit share. Numbered when first sent; accepted or declined by the
 * client's contact, the acceptance keeping its evidence (the text shown, its SHA-256, time, IP).
 */
export const QuoteEntity = defineEntity({
  model: { entity: "quote", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    quoteId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    /** The request it prices, if it came from one; a blank quote's acceptance makes one. */
    requestId: { type: "string" },
    currency: { type: "string", required: true, readOnly: true },
    /** 0 while a draft; the agency's next quote number when first sent (its own gapless sequence). */
    number: { type: "number", required: true, default: 0 },
    status: { type: QuoteStatuses, required: true, default: "draft" },
    title: { type: "string", required: true },
    lines: {
      type: "list",
      required: true,
      items: {
        type: "map",
        properties: {
          kind: { type: QuoteLineKinds, required: true },
          /** The catalog service it was copied from: its SOPs plan the work on acceptance. */
          packageId: { type: "string" },
          description: { type: "string", required: true },
          quantity: { type: "number", required: true },
          unitAmount: { type: "number", required: true },
          amount: { type: "number", required: true },
        },
      },
    },
    subtotal: { type: "number", required: true },
    taxName: { type: "string", required: true },
    taxRate: { type: "number", required: true },
    tax: { type: "number", required: true },
    total: { type: "number", required: true },
    /** Basis points of the subtotal invoiced as a deposit on acceptance; 0: none. */
    depositPercent: { type: "number", required: true, default: 0 },
    /** The last day it may be accepted ("YYYY-MM-DD", the client's calendar). */
    validUntil: { type: "string", required: true },
    terms: { type: "string" },
    sentAt: { type: "string" },
    answeredAt: { type: "string" },
    /** The contact who accepted or declined it. */
    answeredBy: { type: "string" },
    declineReason: { type: "string" },
    /** The acceptance's evidence, as the onboarding agreement's. */
    acceptedFullName: { type: "string" },
    acceptedText: { type: "string" },
    acceptedSha256: { type: "string" },
    acceptedLocale: { type: "string" },
    acceptedIp: { type: "string" },
    /** What acceptance did: the deposit invoice it issued, the request it planned. */
    depositInvoiceId: { type: "string" },
    /**
     * "yes" while a sent quote waits for an answer: only then is it in the quotesAwaiting index
     * (by validity date), the expiry job's one query. Every write of it also writes validUntil.
     */
    awaiting: { type: ["no", "yes"] as const, required: true, default: "no" },
    /** When the expiry job stored "expired"; when the client was reminded that it expires soon. */
    expiredAt: { type: "string" },
    remindedAt: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    quoteById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["quoteId"] },
    },
    quotesOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["quoteId"] },
    },
    /** An agency's sent quotes waiting for an answer, by the last day they may be accepted: the expiry job's query. */
    quotesAwaiting: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["agencyId", "awaiting"] },
      sk: { field: "gsi2sk", composite: ["validUntil", "quoteId"] },
      condition: (attr) => attr.awaiting === "yes",
    },
  },
});

export type QuoteItem = EntityItem<typeof QuoteEntity>;

/** The agency's last quote number: bumped in the transaction that sends a quote, so numbers have no gaps. */
export const QuoteCounterEntity = defineEntity({
  model: { entity: "quoteCounter", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    seq: { type: "number", required: true, default: 0 },
  },
  indexes: {
    quoteCounter: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});
