import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

export const SignInApps = ["web", "portal"] as const;
export type SignInApp = (typeof SignInApps)[number];

/** A single-use sign-in link. Only the SHA-256 of its secret is stored. */
export const MagicLinkEntity = defineEntity({
  model: { entity: "magicLink", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    tokenHash: { type: "string", required: true, readOnly: true },
    subjectType: { type: ["member", "contact"] as const, required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    purpose: { type: ["sign-in", "invitation"] as const, required: true, readOnly: true },
    /** Epoch seconds; also the table's TTL attribute, so DynamoDB deletes stale links. */
    expiresAt: { type: "number", required: true, readOnly: true },
    usedAt: { type: "string" },
  },
  indexes: {
    linkByToken: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["tokenHash"] },
    },
  },
});

export type MagicLinkItem = EntityItem<typeof MagicLinkEntity>;

/**
 * A fixed-window counter for sign-in link requests. Keyed by email or IP, before anyone is
 * authenticated, so it is the one item kind that is not inside an agency's keys.
 */
export const RateLimitEntity = defineEntity({
  model: { entity: "rateLimit", version: "1", service: "baton" },
  attributes: {
    bucket: { type: "string", required: true, readOnly: true },
    window: { type: "string", required: true, readOnly: true },
    count: { type: "number", required: true, default: 0 },
    expiresAt: { type: "number", required: true },
  },
  indexes: {
    counter: {
      pk: { field: "pk", composite: ["bucket"] },
      sk: { field: "sk", composite: ["window"] },
    },
  },
});
