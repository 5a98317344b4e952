// English strings of the client portal's invoices and payments. Part of `en`.
export const enPortalBilling = {
  "portal.nav.invoices": "Invoices",
  "portal.invoices.title": "Invoices",
} as const;
