import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

/** The company's hour bank: balance, this period, past periods, rolled-over hours. */
export const getHours = query(() => api.portal.hours(), "portal.hours");
