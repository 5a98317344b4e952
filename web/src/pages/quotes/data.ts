import { api } from "@baton/ui/api";
import { query } from "@solidjs/router";
import { getAllClients } from "../clients/data";
import { getPackages } from "../packages/data";

// The owner's quote pages: one list, one quote, and what the new-quote form reads.

export const getQuotes = query(() => api.quotes.list(), "quotes.list");
export const getQuote = query((id: string) => api.quotes.get(id), "quotes.detail");
export const quoteKeys = "quotes.";

export const preloadQuotes = () => void getQuotes();
export const preloadQuote = (id: string) => void getQuote(id);
export const preloadNewQuote = () => {
  void getAllClients();
  void getPackages("active");
};

/** One client's quotes (the client page's section); under quoteKeys, so any quote change refreshes it. */
export const getClientQuotes = query((clientId: string) => api.quotes.list(clientId), "quotes.client");
