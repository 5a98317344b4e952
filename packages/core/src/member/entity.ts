import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";
import { undeliverableAttribute } from "../email/undeliverable-entity.ts";

export const MemberRoles = ["owner", "subcontractor"] as const;
export const MemberStatuses = ["invited", "active", "removed"] as const;
import { Locales } from "@baton/kernel/fields";
export { Locales };

export const MemberEntity = defineEntity({
  model: { entity: "member", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    memberId: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true },
    name: { type: "string", required: true },
    role: { type: MemberRoles, required: true },
    skills: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    timeZone: { type: "string", required: true },
    /** What the agency pays this member per hour, in minor units of the agency's currency. Owner-only. */
    costRate: { type: "number" },
    /** The currency the member is paid in (payouts); the agency's when absent. */
    costCurrency: { type: "string" },
    weeklyCapacityHours: { type: "number", required: true },
    status: { type: MemberStatuses, required: true, default: "invited" },
    /** Moved on by signing out and removal: a session made under another version is over. */
    sessionVersion: { type: "number", required: true, default: 0 },
    locale: { type: Locales, required: true, default: "en" },
    /** May review deliverables in QA (the owner always may). */
    reviewer: { type: "boolean", required: true, default: false },
    emailNotifications: { type: "boolean", required: true, default: true },
    /** Emails about new messages (batched, a few minutes after the first); hand-offs follow emailNotifications. */
    messageEmails: { type: "boolean" },
    /** QA outcomes of their work: tasks approved, approved at the first try, returns before approval. */
    qaApproved: { type: "number", required: true, default: 0 },
    qaFirstPass: { type: "number", required: true, default: 0 },
    qaReturns: { type: "number", required: true, default: 0 },
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
    membersOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["memberId"] },
    },
    loginsByEmail: {
      index: "gsi2",
      collection: "logins",
      pk: { field: "gsi2pk", composite: ["email"] },
      sk: { field: "gsi2sk", composite: ["agencyId"] },
    },
  },
});

export type MemberItem = EntityItem<typeof MemberEntity>;
