import type { EntityItem } from "electrodb";
import { defineEntity } from "../db/entity.ts";
import { agencyKey, timestamps, versioned } from "../db/attributes.ts";

export const SecretKinds = ["password", "recovery_codes", "totp"] as const;
export type SecretKind = (typeof SecretKinds)[number];

/**
 * The agency's data key, wrapped by the key provider (KMS on AWS, the local key file locally).
 * Made once, on the agency's first entry; only its wrapped form is ever stored.
 */
export const VaultKeyEntity = defineEntity({
  model: { entity: "vaultKey", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    /** Which provider wrapped it: "kms" or "local". */
    provider: { type: "string", required: true, readOnly: true },
    wrapped: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    keyOfAgency: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

/** One login a client keeps in the vault: what it is for, and its secret sealed by the agency's data key. */
export const VaultEntryEntity = defineEntity({
  model: { entity: "vaultEntry", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    vaultEntryId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    tool: { type: "string", required: true },
    url: { type: "string" },
    username: { type: "string" },
    notes: { type: "string" },
    kind: { type: SecretKinds, required: true },
    /** AES-256-GCM under the agency's data key, bound to the entry (v1.iv.tag.ciphertext, base64url). */
    sealed: { type: "string", required: true },
    /** When the secret last changed: a reveal before it saw a secret that no longer works. */
    secretChangedAt: { type: "string", required: true },
    /** The access request this entry answered, if any. */
    accessRequestId: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    entryById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["vaultEntryId"] },
    },
    entriesOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["vaultEntryId"] },
    },
  },
});

/** One reveal: who saw which entry's secret, when, why and for which task. Never the secret. */
export const VaultAccessEntity = defineEntity({
  model: { entity: "vaultAccess", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    accessId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    vaultEntryId: { type: "string", required: true, readOnly: true },
    tool: { type: "string", required: true, readOnly: true },
    byType: { type: ["member", "contact"] as const, required: true, readOnly: true },
    byId: { type: "string", required: true, readOnly: true },
    byName: { type: "string", required: true, readOnly: true },
    reason: { type: "string", required: true, readOnly: true },
    taskId: { type: "string", readOnly: true },
    taskReference: { type: "string", readOnly: true },
    at: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    accessById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["accessId"] },
    },
    accessOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["accessId"] },
    },
    accessByPerson: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["agencyId", "byId"] },
      sk: { field: "gsi2sk", composite: ["accessId"] },
    },
  },
});

/** An entry the owner named on a task: its assignee may reveal it while the task is open and theirs. */
export const VaultTaskEntryEntity = defineEntity({
  model: { entity: "vaultTaskEntry", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    taskId: { type: "string", required: true, readOnly: true },
    vaultEntryId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    ...timestamps,
  },
  indexes: {
    entriesOfTask: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["taskId", "vaultEntryId"] },
    },
    taskEntriesOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["taskId", "vaultEntryId"] },
    },
  },
});

export const AccessRequestStatuses = ["open", "done"] as const;

/** The owner asking a client for a login: a to-do in the client's portal until an entry answers it. */
export const VaultAccessRequestEntity = defineEntity({
  model: { entity: "vaultAccessRequest", version: "1", service: "baton" },
  attributes: {
    ...agencyKey,
    accessRequestId: { type: "string", required: true, readOnly: true },
    clientId: { type: "string", required: true, readOnly: true },
    tool: { type: "string", required: true, readOnly: true },
    note: { type: "string" },
    status: { type: AccessRequestStatuses, required: true, default: "open" },
    vaultEntryId: { type: "string" },
    ...timestamps,
    ...versioned,
  },
  indexes: {
    accessRequestById: {
      pk: { field: "pk", composite: ["agencyId"] },
      sk: { field: "sk", composite: ["accessRequestId"] },
    },
    accessRequestsOfClient: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["agencyId", "clientId"] },
      sk: { field: "gsi1sk", composite: ["accessRequestId"] },
    },
  },
});

export type VaultKeyItem = EntityItem<typeof VaultKeyEntity>;
export type VaultEntryItem = EntityItem<typeof VaultEntryEntity>;
export type VaultAccessItem = EntityItem<typeof VaultAccessEntity>;
export type VaultTaskEntryItem = EntityItem<typeof VaultTaskEntryEntity>;
export type VaultAccessRequestItem = EntityItem<typeof VaultAccessRequestEntity>;
