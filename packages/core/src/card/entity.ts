import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

/**
 * A client's card on file with Stripe: its Stripe customer (made the first time the client saves a
 * card), the payment method saved by Checkout in setup mode with what the portal shows of it, and
 * whether its retainer invoices are charged to it when issued (autopay; off until a card is saved,
 * and off again when the card is removed). One per client.
 */
export const SavedCardEntity = defineEntity({
  model: { entity: "savedCard", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    clientId: { type: "string", required: true, readOnly: true },
    customerId: { type: "string", required: true },
    paymentMethodId: { type: "string" },
    brand: { type: "string" },
    last4: { type: "string" },
    expMonth: { type: "number" },
    expYear: { type: "number" },
    autopay: { type: "boolean", required: true, default: false },
    /** When autopay was last turned on: invoices issued before it are not charged by it. */
    autopaySince: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    cardOfClient: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["clientId"] },
    },
  },
});

export type SavedCardItem = EntityItem<typeof SavedCardEntity>;

export const ChargeStatuses = ["charging", "succeeded", "failed"] as const;

/**
 * The one autopay charge of an invoice: created with `attribute_not_exists` before Stripe is
 * asked, so of two job runs only one charges; its attempt number is in Stripe's idempotency key.
 */
export const CardChargeEntity = defineEntity({
  model: { entity: "cardCharge", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    invoiceId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    attempt: { type: "number", required: true, default: 1 },
    amount: { type: "number", required: true },
    currency: { type: "string", required: true },
    paymentMethodId: { type: "string", required: true },
    status: { type: ChargeStatuses, required: true, default: "charging" },
    paymentIntentId: { type: "string" },
    /** Stripe's code for a failure: card_declined, authentication_required, … */
    failure: { type: "string" },
    ...timestamps,
  },
  indexes: {
    chargeOfInvoice: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["invoiceId"] },
    },
  },
});

export type CardChargeItem = EntityItem<typeof CardChargeEntity>;
