import { THREAD_PAGE } from "@baton/ui/paged";
import { api } from "@baton/ui/api";
import type { RequestStatus } from "@baton/ui/types";
import { query } from "@solidjs/router";
import { requestStatuses } from "../../components/badges";

/**
 * First page of requests: the triage inbox ("submitted", soonest response due first), one
 * status, or "all" (newest first), across clients or for one client.
 */
export const getRequests = query(
  (status: RequestStatus | "all", clientId: string) => api.requests.list({ status, clientId: clientId || undefined }),
  "requests.list",
);
export const getRequest = query((id: string) => api.requests.get(id), "request.detail");
export const getHistory = query((id: string) => api.requests.history(id), "request.history");
export const getThread = query((id: string) => api.requests.messages(id, { limit: THREAD_PAGE }), "request.thread");
/** The team's internal notes on a request (never shown to the client). */
export const getNotes = query((id: string) => api.requests.messages(id, { limit: THREAD_PAGE, thread: "internal" }), "request.notes");

/** `?status=`: a status or "all"; anything unknown is the inbox. */
export function parseRequestStatus(value: unknown): RequestStatus | "all" {
  if (value === "all") return "all";
  return requestStatuses.includes(value as RequestStatus) ? (value as RequestStatus) : "submitted";
}
export const parseClientId = (value: unknown) => (typeof value === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(value) ? value : "");
