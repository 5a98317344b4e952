// Queries of the invoice pages; the preloads start them from the routes (see routes.tsx).
export const preloadInvoices = (_query: Record<string, string | string[] | undefined>) => {};
export const preloadNewInvoice = (_query: Record<string, string | string[] | undefined>) => {};
export const preloadInvoice = (_id: string) => {};
