import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

export const ClientStatuses = ["lead", "onboarding", "active", "inactive"] as const;

export const ClientEntity = defineEntity({
  model: { entity: "client", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    clientId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    /** Short code used in request numbers (ACME-42); unique within the agency. */
    code: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    /** ISO 4217 code the client is invoiced in. */
    currency: { type: "string", required: true },
    status: { type: ClientStatuses, required: true, default: "lead" },
    /** First response promised within this many business hours of the agency. */
    responseHours: { type: "number", required: true, default: 24 },
    /** The promise in business days instead (client/promise.ts); when set, responseHours is not read. */
    responseDays: { type: "number" },
    /** Last request number handed out (ACME-42); bumped atomically, never reused. */
    requestSeq: { type: "number", required: true, default: 0 },
    /** Bill rate per hour in minor units of `currency`; invoicing time needs it. */
    hourlyRate: { type: "number" },
    /** Invoices fall due this many days after they are sent (net 15). */
    paymentTermsDays: { type: "number", required: true, default: 15 },
    /** Tax added to invoices, in basis points (2,000 = 20%), and what the line is called. */
    taxRate: { type: "number", required: true, default: 0 },
    taxName: { type: "string", required: true, default: "Tax" },
    /** Share of a package invoiced up front as a deposit, in basis points (5,000 = 50%); 0 for none. */
    depositRate: { type: "number", required: true, default: 0 },
    /** A monthly retainer: the fee (minor units) and the minutes it includes; overage at hourlyRate. */
    retainerFee: { type: "number" },
    retainerMinutes: { type: "number" },
    /** How time entries are billed (money/increments.ts): the step in minutes, up or nearest, the minimum per entry. */
    incrementStep: { type: "number" },
    incrementRounding: { type: "string" },
    incrementMinimum: { type: "number" },
    /** Who invoices are made out to, if not the client's name, and where they also go (invoice/parties.ts). */
    billingName: { type: "string" },
    billingAddress: { type: "string" },
    billingTaxId: { type: "string" },
    /** Addresses that receive invoices and receipts without a portal account. */
    billingEmails: { type: "list", items: { type: "string" } },
    website: { type: "string" },
    notes: { type: "string" },
    /** When the owner erased the client's data (client-data/): only what the law keeps is left. */
    erasedAt: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    clientsOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["clientId"] },
    },
    clientProfile: {
      index: "gsi1",
      collection: "clientProfile",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: [] },
    },
  },
});

export type ClientItem = EntityItem<typeof ClientEntity>;
