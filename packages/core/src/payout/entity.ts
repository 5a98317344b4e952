import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

export const PayoutStatuses = ["issued", "paid"] as const;
export const PayoutMethods = ["bank", "wise", "paypal", "other"] as const;
export type PayoutMethod = (typeof PayoutMethods)[number];

/**
 * A payout statement: what the agency owes one subcontractor for one month (in the member's zone),
 * fixed when issued: the approved time it covers (by entry id, so an entry is paid once however it
 * moves later), the cost rate and currency of that moment, and the exchange rate to the agency's
 * currency stamped then. Marked paid once, with how and a reference.
 */
export const PayoutEntity = defineEntity({
  model: { entity: "payout", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    payoutId: { type: "string", required: true, readOnly: true },
    memberId: { type: "string", required: true, readOnly: true },
    /** The member's name and zone as they were at issue. */
    memberName: { type: "string", required: true, readOnly: true },
    timeZone: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    currency: { type: "string", required: true, readOnly: true },
    /** Minor units of `currency` per hour. */
    costRate: { type: "number", required: true, readOnly: true },
    minutes: { type: "number", required: true, readOnly: true },
    amount: { type: "number", required: true, readOnly: true },
    /** The statement's lines: its time per task (label as logged), in minutes. */
    lines: {
      type: "list",
      required: true,
      readOnly: true,
      items: { type: "map", properties: { label: { type: "string", required: true }, minutes: { type: "number", required: true } } },
    },
    entryIds: { type: "list", items: { type: "string" }, required: true, readOnly: true },
    /** The stamp when `currency` is not the agency's: 1 `currency` = `exchangeRate` `agencyCurrency`. */
    agencyCurrency: { type: "string", required: true, readOnly: true },
    exchangeRate: { type: "string", readOnly: true },
    rateDate: { type: "string", readOnly: true },
    agencyAmount: { type: "number", readOnly: true },
    status: { type: PayoutStatuses, required: true, default: "issued" },
    issuedAt: { type: "string", required: true, readOnly: true },
    issuedBy: { type: "string", required: true, readOnly: true },
    paidAt: { type: "string" },
    paidBy: { type: "string" },
    method: { type: PayoutMethods },
    reference: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    payoutsOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["payoutId"] },
    },
    payoutsOfMember: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "memberId"] },
      sk: { field: "gsi1sk", composite: ["period", "payoutId"] },
    },
  },
});

export type PayoutItem = EntityItem<typeof PayoutEntity>;

/** "This member's month has its statement": created with the statement, only if absent, so a month is issued once. */
export const PayoutClaimEntity = defineEntity({
  model: { entity: "payoutClaim", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    memberId: { type: "string", required: true, readOnly: true },
    period: { type: "string", required: true, readOnly: true },
    payoutId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    claimOfPeriod: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["memberId", "period"] },
    },
  },
});
