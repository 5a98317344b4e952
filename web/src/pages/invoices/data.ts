import { api } from "@baton/ui/api";
import type { InvoiceStatus } from "@baton/ui/types";
import { query } from "@solidjs/router";
import { getAllClients, getClient } from "../clients/data";
import { getPackages } from "../packages/data";

type Query = Record<string, string | string[] | undefined>;

export const invoiceStatuses: InvoiceStatus[] = ["draft", "sent", "partially_paid", "paid", "void"];

/** First page of invoices, newest first, of one status (or all) and one client (or all). */
export const getInvoices = query(
  (status: InvoiceStatus | "all", clientId: string) => api.invoices.list({ status, clientId: clientId || undefined }),
  "invoices.list",
);
export const getInvoice = query((id: string) => api.invoices.get(id), "invoice.detail");
/** Time not on any invoice yet; `from`/`to` are YYYY-MM-DD or "". */
export const getUnbilled = query(
  (clientId: string, from: string, to: string) => api.time.unbilled(clientId, { from: from || undefined, to: to || undefined }),
  "invoices.unbilled",
);

/** A client's issued deposit invoices not yet taken off another invoice. */
export const getOpenDeposits = query((clientId: string) => api.invoices.openDeposits(clientId), "invoices.deposits");
/** What creating, sending, deleting or voiding an invoice can change besides the invoice itself. */
export const invoiceListKeys = ["invoices.list", "invoices.deposits", "invoices.unbilled"];

/** `?status=`: a status or "all" (the default). */
export const parseInvoiceStatus = (value: unknown): InvoiceStatus | "all" =>
  invoiceStatuses.includes(value as InvoiceStatus) ? (value as InvoiceStatus) : "all";
export const parseClientId = (value: unknown) => (typeof value === "string" && /^[A-Za-z0-9_-]{1,40}$/.test(value) ? value : "");

export const preloadInvoices = (query: Query) => {
  void getInvoices(parseInvoiceStatus(query.status), parseClientId(query.client));
  void getAllClients();
};
export const preloadNewInvoice = (query: Query) => {
  void getAllClients();
  void getPackages("active");
  const clientId = parseClientId(query.client);
  if (clientId) void getClient(clientId);
};
export const preloadInvoice = (id: string) => void getInvoice(id);
