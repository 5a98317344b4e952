import type { AgencyItem } from "../../agency/entity.ts";
import type { ClientItem } from "../../client/entity.ts";
import { AgencyStore } from "../../agency/store.ts";
import { ClientStore } from "../../client/store.ts";
import { Config } from "../../config/index.ts";
import { db } from "../../db/index.ts";
import type { Locale } from "../../i18n/index.ts";
import type { InvoiceItem } from "../entity.ts";
import type { InvoiceDetail } from "../read.ts";
import { billToOf, issuerOf, stampedParties } from "../parties.ts";
import { describeLine, present, presentPayment } from "../present.ts";

// What a PDF shows of an invoice: its detail (as GET /invoices/:id answers it) with Baton's own
// line descriptions in the reader's language — the reader of a PDF is whoever it is made for (a
// contact reading their email), not necessarily the caller. The invoice's client and agency may
// be given by a caller that has them already (the invoice email reads them).

export type Known = { agency?: AgencyItem | null; client?: ClientItem | null };

export async function detailFor(item: InvoiceItem, locale: Locale, known: Known = {}): Promise<InvoiceDetail> {
  const { agencyId, clientId, invoiceId } = item;
  const [client, agency, payments] = await Promise.all([
    known.client !== undefined ? known.client : ClientStore.load(agencyId, clientId),
    known.agency !== undefined ? known.agency : AgencyStore.load(agencyId),
    db.entities.payment.query.paymentsOfInvoice({ agencyId, invoiceId }).go({ pages: "all" }),
  ]);
  const invoice = present(item, client?.name ?? "");
  const stamped = stampedParties(item);
  return {
    ...invoice,
    lines: item.lines.map((line) => {
      const { text: _meaning, ...shown } = line;
      return { ...shown, description: describeLine(line, locale) };
    }),
    payments: payments.data.map(presentPayment).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt)),
    paymentInstructions: agency?.paymentInstructions ?? null,
    cardPayments: Boolean(Config.stripeSecretKey) && invoice.balance > 0 && invoice.status !== "void",
    agency: stamped.issuer ?? issuerOf(agency),
    billTo: stamped.billTo ?? (client ? billToOf(client) : { name: invoice.client.name, address: null, taxId: null }),
  };
}
