import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

/** What moved a retainer client's hour bank. "closed" is the period's close marker (0 minutes). */
export const EntryKinds = ["included", "used", "rolledOver", "expired", "overage", "adjusted", "closed"] as const;

/**
 * One movement of a retainer client's hour bank, in minutes (+ adds, − takes). The balance is
 * the sum of the entries; nothing else holds it, so it can always be audited. Entries the jobs
 * write have keys made of their period and kind, so a rerun writes the same items again.
 */
export const HourBankEntryEntity = defineEntity({
  model: { entity: "hourBankEntry", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    clientId: { type: "string", required: true, readOnly: true },
    /** "2026-11#included", "2026-11#adjusted#<id>": sorts the ledger by period. */
    key: { type: "string", required: true, readOnly: true },
    /** The calendar month in the client's zone ("2026-11"). */
    period: { type: "string", required: true, readOnly: true },
    kind: { type: EntryKinds, required: true, readOnly: true },
    minutes: { type: "number", required: true },
    /** The period whose included hours these are (rolled-over and expired hours keep it). */
    origin: { type: "string", required: true, readOnly: true },
    reason: { type: "string" },
    /** Who adjusted (a member id); the jobs write the others. */
    by: { type: "string" },
    at: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  },
  indexes: {
    entriesOfHourBank: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["clientId", "key"] },
    },
  },
});

export type HourBankEntryItem = EntityItem<typeof HourBankEntryEntity>;

export const RolloverModes = ["none", "cap", "expire"] as const;

/** The rollover policy: the agency's default (scope "agency") or one client's override (scope = client id). */
export const HourBankPolicyEntity = defineEntity({
  model: { entity: "hourBankPolicy", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    scope: { type: "string", required: true, readOnly: true },
    mode: { type: RolloverModes, required: true },
    /** cap: at most this many minutes roll into the next period. */
    maxMinutes: { type: "number" },
    /** expire: hours included in a period can be used for this many periods after it. */
    afterPeriods: { type: "number" },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), watch: "*", set: () => new Date().toISOString() },
  },
  indexes: {
    policyOfScope: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["scope"] },
    },
  },
});

export type HourBankPolicyItem = EntityItem<typeof HourBankPolicyEntity>;

/** How much of its hour bank a client's contacts see in the portal. "full" when the client has no item. */
export const Transparencies = ["full", "totals", "hidden"] as const;

/** A client's transparency setting: full detail, totals only, or no hours at all in the portal. */
export const HourBankVisibilityEntity = defineEntity({
  model: { entity: "hourBankVisibility", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    clientId: { type: "string", required: true, readOnly: true },
    transparency: { type: Transparencies, required: true },
    updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), watch: "*", set: () => new Date().toISOString() },
  },
  indexes: {
    visibilityOfClient: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["clientId"] },
    },
  },
});

export type HourBankVisibilityItem = EntityItem<typeof HourBankVisibilityEntity>;

/**
 * A period's revision: every entry written into an open period (approved use or its return, an
 * owner's adjustment, a consent, hours rolled in) adds one in the same transaction, and a close
 * commits only if the revision is still the one it read before the entries it summed. So an
 * approval racing the close either lands before it (and the close, retried, sees it) or finds the
 * close marker and goes to the next open period: never into a period after its close was worked out.
 */
export const HourBankPeriodEntity = defineEntity({
  model: { entity: "hourBankPeriod", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    clientId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    revision: { type: "number" },
  },
  indexes: {
    revisionOfPeriod: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["clientId", "period"] },
    },
  },
});

export type HourBankPeriodItem = EntityItem<typeof HourBankPeriodEntity>;
