import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { undeliverableAttribute } from "../email/undeliverable-entity.ts";
import { Locales } from "../member/entity.ts";

// "deactivated": can't sign in (sessions and calendar feed end) but can be reactivated;
// "removed": gone for good, its email free to be invited again.
export const ContactStatuses = ["invited", "active", "deactivated", "removed"] as const;

// "admin": manages the company's people in the portal (invites, removes, roles, who gets
// invoices); "member": their own profile. Absent on contacts made before roles: policy.ts decides.
export const ContactRoles = ["admin", "member"] as const;

/** A person at a client company who signs in to the portal. */
export const ContactEntity = defineEntity({
  model: { entity: "contact", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    contactId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    name: { type: "string", required: true },
    timeZone: { type: "string", required: true },
    status: { type: ContactStatuses, required: true, default: "invited" },
    locale: { type: Locales, required: true, default: "en" },
    emailNotifications: { type: "boolean", required: true, default: true },
    /** Their role at the client (see ContactRoles); absent: the policy's default (policy.ts). */
    role: { type: ContactRoles },
    /** Chosen to receive the client's invoices (policy.ts: invoiceRecipients). Absent: not chosen. */
    receivesInvoices: { type: "boolean" },
    /** Moved on by signing out, deactivation and removal: a session made under another version is over. */
    sessionVersion: { type: "number", required: true, default: 0 },
    /** Emails about new messages (batched, a few minutes after the first); hand-offs follow emailNotifications. */
    messageEmails: { type: "boolean" },
    /** The weekly status digest, feedback surveys, and invoices with their receipts (notify/preferences.ts). */
    digestEmails: { type: "boolean" },
    surveyEmails: { type: "boolean" },
    invoiceEmails: { type: "boolean" },
    /** When the last feedback survey was sent; set conditionally with it (survey/: the quiet days rule). */
    lastSurveyAt: { type: "string" },
    /** Their own working week (business-hours/personal.ts), on their own zone's clock. Absent: the agency's. */
    workingDays: { type: "list", items: { type: "number" } },
    workingStart: { type: "string" },
    workingEnd: { type: "string" },
    /** Set when SES reports the address bouncing or complaining: Baton stops emailing it (email/feedback.ts). */
    undeliverable: undeliverableAttribute,
    ...timestamps,
    ...versioned,
  },
  indexes: {
    contactById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["contactId"] },
    },
    contactsOfClient: {
      index: "gsi1",
      collection: "clientProfile",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["contactId"] },
    },
    loginsByEmail: {
      index: "gsi2",
      collection: "logins",
      pk: { field: "gsi2pk", composite: ["email"] },
      sk: { field: "gsi2sk", composite: ["agencyId"] },
    },
  },
});

export type ContactItem = EntityItem<typeof ContactEntity>;
