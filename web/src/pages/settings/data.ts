import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

export const getApiKeys = query(() => api.apiKeys.list(), "apiKeys.list");
export const getAgency = query(() => api.agency.get(), "agency.settings");
