import type { ClientDataPart } from "../client-data/part.ts";
import { db } from "../db/index.ts";
import { invoicesOf } from "../invoice/client-data.ts";
import { Log } from "../log/index.ts";
import { enabled, stripe } from "./stripe.ts";

const cardOf = async (agencyId: string, clientId: string) => (await db.entities.savedCard.get({ agencyId, clientId }).go()).data;

/**
 * The client's card on file (what the portal showed of it, its Stripe ids, autopay) and the
 * autopay charges of its invoices. The erase removes the card, at Stripe too; the charges stay
 * with the issued invoices they paid, as their payments do.
 */
export const cardPart: ClientDataPart = {
  name: "card",
  export: async ({ agencyId, clientId }) => {
    const invoices = await invoicesOf({ agencyId, clientId });
    const charges = invoices.length ? (await db.entities.cardCharge.get(invoices.map(({ invoiceId }) => ({ agencyId, invoiceId }))).go()).data : [];
    return { savedCard: await cardOf(agencyId, clientId), charges };
  },
  erase: async ({ agencyId, clientId }) => {
    const card = await cardOf(agencyId, clientId);
    if (!card) return { deleted: 0 };
    if (card.paymentMethodId && enabled()) {
      await (await stripe()).paymentMethods.detach(card.paymentMethodId).catch((error) => Log.warn("card: payment method not detached at Stripe on erase", { error: String(error) }));
    }
    await db.entities.savedCard.delete({ agencyId, clientId }).go();
    return { deleted: 1 };
  },
};
