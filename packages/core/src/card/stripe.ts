import type Stripe from "stripe";
import { Config } from "../config/index.ts";
import { VisibleError } from "../error/index.ts";
import { loadOnce } from "../lazy/index.ts";

// The Stripe SDK client, on its own so that whoever calls Stripe (checkout and the webhook here,
// a card refund in invoice/refund.ts) needs no more than this: it imports nothing of the areas.

export const enabled = () => Boolean(Config.stripeSecretKey);

const stripeSdk = loadOnce(() => import("stripe"));

/**
 * The Stripe SDK, loaded on first use: only checkout, the webhook and card refunds need it, so no
 * other call (and no cold start) pays for importing it.
 */
export async function stripe(): Promise<Stripe> {
  const key = Config.stripeSecretKey;
  if (!key) throw new VisibleError("rule", "card.not_configured", "Card payments are not set up; use the payment instructions on the invoice.");
  const base = Config.stripeApiBase ? new URL(Config.stripeApiBase) : undefined;
  const { default: StripeSdk } = await stripeSdk();
  return new StripeSdk(key, {
    maxNetworkRetries: 1,
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === "https:" ? 443 : 80)), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
  });
}
