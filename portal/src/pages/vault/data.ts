import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

// Queries of the portal's vault page; keys share the "portal.vault" prefix so one revalidate refreshes both.

/** The company's entries (never a secret) and the agency's open requests for logins. */
export const getVault = query(() => api.vault.list(), "portal.vault.list");
/** The first page of the access log, newest first. */
export const getVaultLog = query(() => api.vault.log(), "portal.vault.log");

export const preloadVault = () => {
  void getVault();
  void getVaultLog();
};
