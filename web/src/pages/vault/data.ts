import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

// The team app's reads of the client vault; every key starts with "vault." so one revalidate of
// `vaultKeys` refreshes them all after a change.

export const vaultKeys = "vault.";
/** A client's entries (never a secret) and the open requests for logins (owner). */
export const getClientVault = query((clientId: string) => api.vault.list(clientId), "vault.client");
/** The first page of a client's access log (owner). */
export const getClientVaultLog = query((clientId: string) => api.vault.log(clientId), "vault.log");
/** The entries a task names (owner; its assignee while it is open). */
export const getTaskVault = query((taskId: string) => api.vault.ofTask(taskId), "vault.task");
/** What a team member was shown: the checklist when they leave (owner). */
export const getOffboarding = query((memberId: string) => api.vault.offboarding(memberId), "vault.offboarding");
