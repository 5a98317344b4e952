import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

/** The first page of members; later pages come from "Load more" (see createPaged). */
export const getMembers = query(() => api.members.list(), "members.list");
