import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

/**
 * "An alert was sent": one item per client, period and threshold (75, 90, 100 % of the period's
 * hours), created on condition it is absent, so each threshold emails once per period however
 * often (or however concurrently) the used minutes are refreshed.
 */
export const HourBankAlertEntity = defineEntity({
  model: { entity: "hourBankAlert", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    clientId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    threshold: { type: "number", required: true, readOnly: true },
    /** Whether this evaluation emailed it (false: a higher threshold crossed at the same time was sent instead). */
    emailed: { type: "boolean", required: true },
    usedMinutes: { type: "number", required: true },
    availableMinutes: { type: "number", required: true },
    at: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  },
  indexes: {
    alertsOfHourBank: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["clientId", "period", "threshold"] },
    },
  },
});

export type HourBankAlertItem = EntityItem<typeof HourBankAlertEntity>;

export const OverageModes = ["bill", "ask", "pause"] as const;

/**
 * What happens once a period's hours are used up: the agency's default (scope "agency") or one
 * client's own (scope = client id). "bill": keep working, the overage is billed at the client's
 * rate; "ask": the client approves up to `askMinutes` more first; "pause": new requests wait.
 */
export const HourBankOverageEntity = defineEntity({
  model: { entity: "hourBankOverage", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    scope: { type: "string", required: true, readOnly: true },
    mode: { type: OverageModes, required: true },
    askMinutes: { type: "number" },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), watch: "*", set: () => new Date().toISOString() },
  },
  indexes: {
    overageOfScope: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["scope"] },
    },
  },
});

export type HourBankOverageItem = EntityItem<typeof HourBankOverageEntity>;

/**
 * A client's consent to more hours than the period holds, kept as evidence like the agreement:
 * the text shown, the typed name, when (UTC), from where (IP), its SHA-256, and how (the emailed
 * link, whose nonce is the id, so a link is used once; or the portal, numbered in the period).
 */
export const HourBankConsentEntity = defineEntity({
  model: { entity: "hourBankConsent", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    clientId: { type: "string", required: true, readOnly: true },
    consentId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    minutes: { type: "number", required: true, readOnly: true },
    via: { type: ["link", "portal"] as const, required: true, readOnly: true },
    fullName: { type: "string", required: true, readOnly: true },
    text: { type: "string", required: true, readOnly: true },
    sha256: { type: "string", required: true, readOnly: true },
    locale: { type: "string", required: true, readOnly: true },
    ip: { type: "string", readOnly: true },
    contactId: { type: "string", readOnly: true },
    at: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  },
  indexes: {
    consentsOfHourBank: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["clientId", "consentId"] },
    },
  },
});

export type HourBankConsentItem = EntityItem<typeof HourBankConsentEntity>;
