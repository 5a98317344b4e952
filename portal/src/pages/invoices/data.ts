import { api } from "@baton/ui/api";
import type { Invoice } from "@baton/ui/types";
import { query } from "@solidjs/router";

// Queries of the portal's invoice pages; the preloads start them from the routes (see routes.tsx).
// Keys share the "portal.invoices" prefix so one revalidate refreshes the list and what is owed.

/** The first page of the company's invoices (sent ones only: the API hides drafts), newest first. */
export const getInvoices = query(() => api.invoices.list(), "portal.invoices.list");

/**
 * Every invoice still owed, whatever page of the list it is on, for the notice at the top.
 * A company rarely has more than a handful open; the page cap only guards against a runaway loop.
 */
export const getOwedInvoices = query(async (): Promise<Invoice[]> => {
  const statuses = ["sent", "partially_paid"] as const;
  const pages = await Promise.all(
    statuses.map(async (status) => {
      const items: Invoice[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await api.invoices.list({ status, limit: 100, cursor });
        items.push(...page.items);
        if (!page.cursor) break;
        cursor = page.cursor;
      }
      return items;
    }),
  );
  return pages.flat();
}, "portal.invoices.owed");

export const getInvoice = query((id: string) => api.invoices.get(id), "portal.invoice.detail");

export const preloadInvoices = () => {
  void getInvoices();
  void getOwedInvoices();
};
export const preloadInvoice = (id: string) => void getInvoice(id);
