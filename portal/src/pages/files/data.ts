import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

/** The first page of the company's files, newest first. */
export const getFiles = query(() => api.files.mine({ limit: 50 }), "portal.files");
