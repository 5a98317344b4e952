import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

export const ApiKeyEntity = defineEntity({
  model: { entity: "apiKey", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    apiKeyId: { type: "string", required: true, readOnly: true },
    name: { type: "string", required: true },
    /** The first characters of the secret, so the owner can tell keys apart. */
    prefix: { type: "string", required: true, readOnly: true },
    /** SHA-256 of the secret; the secret itself is shown once and never stored. */
    secretHash: { type: "string", required: true, readOnly: true },
    /** What the key may do ("read": GET; "write": everything else it is let in to; "webhooks": REST-hook subscriptions and the poll list). Keys from before scopes have read and write. */
    scopes: { type: "set", items: ["read", "write", "webhooks"] as const },
    createdBy: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
    lastUsedAt: { type: "string" },
  },
  indexes: {
    keysOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["apiKeyId"] },
    },
  },
});

export type ApiKeyItem = EntityItem<typeof ApiKeyEntity>;
