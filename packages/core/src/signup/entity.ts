import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { Locales } from "../member/entity.ts";

/**
 * A sign-up's email verification link: single use, 15 minutes. Made before any agency exists, so
 * (like the rate-limit counters) it is keyed by the SHA-256 of its secret, not by an agency.
 */
export const SignupLinkEntity = defineEntity({
  model: { entity: "signupLink", version: "1", service: "baton" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    email: { type: "string", required: true, readOnly: true },
    /** The language the newcomer asked in: the owner's, and the emails'. */
    locale: { type: Locales, required: true, readOnly: true },
    /** Epoch seconds; also the table's TTL attribute, so DynamoDB deletes stale links. */
    expiresAt: { type: "number", required: true, readOnly: true },
    usedAt: { type: "string" },
    /** The agency the link made, set in the same transaction that made it. */
    agencyId: { type: "string" },
  },
  indexes: {
    signupLinkByToken: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type SignupLinkItem = EntityItem<typeof SignupLinkEntity>;
