import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

export const getCompany = query(() => api.portal.company(), "portal.company");
