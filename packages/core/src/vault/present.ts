import type { VaultAccessItem, VaultAccessRequestItem, VaultEntryItem } from "./entity.ts";

// What the apps read of the vault: never a secret, never its ciphertext.

export type VaultEntry = {
  id: string;
  clientId: string;
  tool: string;
  url: string | null;
  username: string | null;
  notes: string | null;
  kind: VaultEntryItem["kind"];
  secretChangedAt: string;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export const presentEntry = (item: VaultEntryItem): VaultEntry => ({
  id: item.vaultEntryId,
  clientId: item.clientId,
  tool: item.tool,
  url: item.url ?? null,
  username: item.username ?? null,
  notes: item.notes ?? null,
  kind: item.kind,
  secretChangedAt: item.secretChangedAt,
  createdAt: item.createdAt,
  updatedAt: item.updatedAt,
  version: item.version,
});

export type VaultAccess = {
  id: string;
  entryId: string;
  tool: string;
  by: { type: "member" | "contact"; id: string; name: string };
  reason: string;
  task: { id: string; reference: string } | null;
  at: string;
};

export const presentAccess = (item: VaultAccessItem): VaultAccess => ({
  id: item.accessId,
  entryId: item.vaultEntryId,
  tool: item.tool,
  by: { type: item.byType, id: item.byId, name: item.byName },
  reason: item.reason,
  task: item.taskId ? { id: item.taskId, reference: item.taskReference ?? "" } : null,
  at: item.at,
});

export type AccessRequest = { id: string; clientId: string; tool: string; note: string | null; status: VaultAccessRequestItem["status"]; entryId: string | null; createdAt: string };

export const presentAccessRequest = (item: VaultAccessRequestItem): AccessRequest => ({
  id: item.accessRequestId,
  clientId: item.clientId,
  tool: item.tool,
  note: item.note ?? null,
  status: item.status,
  entryId: item.vaultEntryId ?? null,
  createdAt: item.createdAt,
});
