// English strings of the team app's billing (invoices, payments, rates, payment settings). Part of `en`.
export const enBilling = {
  "nav.invoices": "Invoices",
  "invoices.title": "Invoices",
} as const;
