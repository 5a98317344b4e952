// Queries of the portal's invoice pages; the preloads start them from the routes (see routes.tsx).
export const preloadInvoices = () => {};
export const preloadInvoice = (_id: string) => {};
