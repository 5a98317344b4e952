import { defineEntity } from "../db/entity.ts";
import { agencyKey } from "../db/attributes.ts";

// A guard item whose existence claims a value within an agency (a client code, a sign-in email).
// It is created in the same transaction as its owner with attribute_not_exists, so two
// concurrent claims cannot both win.
export const UniqueScopes = ["client-code", "login-email", "retainer-period", "survey", "digest-week"] as const;

export const UniquenessEntity = defineEntity({
  model: { entity: "uniqueness", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    scope: { type: UniqueScopes, required: true, readOnly: true },
    value: { type: "string", required: true, readOnly: true },
    ownerId: { type: "string", required: true },
  },
  indexes: {
    claim: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["scope", "value"] },
    },
  },
});
