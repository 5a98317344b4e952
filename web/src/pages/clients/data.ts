import { api } from "@baton/ui/api";
import { clientStatuses, type ClientStatus } from "@baton/ui/types";
import { query } from "@solidjs/router";

// Keys are prefixes of each other only where revalidating together is wanted.

/** First page of clients; "" means every status. */
export const getClients = query((status: ClientStatus | "") => api.clients.list({ status: status || undefined }), "clients.list");
export const getClient = query((id: string) => api.clients.get(id), "client.detail");
export const getContacts = query((clientId: string) => api.contacts.list(clientId), "client.contacts");

/** A `?status=` value as a filter; anything unknown means "all". */
export const parseStatus = (value: unknown): ClientStatus | "" =>
  clientStatuses.includes(value as ClientStatus) ? (value as ClientStatus) : "";
