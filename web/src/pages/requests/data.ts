import { api } from "@baton/ui/api";
import type { RequestStatus } from "@baton/ui/types";
import { query } from "@solidjs/router";
import { requestStatuses } from "../../components/badges";

/**
 * First page of requests. Without a client the API lists one status (the triage inbox,
 * "submitted", soonest response due first); for one client, "all" lists every status.
 */
export const getRequests = query(
  (status: RequestStatus | "all", clientId: string) =>
    api.requests.list({ status: status === "all" ? undefined : status, clientId: clientId || undefined }),
  "requests.list",
);
export const getRequest = query((id: string) => api.requests.get(id), "request.detail");
export const getHistory = query((id: string) => api.requests.history(id), "request.history");
export const getThread = query((id: string) => api.requests.messages(id, { limit: 100 }), "request.thread");

/** `?status=`: "all" only makes sense for one client; anything unknown is the inbox. */
export function parseRequestStatus(value: unknown, clientId: string): RequestStatus | "all" {
  if (value === "all" && clientId) return "all";
  return requestStatuses.includes(value as RequestStatus) ? (value as RequestStatus) : "submitted";
}
export const parseClientId = (value: unknown) => (typeof value === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(value) ? value : "");
