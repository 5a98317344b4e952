import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";

export const UndeliverableReasons = ["bounce", "complaint"] as const;

/**
 * An address SES reported as permanently bouncing or as complaining (marked our mail as spam).
 * Not inside an agency's keys: one address can belong to people in several agencies, and sign-in
 * links go out before anyone is known. Email.send reads it before every send and sends nothing.
 */
export const UndeliverableEntity = defineEntity({
  model: { entity: "undeliverable", version: "1", service: "baton" },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    reason: { type: UndeliverableReasons, required: true },
    /** SES's bounceSubType or complaintFeedbackType (e.g. General, NoEmail, abuse). */
    detail: { type: "string" },
    at: { type: "string", required: true },
    /** SES's feedback id: a redelivered notification changes nothing. */
    feedbackId: { type: "string" },
  },
  indexes: {
    undeliverableByEmail: {
      pk: { field: "pk", composite: ["email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type UndeliverableItem = EntityItem<typeof UndeliverableEntity>;
export type UndeliverableReason = (typeof UndeliverableReasons)[number];

/** What the owner sees on a person whose address SES gave up on. */
export const undeliverableAttribute = {
  type: "map",
  properties: {
    reason: { type: UndeliverableReasons, required: true },
    at: { type: "string", required: true },
  },
} as const;
