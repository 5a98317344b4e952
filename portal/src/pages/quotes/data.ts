import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";

// Queries of the portal's quote pages; keys share the "portal.quotes" prefix so one revalidate refreshes both.

/** The company's sent quotes, newest first (the API never shows a draft). */
export const getQuotes = query(() => api.quotes.list(), "portal.quotes.list");
export const getQuote = query((id: string) => api.quotes.get(id), "portal.quotes.detail");

export const preloadQuotes = () => void getQuotes();
export const preloadQuote = (id: string) => void getQuote(id);
