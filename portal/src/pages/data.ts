import { THREAD_PAGE } from "@baton/ui/paged";
import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

// Keys are prefixes of each other only where revalidating together is wanted.

export const getCompany = query(() => api.portal.company(), "portal.company");

/** The first page of the company's requests, newest first. */
export const getRequests = query(() => api.requests.list(), "portal.requests.list");
export const getRequest = query((id: string) => api.requests.get(id), "portal.request.detail");
export const getHistory = query((id: string) => api.requests.history(id), "portal.request.history");
/** The first page of a request's thread, oldest first. */
export const getMessages = query((id: string) => api.requests.messages(id, { limit: THREAD_PAGE }), "portal.request.messages");
