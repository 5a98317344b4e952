import { deleteAll } from "../client-data/batch.ts";
import { all, isIssued, type ClientDataPart, type Scope } from "../client-data/part.ts";
import { db } from "../db/index.ts";

/** Every invoice of the client, drafts too (`invoicesOfClient`). */
export const invoicesOf = async ({ agencyId, clientId }: Pick<Scope, "agencyId" | "clientId">) => (await db.entities.invoice.query.invoicesOfClient({ agencyId, clientId }).go(all)).data;

/** The ids of the client's issued invoices: what the erase keeps, with what they stand on. */
export const issuedInvoiceIds = async (scope: Pick<Scope, "agencyId" | "clientId">) => (await invoicesOf(scope)).filter(isIssued).map((invoice) => invoice.invoiceId);

export const invoicesPart: ClientDataPart = {
  name: "invoices",
  export: async (scope) => {
    const invoices = await invoicesOf(scope);
    const payments = await Promise.all(invoices.map((i) => db.entities.payment.query.paymentsOfInvoice({ agencyId: scope.agencyId, invoiceId: i.invoiceId }).go(all)));
    return invoices.map((invoice, n) => ({ ...invoice, payments: payments[n]!.data }));
  },
  erase: async (scope) => {
    const invoices = await invoicesOf(scope);
    const drafts = invoices.filter((i) => !isIssued(i));
    const draftIds = new Set(drafts.map((d) => d.invoiceId));
    // A kept deposit that a deleted draft took off is free again.
    for (const deposit of invoices.filter((i) => isIssued(i) && i.deductedOn && draftIds.has(i.deductedOn))) {
      await db.entities.invoice.patch({ agencyId: deposit.agencyId, invoiceId: deposit.invoiceId }).remove(["deductedOn"]).add({ version: 1 }).go();
    }
    const deleted = await deleteAll(db.entities.invoice, drafts.map(({ agencyId, invoiceId }) => ({ agencyId, invoiceId })));
    return { deleted, kept: invoices.length - drafts.length };
  },
};
