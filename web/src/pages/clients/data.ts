import { api } from "@baton/ui/api";
import { clientStatuses, type Client, type ClientStatus } from "@baton/ui/types";
import { query } from "@solidjs/router";

// Keys are prefixes of each other only where revalidating together is wanted.

/** First page of clients; "" means every status. */
export const getClients = query((status: ClientStatus | "") => api.clients.list({ status: status || undefined }), "clients.list");
export const getClient = query((id: string) => api.clients.get(id), "client.detail");
export const getContacts = query((clientId: string) => api.contacts.list(clientId), "client.contacts");

/** Every client (up to 100 pages of 100), for pickers and for naming a task's or request's client. */
export const getAllClients = query(async (): Promise<Client[]> => {
  const all: Client[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await api.clients.list({ limit: 100, cursor });
    all.push(...result.items);
    if (!result.cursor) break;
    cursor = result.cursor;
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}, "clients.all");

export const getClientNames = query(async () => new Map((await getAllClients()).map((client) => [client.id, client])), "clients.byId");

/** A `?status=` value as a filter; anything unknown means "all". */
export const parseStatus = (value: unknown): ClientStatus | "" =>
  clientStatuses.includes(value as ClientStatus) ? (value as ClientStatus) : "";
